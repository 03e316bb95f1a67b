/**
 * Step 4: the dry run's answer — rows read, incidents the commit would make, errors and warnings —
 * every problem on its line and column, and a preview. "Importar" only when there is no error and
 * the mapping has not changed since (otherwise: test again).
 */
import { t } from '../../i18n/i18n';
import { Alert } from '../../components/ui';
import type { Vocab } from '../../lib/vocab';
import type { Places } from '../../types';
import type { DryRun } from './model';
import { ProblemTable } from './problem-table';
import { PreviewTable } from './preview-table';

export function DryRunStep({ dry, stale, vocab, places, busy, error, onAgain, onCommit }: {
  dry: DryRun;
  stale: boolean;
  vocab: Vocab;
  places: Places | null;
  busy: boolean;
  error: string | undefined;
  onAgain: () => void;
  onCommit: () => void;
}) {
  const ready = !stale && dry.errors === 0 && dry.incidents > 0;
  return (
    <section class="import-step" aria-labelledby="import-step4-h">
      <h2 id="import-step4-h" tabIndex={-1}>{t('import.step4')}</h2>
      {stale && <Alert kind="warning">{t('import.dry.stale')}</Alert>}
      <ul class="import-counts plain" aria-label={t('import.dry.countsLabel')}>
        <li>{t('import.dry.rows', { count: dry.rows })}</li>
        {dry.errors === 0 && <li>{t('import.dry.incidents', { count: dry.incidents })}</li>}
        <li class={dry.errors ? 'import-count-error' : undefined}>{t('import.dry.errors', { count: dry.errors })}</li>
        <li>{t('import.dry.warnings', { count: dry.warnings })}</li>
      </ul>
      {!stale && (dry.errors > 0 ? <Alert kind="error">{t('import.dry.hasErrors', { count: dry.errors })}</Alert> : dry.incidents > 0 ? <Alert kind="success">{t('import.dry.ready', { count: dry.incidents })}</Alert> : <Alert kind="warning">{t('import.commit.nothing')}</Alert>)}
      {dry.problems.length > 0 && <ProblemTable key={JSON.stringify([dry.errors, dry.warnings, dry.problems.length])} problems={dry.problems} more={dry.moreProblems} />}
      <PreviewTable preview={dry.preview} vocab={vocab} places={places} />
      {error && (
        <p class="field-error" id="import-step4-err" role="alert" tabIndex={-1}>
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn" disabled={busy} onClick={onAgain}>
          {t('import.dry.again')}
        </button>
        <button type="button" class="btn btn-primary" disabled={busy || !ready} onClick={onCommit}>
          {t('import.commit.start', { count: dry.incidents })}
        </button>
      </div>
      {ready && <p class="hint">{t('import.commit.allOrNothing')}</p>}
    </section>
  );
}
