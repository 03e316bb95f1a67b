/** Flags, marks, statuses, modes and needs have words in both catalogues; the mark buttons and the grid's taps follow the day. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MARKS } from '../../../../domain/accompaniment/marks';
import { MODES, RUN_STATUSES } from '../../../../domain/accompaniment/run';
import { NEEDS } from '../../../../domain/accompaniment/person';
import { MARK_BUTTONS, RUN_WORD_KEYS, flagKey, markKey, markRow, nextMark } from './words';
import type { FlagCode } from './api';

const here = dirname(fileURLToPath(import.meta.url));
const catalogue = (lang: string) => JSON.parse(readFileSync(join(here, '..', '..', '..', 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>;
const FLAGS: FlagCode[] = ['over_capacity', 'escort_overlap', 'double_booked', 'arrives_late', 'hearing_without_run', 'departs_after_presentation', 'no_seats'];

describe('run words', () => {
  it('name every flag, mark, status, mode and need in Spanish and English', () => {
    const keys = [
      ...FLAGS.map(flagKey),
      ...MARKS.map(markKey),
      ...MARKS.map((m) => RUN_WORD_KEYS.MARK_BUTTON[m]),
      ...RUN_STATUSES.map((s) => RUN_WORD_KEYS.STATUS[s]),
      ...MODES.map((m) => RUN_WORD_KEYS.MODE[m]),
      ...NEEDS.map((n) => RUN_WORD_KEYS.NEED[n]),
    ];
    for (const lang of ['es', 'en']) {
      const cat = catalogue(lang);
      expect(keys.filter((k) => !cat[k]), lang).toEqual([]);
    }
    const es = catalogue('es');
    expect(es[flagKey('over_capacity')]).toBe('Más pasajeros que asientos');
    expect(es[flagKey('hearing_without_run')]).toBe('Audiencia sin traslado');
    expect(catalogue('en')[flagKey('escort_overlap')]).toBe('The escort is on two runs at the same time');
    expect(['picked_up', 'arrived', 'presented', 'returned', 'missed'].map((m) => es[`acc.track.button.${m}`])).toEqual(['Recogido', 'Llegó', 'Se presentó', 'Regresó', 'No llegó']);
    expect(es['acc.track.gone']).toBe('Este traslado terminó o no está disponible.');
  });

  it('offer the five marks on every row, the current one pressed, and an undo once something is marked', () => {
    expect(MARK_BUTTONS).toEqual(['picked_up', 'arrived', 'presented', 'returned', 'missed']);
    expect(markRow('pending')).toEqual({ buttons: MARK_BUTTONS.map((mark) => ({ mark, pressed: false })), undo: false });
    const r = markRow('arrived');
    expect(r.buttons.filter((b) => b.pressed).map((b) => b.mark)).toEqual(['arrived']);
    expect(r.undo).toBe(true);
    expect(markRow('missed').undo).toBe(true);
  });

  it('move a grid cell forward one tap at a time and back to pending', () => {
    const walk = (last: boolean) => {
      const seen: string[] = [];
      let m: (typeof MARKS)[number] = 'pending';
      for (let i = 0; i < 6; i++) seen.push((m = nextMark(m, last)));
      return seen;
    };
    expect(walk(true)).toEqual(['picked_up', 'arrived', 'presented', 'missed', 'pending', 'picked_up']);
    expect(walk(false)).toEqual(['picked_up', 'arrived', 'missed', 'pending', 'picked_up', 'arrived']);
    expect(nextMark('returned', false)).toBe('pending');
  });
});
