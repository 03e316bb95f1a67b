/** Generated incidents' facts for the duplicate properties: few values, so matches are frequent. */
import fc from 'fast-check';
import type { DuplicateFacts } from '../../src/domain/duplicates/score.js';

const DAYS = ['2026-03-01', '2026-03-02', '2026-03-05', '2026-03-09', '2026-03-20', '2026-04-02'];
const SPANS = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...DAYS).map((d) => ({ from: d, to: d })),
  fc.constantFrom(...DAYS).map((d) => ({ from: d, to: '2026-03-31' > d ? '2026-03-31' : d })),
  fc.constant({ from: '2026-01-01', to: '2026-12-31' }),
  fc.constant({ from: '2026-03-01', to: '2026-03-03' }),
);
const PLACES = fc.record(
  {
    country: fc.constantFrom('MX', 'US'),
    state: fc.constantFrom('MX-CHP', 'MX-COA', 'US-TX'),
    locality: fc.constantFrom('Tapachula', 'tapachula', 'Saltillo', 'Piedras Negras'),
    crossing: fc.constantFrom('eagle_pass', 'el_paso'),
  },
  { requiredKeys: [] },
);
const WORDS = ['detención', 'defensor', 'albergue', 'amenaza', 'Tapachula', 'redada', 'migrantes', 'garita', 'policía', 'muerte'];
const TEXT = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' '));
const ACTS = ['threat.death', 'threat.phone', 'detention.arrest', 'surveillance.home', 'shelter_entry.raid'];
const PERPS = ['state.mx.inm', 'state.mx.national_guard', 'non_state.organised_crime', 'state.us.cbp'];
const VICTIMS = [
  { actorId: 'v1', pseudonym: 'Defensora Luna' },
  { actorId: 'v2', pseudonym: 'defensora luna' },
  { actorId: 'v3', pseudonym: 'Coordinador A' },
  { actorId: 'v4', pseudonym: 'Yo' },
];

export const facts = (ids: string[] = ['i1', 'i2', 'i3', 'i4', 'i5']): fc.Arbitrary<DuplicateFacts> =>
  fc.record({
    id: fc.constantFrom(...ids),
    span: SPANS,
    place: PLACES,
    title: TEXT,
    summary: fc.option(TEXT, { nil: undefined }),
    acts: fc.uniqueArray(fc.constantFrom(...ACTS), { maxLength: 3 }),
    perpetrators: fc.uniqueArray(fc.constantFrom(...PERPS), { maxLength: 3 }),
    victims: fc.option(fc.uniqueArray(fc.constantFrom(...VICTIMS), { maxLength: 3, selector: (v) => v.actorId }), { nil: undefined }),
  });
