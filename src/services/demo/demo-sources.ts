/**
 * Sources for the demo generator: who reported an incident and how (kind, method, date received,
 * reliability), the consent recorded for personal sources, and source pseudonyms and testimonies.
 */
import * as T from './demo-texts.js';
import type { DemoLang } from './demo-texts.js';
import type { RawSource } from './demo-input-types.js';
import type { Weighted, Rng } from './demo-random.js';
import type { Codes } from './demo-codes.js';
import { type DatePlan, laterDate } from './demo-dates.js';

const PERSONAL_SOURCES = new Set(['victim', 'witness', 'family_member', 'own_staff', 'anonymous']);

function consent(rng: Rng, codes: Codes, personal: boolean): NonNullable<RawSource['consent']> {
  const v = (w: Weighted<string>) => codes.c('consent_value', rng.weighted(w));
  if (!personal) {
    return { internal_analysis: v([['not_asked', 60], ['given', 40]]), share_partners: v([['not_asked', 80], ['given', 20]]), anonymous_publication: v([['not_asked', 100]]), named_publication: v([['not_asked', 100]]), legal_action: v([['not_asked', 100]]) };
  }
  return {
    internal_analysis: v([['given', 92], ['refused', 2], ['not_asked', 5], ['withdrawn', 1]]),
    share_partners: v([['given', 60], ['refused', 20], ['not_asked', 19], ['withdrawn', 1]]),
    anonymous_publication: v([['given', 55], ['refused', 15], ['not_asked', 28], ['withdrawn', 2]]),
    named_publication: v([['given', 8], ['refused', 62], ['not_asked', 30]]),
    legal_action: v([['given', 35], ['refused', 15], ['not_asked', 48], ['withdrawn', 2]]),
  };
}

export function makeSources(rng: Rng, codes: Codes, d: DatePlan, lang: DemoLang, family: string, nextSerial: () => number): RawSource[] {
  const out: RawSource[] = [];
  const count = rng.chance(0.8) ? 1 : 2;
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted<string>(family === 'defamation'
      ? [['social_media_post', 40], ['media_report', 25], ['victim', 20], ['own_staff', 15]]
      : [['victim', 30], ['own_staff', 22], ['partner_org', 14], ['witness', 12], ['media_report', 8], ['social_media_post', 5], ['official_document', 4], ['family_member', 3], ['anonymous', 2]]);
    const personal = PERSONAL_SOURCES.has(kind);
    const method =
      kind === 'media_report' ? 'media_monitoring'
      : kind === 'social_media_post' ? rng.weighted<string>([['media_monitoring', 70], ['other', 30]])
      : kind === 'official_document' ? 'document'
      : kind === 'partner_org' ? rng.weighted<string>([['email', 40], ['message_app', 40], ['phone', 20]])
      : rng.weighted<string>([['in_person', 40], ['phone', 25], ['message_app', 30], ['email', 5]]);
    const s: RawSource = { kind: codes.c('source_kind', kind), consent: consent(rng, codes, personal) };
    if (rng.chance(0.9)) s.method = codes.c('source_method', method);
    if (rng.chance(0.8)) s.receivedOn = laterDate(rng, d, 0, 14, 0.9);
    if (rng.chance(0.85)) {
      s.reliability = codes.c('reliability', rng.weighted<string>(personal
        ? [['completely_reliable', 18], ['usually_reliable', 45], ['fairly_reliable', 22], ['not_usually_reliable', 3], ['unreliable', 1], ['cannot_be_judged', 11]]
        : [['completely_reliable', 5], ['usually_reliable', 30], ['fairly_reliable', 30], ['not_usually_reliable', 10], ['unreliable', 5], ['cannot_be_judged', 20]]));
    }
    if (personal && rng.chance(0.75)) {
      const n = nextSerial();
      const stem = kind === 'witness' ? (lang === 'es' ? 'Testigo' : 'Witness') : lang === 'es' ? 'Fuente' : 'Source';
      s.pseudonym = `${stem} ${String.fromCharCode(65 + (n % 26))}-${n}`;
    }
    if (personal && kind !== 'anonymous' && rng.chance(0.3)) s.testimony = rng.pick(T.TESTIMONIES[lang]);
    out.push(s);
  }
  return out;
}
