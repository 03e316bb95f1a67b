/** A select over one vocabulary, grouped by its hierarchy; retired terms only when already chosen. */
import type { ComponentChildren } from 'preact';
import { getState } from '../state';
import { t } from '../i18n/i18n';
import { SelectField, CheckGroup } from './ui';
import { vocabOptions, vocabFlat } from '../lib/options';

export function VocabSelect(p: { id: string; label: ComponentChildren; scheme: string; value: string; onValue: (v: string) => void; errors?: string[] | undefined; empty?: string; noEmpty?: boolean; required?: boolean; hint?: ComponentChildren; class?: string }) {
  const vocab = getState().vocab!;
  return (
    <SelectField
      id={p.id}
      label={p.label}
      hint={p.hint}
      value={p.value}
      onValue={p.onValue}
      errors={p.errors}
      required={p.required}
      class={p.class}
      empty={p.noEmpty ? undefined : (p.empty ?? t('common.choose'))}
      options={vocabOptions(vocab, p.scheme, p.value)}
    />
  );
}

export function VocabChecks(p: { id: string; legend: string; scheme: string; values: string[]; onValues: (v: string[]) => void; errors?: string[] | undefined; class?: string }) {
  const vocab = getState().vocab!;
  return <CheckGroup id={p.id} legend={p.legend} options={vocabFlat(vocab, p.scheme, p.values)} values={p.values} onValues={p.onValues} errors={p.errors} class={p.class} />;
}
