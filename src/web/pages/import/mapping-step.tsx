/**
 * Step 2: how the file was read, a saved mapping to start from, which column becomes what, values
 * for every row and how the data is written; "Seguir" checks the mapping as the server would
 * (problems said in place, focus on them) and asks for the list values of step 3.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { Vocab } from '../../lib/vocab';
import type { Places } from '../../types';
import { mappingIssues, setColumn, type ImportMapping, type ImportOptions, type SavedMapping, type Work } from './model';
import { issueText } from './words';
import { ReadingFields } from './reading-fields';
import { ColumnMapping } from './column-mapping';
import { DefaultsAndOptions } from './defaults-options';
import { UseSaved } from './saved-mappings';

export function MappingStep(p: {
  work: Work;
  vocab: Vocab;
  places: Places | null;
  saved: SavedMapping[] | null;
  busy: boolean;
  readingError: string | undefined;
  serverErrors: string[] | null;
  onOptions: (o: ImportOptions) => void;
  onMapping: (m: ImportMapping) => void;
  onUseSaved: (s: SavedMapping) => Promise<string[] | null>;
  onSavedRemoved: (id: string) => void;
  onNext: () => void;
}) {
  const { work } = p;
  const [tried, setTried] = useState(false);
  const issues = mappingIssues(work.mapping, work.table.header);
  const shown = tried ? issues : null;
  const general = (shown ?? []).filter((i) => i.code !== 'target_taken');
  const messages = [...general.map(issueText), ...(p.serverErrors ?? [])];

  const next = () => {
    setTried(true);
    if (issues.length) {
      setTimeout(() => {
        const first = issues[0]!;
        const el = first.code === 'target_taken' ? document.getElementById(`import-col-${work.table.header.indexOf(first.column)}`) : document.getElementById('import-mapping-err');
        el?.focus();
      }, 0);
      return;
    }
    p.onNext();
  };

  return (
    <section class="import-step" aria-labelledby="import-step2-h">
      <h2 id="import-step2-h" tabIndex={-1}>{t('import.step2')}</h2>
      <ReadingFields table={work.table} readerProblems={work.readerProblems} options={work.mapping.options} busy={p.busy} error={p.readingError} onOptions={p.onOptions} />
      {p.saved && <UseSaved saved={p.saved} current={work.saved} onApply={p.onUseSaved} onRemoved={p.onSavedRemoved} />}
      <h3>{t('import.columns.heading')}</h3>
      <p class="hint">{t('import.columns.hint')}</p>
      {messages.length > 0 && (
        <div class="error-summary" id="import-mapping-err" role="alert" tabIndex={-1}>
          <p class="error-summary-title">{t('import.columns.problems')}</p>
          <ul>
            {messages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <ColumnMapping columns={work.columns} rows={work.table.rows} mapping={work.mapping} issues={shown} onColumn={(h, target) => p.onMapping(setColumn(work.mapping, h, target))} />
      <DefaultsAndOptions mapping={work.mapping} vocab={p.vocab} places={p.places} onMapping={p.onMapping} />
      <div class="actions">
        <button type="button" class="btn btn-primary" disabled={p.busy} aria-busy={p.busy} onClick={next}>
          {work.values ? t('import.columns.nextAgain') : t('import.columns.next')}
        </button>
      </div>
    </section>
  );
}
