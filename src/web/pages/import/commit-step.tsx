/**
 * Step 5: the commit, read every half second — a real <progress> with "N de M incidentes" beside
 * it (screen readers hear it every tenth). It can be left running: the page shows it again on
 * return. When done: how many were imported, the incident list (most recently changed first, where
 * the search finds them) and the list of imports.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Alert } from '../../components/ui';
import { errorText } from '../../lib/problems';
import { handSearch } from '../../lib/search-handoff';
import { navigate } from '../../router';
import { percentDone, type CommitStatus } from './model';
import { commitErrorText } from './words';

export function CommitStep({ importId, status, onStatus, onLost, onAnother, onRetry }: {
  importId: string;
  status: CommitStatus;
  onStatus: (s: CommitStatus) => void;
  onLost: (e: unknown) => boolean;
  onAnother: () => void;
  onRetry: () => void;
}) {
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (status.state !== 'running') return;
    const timer = setTimeout(() => {
      api<{ id: string; commit?: CommitStatus }>('GET', `/api/v1/imports/${importId}`).then(
        (r) => {
          setError(undefined);
          if (r.commit) onStatus(r.commit);
        },
        (e: unknown) => {
          if (!onLost(e)) setError(errorText(e));
        },
      );
    }, 500);
    return () => clearTimeout(timer);
  }, [status, error]);

  const pct = percentDone(status);
  const spoken = Math.floor(pct / 10) * 10;
  const showList = () => {
    handSearch({ sort: 'updated_desc' });
    navigate('/');
  };
  const showRuns = () => {
    const h = document.getElementById('import-runs-h');
    h?.scrollIntoView({ block: 'start' });
    h?.focus({ preventScroll: true });
  };

  return (
    <section class="import-step" aria-labelledby="import-step5-h">
      <h2 id="import-step5-h" tabIndex={-1}>{t('import.step5')}</h2>
      <div class="import-progress">
        <label for="import-progress">{status.state === 'done' ? t('import.commit.doneLabel') : status.state === 'failed' ? t('import.commit.failedLabel') : t('import.commit.running')}</label>
        <progress id="import-progress" max={Math.max(status.total, 1)} value={status.done}>
          {t('import.commit.count', { done: status.done, total: status.total })}
        </progress>
        <span class="import-progress-count" aria-hidden="true">
          {t('import.commit.count', { done: status.done, total: status.total })}
        </span>
        <span class="sr-only" role="status">
          {status.state === 'running' ? t('import.commit.percent', { pct: spoken }) : ''}
        </span>
      </div>
      {status.state === 'running' && <p class="hint">{t('import.commit.leave')}</p>}
      {error && <Alert kind="error">{error}</Alert>}
      {status.state === 'done' && (
        <>
          <Alert kind="success">{t('import.commit.done', { count: status.total })}</Alert>
          <div class="actions">
            <button type="button" class="btn btn-primary" onClick={showList}>
              {t('import.commit.seeIncidents')}
            </button>
            <button type="button" class="btn" onClick={showRuns}>
              {t('import.commit.seeRuns')}
            </button>
            <button type="button" class="btn" onClick={onAnother}>
              {t('import.commit.another')}
            </button>
          </div>
        </>
      )}
      {status.state === 'failed' && (
        <>
          <Alert kind="error">{(status.error && commitErrorText(status.error.code)) ?? status.error?.message ?? t('import.commit.failed')}</Alert>
          <div class="actions">
            <button type="button" class="btn btn-primary" onClick={onRetry}>
              {t('import.commit.retry')}
            </button>
            <button type="button" class="btn" onClick={onAnother}>
              {t('import.commit.another')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
