/**
 * Step 3: for each column mapped onto a list (kinds of act, perpetrators, countries …), each
 * distinct value with how many rows hold it and a select of the list's terms: preselected when the
 * value is a term (or the person chose already), otherwise near matches first, marked
 * "sugerencia", and "Falta elegir" until one is chosen (a near match is never taken by itself).
 * Then the dry run, and saving the mapping for the next file.
 */
import { t } from '../../i18n/i18n';
import { SelectField, type Option, type OptGroup } from '../../components/ui';
import { countryOptions, crossingOptions, stateOptions, vocabOptions } from '../../lib/options';
import { countryName, crossingName, stateName } from '../../lib/format';
import type { Vocab } from '../../lib/vocab';
import type { Places } from '../../types';
import { LEAVE_EMPTY, setValue, unplaced, valueChoice, vocabularyOf, type ImportMapping, type ValueColumn, type ValueRow, type ValueTarget, type Work } from './model';
import { targetLabel } from './words';
import { SaveMapping, type SavedRef } from './saved-mappings';

function termLabel(target: ValueTarget, code: string, fallback: string, vocab: Vocab, places: Places | null): string {
  const scheme = vocabularyOf(target);
  if (scheme) return vocab.get(scheme, code) ? vocab.shortPath(scheme, code) : fallback;
  if (target === 'country') return countryName(places, code) || fallback;
  if (target === 'state') return stateName(places, code) || fallback;
  return crossingName(places, code) || fallback;
}

function listOptions(target: ValueTarget, chosen: string, vocab: Vocab, places: Places | null): (Option | OptGroup)[] {
  const scheme = vocabularyOf(target);
  if (scheme) return vocabOptions(vocab, scheme, chosen && chosen !== LEAVE_EMPTY ? chosen : []);
  if (!places) return [];
  if (target === 'country') return countryOptions(places);
  if (target === 'state') return stateOptions(places, '');
  return crossingOptions(places, '');
}

function ValueSelect({ id, target, row, mapping, vocab, places, onMapping }: { id: string; target: ValueTarget; row: ValueRow; mapping: ImportMapping; vocab: Vocab; places: Places | null; onMapping: (m: ImportMapping) => void }) {
  const chosen = valueChoice(mapping, target, row);
  const suggestions = row.resolution.how === 'none' ? row.resolution.suggestions : [];
  const options: (Option | OptGroup)[] = [];
  if (suggestions.length) {
    options.push({ group: t('import.values.suggestions'), options: suggestions.map((s) => ({ value: s.code, label: t('import.values.suggestion', { label: termLabel(target, s.code, s.label, vocab, places) }) })) });
  }
  options.push({ value: LEAVE_EMPTY, label: t('import.values.leaveEmpty') });
  options.push(...listOptions(target, chosen, vocab, places));
  const missing = chosen === '';
  return (
    <SelectField
      id={id}
      class={missing ? 'import-value is-missing' : 'import-value'}
      label={
        <>
          <span class="import-value-text">{row.value}</span> <span class="import-value-count">{t('import.values.count', { count: row.count })}</span>
        </>
      }
      value={chosen}
      empty={missing ? t('common.choose') : undefined}
      options={options}
      onValue={(v) => onMapping(setValue(mapping, target, row.value, v))}
      hint={missing ? <span class="import-missing">{t('import.values.missing')}</span> : row.resolution.how === 'exact' && chosen === (row.resolution.code || LEAVE_EMPTY) ? t('import.values.exact') : undefined}
    />
  );
}

function ValueList({ index, column, mapping, vocab, places, onMapping }: { index: number; column: ValueColumn; mapping: ImportMapping; vocab: Vocab; places: Places | null; onMapping: (m: ImportMapping) => void }) {
  return (
    <section class="import-value-column" aria-labelledby={`import-values-${index}-h`}>
      <h3 id={`import-values-${index}-h`}>{t('import.values.column', { column: column.column, target: targetLabel(column.target) })}</h3>
      <p class="hint">
        {t('import.values.distinct', { count: column.distinct })}
        {column.distinct > column.values.length && <> {t('import.values.onlyFirst', { shown: column.values.length })}</>}
      </p>
      <ul class="plain import-values">
        {column.values.map((row, i) => (
          <li key={row.value}>
            <ValueSelect id={`import-val-${index}-${i}`} target={column.target} row={row} mapping={mapping} vocab={vocab} places={places} onMapping={onMapping} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ValuesStep({ work, vocab, places, busy, error, onMapping, onSaved, onDryRun }: {
  work: Work;
  vocab: Vocab;
  places: Places | null;
  busy: boolean;
  error: string | undefined;
  onMapping: (m: ImportMapping) => void;
  onSaved: (s: SavedRef) => void;
  onDryRun: () => void;
}) {
  // in the file's order (the server answers in the order the columns were mapped)
  const at = (c: ValueColumn) => work.table.header.indexOf(c.column);
  const columns = [...(work.values ?? [])].sort((a, b) => at(a) - at(b));
  const left = unplaced(work.mapping, columns);
  return (
    <section class="import-step" aria-labelledby="import-step3-h">
      <h2 id="import-step3-h" tabIndex={-1}>{t('import.step3')}</h2>
      {columns.length === 0 ? (
        <p>{t('import.values.none')}</p>
      ) : (
        <>
          <p class="hint">{t('import.values.hint')}</p>
          <p class="import-left" role="status">
            {left ? t('import.values.left', { count: left }) : t('import.values.allPlaced')}
          </p>
          {columns.map((c, i) => (
            <ValueList key={`${c.column}\u0000${c.target}`} index={i} column={c} mapping={work.mapping} vocab={vocab} places={places} onMapping={onMapping} />
          ))}
        </>
      )}
      {error && (
        <p class="field-error" id="import-step3-err" role="alert" tabIndex={-1}>
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn btn-primary" disabled={busy} aria-busy={busy} onClick={onDryRun}>
          {work.dry ? t('import.dry.again') : t('import.dry.run')}
        </button>
      </div>
      <p class="hint">{t('import.dry.nothingSaved')}</p>
      <SaveMapping mapping={work.mapping} current={work.saved} onSaved={onSaved} />
    </section>
  );
}
