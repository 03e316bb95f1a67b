/** Duplicates in words: the reasons two incidents look alike, what a merge moves, why one is refused. */
import { t } from '../../i18n/i18n';
import { ApiError } from '../../api';
import { errorText } from '../../lib/problems';
import type { Vocab } from '../../lib/vocab';
import type { DuplicateReason, Moves } from './types';

const pct = (x: number) => Math.round(x * 100);

export function scoreText(score: number): string {
  return t('duplicates.score', { pct: pct(score) });
}

export function reasonText(r: DuplicateReason, vocab: Vocab | null): string {
  switch (r.kind) {
    case 'date':
      return r.overlap ? t('duplicates.reason.dateOverlap') : t('duplicates.reason.dateGap', { days: r.gapDays });
    case 'place':
      switch (r.level) {
        case 'crossing': return t('duplicates.reason.placeCrossing');
        case 'locality': return t('duplicates.reason.placeLocality');
        case 'state': return t('duplicates.reason.placeState');
        default: return t('duplicates.reason.placeCountry');
      }
    case 'victims': {
      const parts: string[] = [];
      if (r.byId) parts.push(t('duplicates.reason.victimsSame', { count: r.byId }));
      if (r.byPseudonym) parts.push(t('duplicates.reason.victimsPseudonym', { names: r.pseudonyms.join(', ') }));
      return parts.join(' · ');
    }
    case 'text':
      return t('duplicates.reason.text', { pct: pct(r.similarity) });
    case 'acts':
      return t('duplicates.reason.acts', { labels: r.shared.map((c) => vocab?.label('act', c) ?? c).join(', ') });
    case 'perpetrators':
      return t('duplicates.reason.perpetrators', { labels: r.shared.map((c) => vocab?.label('perpetrator', c) ?? c).join(', ') });
  }
}

/** What a merge of `other` brings, one line per kind of part that has any. */
export function movesText(m: Moves): string[] {
  const out: string[] = [];
  if (m.victims) out.push(t('duplicates.moves.victims', { count: m.victims }));
  if (m.acts) out.push(t('duplicates.moves.acts', { count: m.acts }));
  if (m.sources) out.push(t('duplicates.moves.sources', { count: m.sources }));
  if (m.interventions) out.push(t('duplicates.moves.interventions', { count: m.interventions }));
  if (m.evidence) out.push(t('duplicates.moves.evidence', { count: m.evidence }));
  if (m.urgent) out.push(t('duplicates.moves.urgent', { count: m.urgent }));
  return out;
}

/** Why a merge or a dismissal did not happen. */
export function refusalText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'merge_would_widen') return t('duplicates.error.widen');
    if (e.code === 'merge_urgent_open') return t('duplicates.error.urgentOpen');
    if (e.code === 'conflict') return t('duplicates.error.stale');
    if (e.code === 'invalid' && e.problems?.some((p) => p.code === 'merge_too_large')) return t('duplicates.error.tooLarge');
  }
  return errorText(e);
}
