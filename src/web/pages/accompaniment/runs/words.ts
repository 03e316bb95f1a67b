/**
 * The words the run pages share: statuses, modes, marks, needs, flags, in the reader's language;
 * which mark buttons a passenger's row offers and what a tap on a grid cell sets next. Keys are
 * literals in tables (the catalogue test finds them); the mapping functions are pure and tested.
 */
import { lang, t } from '../../../i18n/i18n';
import type { FlagCode, Mark, Mode, Need, Place, RunStatus, AgeGroup, Access } from './api';

const STATUS = {
  planned: 'acc.runs.status.planned',
  underway: 'acc.runs.status.underway',
  ended: 'acc.runs.status.ended',
  cancelled: 'acc.runs.status.cancelled',
} as const;
const MODE = {
  bus: 'acc.runs.mode.bus',
  car: 'acc.runs.mode.car',
  van: 'acc.runs.mode.van',
  walk: 'acc.runs.mode.walk',
  taxi: 'acc.runs.mode.taxi',
  train: 'acc.runs.mode.train',
  other: 'acc.runs.mode.other',
} as const;
const MARK = {
  pending: 'acc.track.mark.pending',
  picked_up: 'acc.track.mark.picked_up',
  arrived: 'acc.track.mark.arrived',
  presented: 'acc.track.mark.presented',
  returned: 'acc.track.mark.returned',
  missed: 'acc.track.mark.missed',
} as const;
/** what a mark button says (an action: "Recogido", "No llegó") */
const MARK_BUTTON = {
  pending: 'acc.track.button.pending',
  picked_up: 'acc.track.button.picked_up',
  arrived: 'acc.track.button.arrived',
  presented: 'acc.track.button.presented',
  returned: 'acc.track.button.returned',
  missed: 'acc.track.button.missed',
} as const;
const NEED = {
  medical: 'acc.runs.need.medical',
  pregnancy: 'acc.runs.need.pregnancy',
  disability: 'acc.runs.need.disability',
  wheelchair: 'acc.runs.need.wheelchair',
  interpreter: 'acc.runs.need.interpreter',
  infant: 'acc.runs.need.infant',
  unaccompanied_minor: 'acc.runs.need.unaccompanied_minor',
  mental_health: 'acc.runs.need.mental_health',
  dietary: 'acc.runs.need.dietary',
} as const;
const AGE = {
  child: 'acc.runs.age.child',
  adult: 'acc.runs.age.adult',
  unknown: 'acc.runs.age.unknown',
} as const;
const ACCESS = {
  escort: 'acc.track.access.escort',
  partner: 'acc.track.access.partner',
} as const;
const FLAG = {
  over_capacity: 'acc.plan.flag.over_capacity',
  escort_overlap: 'acc.plan.flag.escort_overlap',
  double_booked: 'acc.plan.flag.double_booked',
  arrives_late: 'acc.plan.flag.arrives_late',
  hearing_without_run: 'acc.plan.flag.hearing_without_run',
  departs_after_presentation: 'acc.plan.flag.departs_after_presentation',
  no_seats: 'acc.plan.flag.no_seats',
} as const;

/** every key named above, for the catalogue test */
export const RUN_WORD_KEYS = { STATUS, MODE, MARK, MARK_BUTTON, NEED, AGE, ACCESS, FLAG };

export const statusName = (s: RunStatus) => t(STATUS[s]);
export const modeName = (m: Mode) => t(MODE[m]);
export const markName = (m: Mark) => t(MARK[m]);
export const markButton = (m: Mark) => t(MARK_BUTTON[m]);
export const needName = (n: Need) => (n in NEED ? t(NEED[n]) : n);
export const ageName = (a: AgeGroup) => t(AGE[a]);
export const accessName = (a: Access) => t(ACCESS[a]);
export const flagText = (c: FlagCode) => (c in FLAG ? t(FLAG[c]) : c);
export const flagKey = (c: FlagCode): string => FLAG[c];
export const markKey = (m: Mark): string => MARK[m];

/** The marks a passenger's row offers, in the order of the day; the undo (back to pending) is apart. */
export const MARK_BUTTONS: readonly Mark[] = ['picked_up', 'arrived', 'presented', 'returned', 'missed'];

/** The buttons of a row: every mark, the current one pressed; undo only when something is marked. */
export function markRow(current: Mark): { buttons: { mark: Mark; pressed: boolean }[]; undo: boolean } {
  return { buttons: MARK_BUTTONS.map((mark) => ({ mark, pressed: mark === current })), undo: current !== 'pending' };
}

/**
 * What one tap on a cell of the run page's grid sets: the day moves forward (pending → picked up →
 * arrived → presented on the leg that ends where they present themselves), then missed, then back
 * to pending (a mistake undone by tapping on).
 */
export function nextMark(current: Mark, lastLeg: boolean): Mark {
  const order: Mark[] = lastLeg ? ['pending', 'picked_up', 'arrived', 'presented', 'missed'] : ['pending', 'picked_up', 'arrived', 'missed'];
  const i = order.indexOf(current);
  return i < 0 ? 'pending' : order[(i + 1) % order.length]!;
}

/** A place's name in the reader's language (the code when it is not in the list). */
export function placeName(places: Place[] | null | undefined, code: string | null | undefined): string {
  if (!code) return '';
  const p = places?.find((x) => x.code === code);
  return p ? (lang() === 'en' ? p.en : p.es) : code;
}
