/**
 * Narrative helpers for the demo generator: `fillTemplate` (nested {placeholders}, capitalised
 * placeholders, Spanish article contractions), capitalisation, the victim variables (name and
 * pronouns) and the perpetrator phrase that templates use.
 */
import type { ServiceContext } from '../context.js';
import * as T from './demo-texts.js';
import type { DemoLang } from './demo-texts.js';
import type { Rng } from './demo-random.js';
import type { PoolActor } from './demo-people.js';

export type Vars = Record<string, string>;

export function cap(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Fills {placeholders} (nested ones too); a capitalised placeholder capitalises its value. */
export function fillTemplate(tpl: string, vars: Vars): string {
  let s = tpl;
  for (let i = 0; i < 4 && s.includes('{'); i++) {
    s = s.replace(/\{([A-Za-z]+)\}/g, (_m, k: string) => {
      const key = k[0]!.toLowerCase() + k.slice(1);
      const v = vars[key];
      if (v === undefined) throw new Error(`demo template: no value for {${k}} in "${tpl}"`);
      return key === k ? v : cap(v);
    });
  }
  return s
    .replace(/\b([Aa]) el\b/g, '$1l')
    .replace(/\b([Dd]e) el\b/g, '$1l')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

export function victimVars(v: PoolActor | undefined, lang: DemoLang): Vars {
  if (!v) return lang === 'es' ? { victim: 'el equipo del albergue', poss: 'their', obj: 'them', subj: 'they', oa: 'o', pseudo: '' } : { victim: 'the shelter team', poss: 'their', obj: 'them', subj: 'they', oa: 'o', pseudo: '' };
  if (v.kind === 'organisation') {
    return { victim: lang === 'es' ? `el equipo de ${v.es}` : `staff of ${v.en}`, poss: 'their', obj: 'them', subj: 'they', oa: 'o', pseudo: v.pseudonym };
  }
  const pron = v.form === 'f' ? ['her', 'her', 'she'] : v.form === 'm' ? ['his', 'him', 'he'] : ['their', 'them', 'they'];
  return { victim: lang === 'es' ? v.es : v.en, poss: pron[0]!, obj: pron[1]!, subj: pron[2]!, oa: v.form === 'm' ? 'o' : 'a', pseudo: v.pseudonym };
}

export function perpPhrase(rng: Rng, code: string, lang: DemoLang, ctx: ServiceContext): string {
  const list = T.PERPETRATOR_PHRASES[code]?.[lang];
  if (list?.length) return rng.pick(list);
  return ctx.vocab.label('perpetrator', code, lang).toLowerCase();
}
