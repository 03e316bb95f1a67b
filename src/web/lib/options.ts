/** Choices for selects: vocabulary trees as grouped options, countries, states, crossings. */
import { lang, t } from '../i18n/i18n';
import type { Option, OptGroup } from '../components/ui';
import type { Places } from '../types';
import { flatten, type Vocab } from './vocab';

const INDENT = '\u00a0\u00a0\u00a0';

/**
 * A vocabulary as grouped options: each top-level term with children becomes a group whose
 * first choice is the term itself ("… (sin precisar)"), deeper terms indented. Retired terms are
 * offered only when they are the current value (an old record keeps its value).
 */
export function vocabOptions(vocab: Vocab, scheme: string, current: string | string[] = []): (Option | OptGroup)[] {
  const keep = new Set(Array.isArray(current) ? current : current ? [current] : []);
  const l = lang();
  const out: (Option | OptGroup)[] = [];
  for (const root of vocab.tree(scheme)) {
    const label = (term: { label: Record<string, string>; retired: boolean }) => (term.retired ? t('vocab.retiredSuffix', { label: term.label[l]! }) : term.label[l]!);
    if (root.children.length === 0) {
      if (!root.term.retired || keep.has(root.term.code)) out.push({ value: root.term.code, label: label(root.term) });
      continue;
    }
    const options: Option[] = [];
    if (!root.term.retired || keep.has(root.term.code)) options.push({ value: root.term.code, label: t('vocab.general', { label: label(root.term) }) });
    for (const n of flatten(root.children, (x) => keep.has(x.code))) options.push({ value: n.term.code, label: INDENT.repeat(n.depth - 1) + label(n.term) });
    if (options.length) out.push({ group: root.term.label[l]!, options });
  }
  // a value the vocabulary no longer knows still shows, so it is not silently lost
  for (const v of keep) if (!vocab.get(scheme, v)) out.push({ value: v, label: v });
  return out;
}

/** A flat list (for checkbox groups): labels with their parent for context. */
export function vocabFlat(vocab: Vocab, scheme: string, current: string[] = []): Option[] {
  const keep = new Set(current);
  return flatten(vocab.tree(scheme), (x) => keep.has(x.code)).map((n) => ({
    value: n.term.code,
    label: n.term.retired ? t('vocab.retiredSuffix', { label: vocab.pathLabel(scheme, n.term.code) }) : vocab.pathLabel(scheme, n.term.code),
  }));
}

export function countryOptions(places: Places): (Option | OptGroup)[] {
  const l = lang();
  const region = new Set(places.countries.map((c) => c.code));
  const sort = (a: Option, b: Option) => a.label.localeCompare(b.label, l);
  return [
    { group: t('place.regionCountries'), options: places.countries.map((c) => ({ value: c.code, label: c.name[l] })).sort(sort) },
    { group: t('place.otherCountries'), options: places.world.filter((c) => !region.has(c.code)).map((c) => ({ value: c.code, label: c.name[l] })).sort(sort) },
  ];
}

export function stateOptions(places: Places, country: string): Option[] {
  const l = lang();
  return places.states
    .filter((s) => !country || s.country === country)
    .map((s) => ({ value: s.code, label: s.name[l] }))
    .sort((a, b) => a.label.localeCompare(b.label, l));
}

export function crossingOptions(places: Places, country: string): Option[] {
  const l = lang();
  return places.crossings.filter((c) => !country || c.countries.includes(country)).map((c) => ({ value: c.code, label: c.name[l] }));
}
