/** Every fixed list of urgent cases (kinds, steps, outcomes, campaign actions and outcomes) has its words in both catalogues. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STEP_CODES, URGENT_KINDS, URGENT_OUTCOMES } from '../../../domain/urgent/checklist';
import { CAMPAIGN_ACTION_KINDS, CAMPAIGN_OUTCOMES } from '../../../domain/urgent/campaign';

const here = dirname(fileURLToPath(import.meta.url));
const catalogue = (lang: string) => JSON.parse(readFileSync(join(here, '..', '..', 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>;
const words = readFileSync(join(here, 'words.tsx'), 'utf8');

describe('urgent words', () => {
  it('name every kind, step, outcome and campaign action in Spanish and English, through the words module', () => {
    const keys = [
      ...URGENT_KINDS.flatMap((k) => [`urgent.kind.${k}`, `urgent.kindHint.${k}`]),
      ...STEP_CODES.map((c) => `urgent.step.${c}`),
      ...URGENT_OUTCOMES.map((o) => `urgent.outcome.${o}`),
      ...CAMPAIGN_ACTION_KINDS.map((k) => `urgent.action.${k}`),
      ...CAMPAIGN_OUTCOMES.map((o) => `urgent.campaignOutcome.${o}`),
    ];
    for (const lang of ['es', 'en']) {
      const cat = catalogue(lang);
      expect(keys.filter((k) => !cat[k]), lang).toEqual([]);
    }
    expect(keys.filter((k) => !words.includes(`'${k}'`))).toEqual([]);
  });

  it('count days in the status line of both languages', () => {
    for (const lang of ['es', 'en']) for (const k of ['urgent.status.missing', 'urgent.status.detained', 'urgent.status.open', 'urgent.status.closed']) expect(catalogue(lang)[k]).toContain('{day}');
    expect(catalogue('es')['urgent.status.missing']).toBe('Sigue sin aparecer — día {day}');
    expect(catalogue('es')['urgent.case.overdue']).toBe('Vencido');
  });
});
