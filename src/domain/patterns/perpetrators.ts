/**
 * What the detectors need to know about a perpetrator code: the country of a state perpetrator
 * (cross-border chains) and the code cut to the level pairs are counted at (co-perpetrators).
 */
import type { PatternPerpetrator } from './pattern-incident.js';

const COUNTRY_SEGMENT = /^[a-z]{2}$/;
const COUNTRY_FIELD = /^[A-Za-z]{2}$/;

/**
 * The country of a state perpetrator, upper-case ISO alpha-2, or null when it is not a state
 * perpetrator or its country is not known.
 * - 'state.mx.inm' → 'MX': the second segment names the country;
 * - 'state.other_country' or a bare 'state' → its `country` field when given, else unknown;
 * - 'non_state…' → null: non-state perpetrators have no country for cross-border purposes.
 */
export function perpetratorCountry(p: PatternPerpetrator): string | null {
  const [kind, second] = p.code.split('.');
  if (kind !== 'state') return null;
  if (second !== undefined && COUNTRY_SEGMENT.test(second)) return second.toUpperCase();
  if (second === undefined || second === 'other_country') {
    return p.country !== undefined && COUNTRY_FIELD.test(p.country) ? p.country.toUpperCase() : null;
  }
  return null; // a state code whose second segment is not a country: we cannot tell where it acted
}

/** The level co-perpetrator pairs are counted at: the full code, or the code cut to two segments. */
export type PerpetratorLevel = 'institution' | 'country';

/** The code at a level: 'state.mx.inm' stays as is at 'institution', becomes 'state.mx' at 'country'. */
export function perpetratorAtLevel(code: string, level: PerpetratorLevel): string {
  return level === 'institution' ? code : code.split('.').slice(0, 2).join('.');
}
