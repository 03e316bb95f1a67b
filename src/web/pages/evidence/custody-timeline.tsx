/**
 * "Cadena de custodia": every act on an item, oldest first — when, who, what, and why (the purpose
 * stated for a download or an export, the use whose consent changed) — from the hash-chained audit
 * log, worded in the reader's language. `stamp` changes when the page did something that adds an
 * entry, so the list is asked for again.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Alert, Loading } from '../../components/ui';
import { dateTime } from '../../lib/format';
import { errorText } from '../../lib/problems';
import type { CustodyEntry } from '../../types';
import { consentLabel } from '../incident-form/others';
import { actionName, consentValueName, purposeName } from './words';

function why(e: CustodyEntry): string {
  const parts: string[] = [];
  if (e.purpose) parts.push(t('evidence.custody.why', { purpose: purposeName(e.purpose) }));
  if (e.use && e.value) parts.push(t('evidence.custody.consentChange', { use: consentLabel(e.use), value: consentValueName(e.value) }));
  if (e.bundleId) parts.push(t('evidence.custody.bundle', { id: e.bundleId.slice(0, 8) }));
  return parts.join(' · ');
}

export function CustodyTimeline({ id, stamp }: { id: string; stamp: number }) {
  const [entries, setEntries] = useState<CustodyEntry[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [again, setAgain] = useState(0);
  useEffect(() => {
    let live = true;
    api<{ entries: CustodyEntry[] }>('GET', `/api/v1/evidence/${id}/custody`).then(
      (r) => {
        if (!live) return;
        setEntries(r.entries);
        setError(undefined);
      },
      (e) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [id, stamp, again]);

  return (
    <section class="evidence-custody" aria-labelledby="custody-heading">
      <h2 id="custody-heading">{t('evidence.custody.title')}</h2>
      <p class="hint">{t('evidence.custody.intro')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      {!entries && !error && <Loading />}
      {entries && entries.length === 0 && <p class="muted">{t('evidence.custody.none')}</p>}
      {entries && entries.length > 0 && (
        <ol class="custody-list">
          {entries.map((e) => {
            const reason = why(e);
            return (
              <li key={e.seq} class="custody-entry">
                <p class="custody-when">
                  <time dateTime={e.at}>{dateTime(e.at)}</time>
                </p>
                <p class="custody-what">
                  <strong>{e.user ? e.user.name || '—' : t('evidence.custody.system')}</strong> — {actionName(e.action)}
                </p>
                {reason && <p class="custody-why muted">{reason}</p>}
              </li>
            );
          })}
        </ol>
      )}
      <p>
        <button type="button" class="btn btn-small btn-quiet" onClick={() => setAgain((n) => n + 1)}>
          {t('evidence.custody.refresh')}
        </button>
      </p>
    </section>
  );
}
