/**
 * Values for every row (kind of act, confidentiality, country — used where a row's cell is empty or
 * no column gives them) and how the file writes its data: the order of day and month, the decimal
 * mark, the separator of several values in one cell, and whether a point gives the country.
 */
import { t } from '../../i18n/i18n';
import { CheckField, SelectField } from '../../components/ui';
import { countryOptions, vocabOptions } from '../../lib/options';
import type { Vocab } from '../../lib/vocab';
import type { Places } from '../../types';
import { LIST_SEPARATORS, type ImportMapping, type ImportOptions } from './model';
import { listSeparatorLabel } from './words';

const DATE_ORDERS: ImportOptions['dateOrder'][] = ['auto', 'dmy', 'mdy'];
const DECIMALS: ImportOptions['decimal'][] = ['auto', '.', ','];

function dateOrderLabel(o: ImportOptions['dateOrder']): string {
  switch (o) {
    case 'auto': return t('import.options.dateAuto');
    case 'dmy': return t('import.options.dateDmy');
    case 'mdy': return t('import.options.dateMdy');
  }
}

function decimalLabel(d: ImportOptions['decimal']): string {
  switch (d) {
    case 'auto': return t('import.options.decimalAuto');
    case '.': return t('import.options.decimalPoint');
    case ',': return t('import.options.decimalComma');
  }
}

export function DefaultsAndOptions({ mapping, vocab, places, onMapping }: { mapping: ImportMapping; vocab: Vocab; places: Places | null; onMapping: (m: ImportMapping) => void }) {
  const d = mapping.defaults;
  const o = mapping.options;
  const targets = new Set(Object.values(mapping.columns));
  const setDefault = (k: 'act' | 'confidentiality' | 'country', v: string) => onMapping({ ...mapping, defaults: { ...d, [k]: v || undefined } });
  const setOption = (patch: Partial<ImportOptions>) => onMapping({ ...mapping, options: { ...o, ...patch } });
  return (
    <div class="import-defaults">
      <fieldset class="group">
        <legend class="group-legend">{t('import.defaults.legend')}</legend>
        <p class="hint">{t('import.defaults.hint')}</p>
        <div class="import-grid">
          <SelectField id="import-default-act" label={t('import.defaults.act')} value={d.act ?? ''} empty={t('import.defaults.none')} options={vocabOptions(vocab, 'act', d.act ?? [])} onValue={(v) => setDefault('act', v)} />
          <SelectField id="import-default-confidentiality" label={t('import.defaults.confidentiality')} value={d.confidentiality ?? ''} empty={t('import.defaults.confidentialityNone')} options={vocabOptions(vocab, 'confidentiality', d.confidentiality ?? [])} onValue={(v) => setDefault('confidentiality', v)} />
          {places && <SelectField id="import-default-country" label={t('import.defaults.country')} value={d.country ?? ''} empty={t('import.defaults.none')} options={countryOptions(places)} onValue={(v) => setDefault('country', v)} />}
        </div>
      </fieldset>
      <fieldset class="group">
        <legend class="group-legend">{t('import.options.legend')}</legend>
        <div class="import-grid">
          <SelectField id="import-date-order" label={t('import.options.dateOrder')} hint={t('import.options.dateOrderHint')} value={o.dateOrder} options={DATE_ORDERS.map((x) => ({ value: x, label: dateOrderLabel(x) }))} onValue={(v) => setOption({ dateOrder: DATE_ORDERS.find((x) => x === v) ?? 'auto' })} />
          <SelectField id="import-decimal" label={t('import.options.decimal')} value={o.decimal} options={DECIMALS.map((x) => ({ value: x, label: decimalLabel(x) }))} onValue={(v) => setOption({ decimal: DECIMALS.find((x) => x === v) ?? 'auto' })} />
          {targets.has('context') && (
            <SelectField id="import-list-separator" label={t('import.options.listSeparator')} value={o.listSeparator} options={LIST_SEPARATORS.map((x) => ({ value: x, label: listSeparatorLabel(x) }))} onValue={(v) => setOption({ listSeparator: LIST_SEPARATORS.find((x) => x === v) ?? ';' })} />
          )}
        </div>
        {(targets.has('coordinates') || targets.has('latitude')) && (
          <CheckField id="import-place-from-point" label={t('import.options.placeFromPoint')} checked={o.placeFromCoordinates} onValue={(v) => setOption({ placeFromCoordinates: v })} />
        )}
      </fieldset>
    </div>
  );
}
