/**
 * On the page of an incident that was merged into another (ADR 0023): which incident it is now part
 * of, when, and its own history — for those who may see both; for anyone else, nothing (the page's
 * "not found" stands, like for a removed incident).
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert } from '../../components/ui';
import { dateTime } from '../../lib/format';
import { pathLabel } from '../../lib/fields';
import { formatValue } from '../../components/history';
import type { IncidentView } from '../../types';
import type { Merges } from './types';
import './duplicates.css';

/** formatValue wants the incident a change belongs to (for victims' names): a merged one has none left. */
const EMPTY = { victims: [] } as unknown as IncidentView;

/** `onMerged` is told when the record turns out to have been merged (the page then drops its "not found"). */
export function MergedNotice({ id, onMerged }: { id: string; onMerged?: () => void }) {
  const [m, setM] = useState<Merges | null>(null);
  useEffect(() => {
    let live = true;
    api<Merges>('GET', `/api/v1/incidents/${id}/merges`).then(
      (r) => {
        if (!live) return;
        setM(r);
        if (r.mergedInto) onMerged?.();
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (!m || !m.mergedInto) return null;
  const into = m.mergedInto;
  return (
    <section class="merged-notice" aria-labelledby="merged-h">
      <Alert kind="info">
        <p id="merged-h">
          <strong>{t('duplicates.merged.text', { ref: m.ref, date: dateTime(into.at) })}</strong>{' '}
          <Link href={`/incidents/${into.id}`}>
            {into.ref} — {into.title}
          </Link>
        </p>
      </Alert>
      {m.revisions && m.revisions.length > 0 && (
        <>
          <h2>{t('duplicates.merged.history', { ref: m.ref })}</h2>
          <ol class="revisions">
            {m.revisions.map((r) => (
              <li key={r.version} class="revision">
                <p class="revision-head">
                  <strong>{t('history.version', { n: r.version })}</strong> · {dateTime(r.at)} · {r.userName ?? t('history.someone')}
                </p>
                {r.version === 1 ? (
                  <p class="muted">{t('history.created')}</p>
                ) : (
                  <ul class="changes">
                    {r.changes.map((c) => (
                      <li key={c.path}>
                        {c.path === 'mergedInto' || c.path === 'mergedFrom' ? (
                          <>
                            <span class="change-field">{c.path === 'mergedInto' ? t('duplicates.field.mergedInto') : t('duplicates.field.mergedFrom')}</span>
                            {': '}
                            {String(c.after)}
                          </>
                        ) : (
                          <>
                            <span class="change-field">{pathLabel(c.path)}</span>
                            {': '}
                            {c.identifying ? (
                              <span class="muted">{t('history.identifyingChanged')}</span>
                            ) : (
                              <>
                                <del>{formatValue(c.path, c.before, EMPTY)}</del> <span aria-hidden="true">→</span>
                                <span class="sr-only">{t('history.to')}</span> <ins>{formatValue(c.path, c.after, EMPTY)}</ins>
                              </>
                            )}
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
