/**
 * The urgent cases (/urgent): open first and the most overdue first, each with its reference,
 * kind, status line and day counter, owner, overdue steps (in words, not by colour) and the next
 * deadline. No title and no name of anyone: the incident's reference only.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, Loading, PageTitle, SelectField } from '../../components/ui';
import { errorText } from '../../lib/problems';
import { dateTime } from '../../lib/format';
import type { UrgentCaseSummary } from '../../../domain/urgent/view';
import { deadlineText, kindName, OverdueMark, statusLine } from './words';
import './urgent.css';

type Show = 'open' | 'closed' | 'all';

export function UrgentListPage() {
  const [show, setShow] = useState<Show>('open');
  const [items, setItems] = useState<UrgentCaseSummary[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    setItems(null);
    setError('');
    api<{ items: UrgentCaseSummary[] }>('GET', `/api/v1/urgent?status=${show}`).then(
      (r) => live && setItems(r.items),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [show]);

  return (
    <>
      <PageTitle>{t('title.urgentList')}</PageTitle>
      <p class="hint">{t('urgent.list.intro')}</p>
      <SelectField
        id="urgent-show"
        label={t('urgent.list.show')}
        value={show}
        onValue={(v) => setShow(v as Show)}
        options={[
          { value: 'open', label: t('urgent.list.open') },
          { value: 'closed', label: t('urgent.list.closed') },
          { value: 'all', label: t('urgent.list.all') },
        ]}
      />
      {error ? (
        <Alert kind="error">{error}</Alert>
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p class="muted">{t('urgent.list.none')}</p>
      ) : (
        <ul class="cards urgent-list">
          {items.map((c) => (
            <li class="card" key={c.id}>
              <h2 class="card-title">
                <Link href={`/urgent/${c.id}`}>
                  {c.ref} · {kindName(c.kind)}
                </Link>
              </h2>
              <p class="urgent-status">{statusLine(c)}</p>
              <p class="meta">
                <span>{t('urgent.list.incident', { ref: c.incidentRef })}</span>
                <span>{t('urgent.list.owner', { name: c.owner.displayName })}</span>
                <span>{t('urgent.list.progress', { done: c.done, total: c.steps })}</span>
              </p>
              {c.status === 'open' && (
                <p>
                  {c.overdueCount > 0 ? (
                    <>
                      <OverdueMark /> {t('urgent.list.overdue', { count: c.overdueCount })}
                    </>
                  ) : (
                    <span class="muted">{t('urgent.list.noOverdue')}</span>
                  )}
                  {c.nextDueAt && <span class="muted"> · {t('urgent.list.next', { when: deadlineText(c.nextDueAt) })}</span>}
                </p>
              )}
              {c.status === 'closed' && c.closedAt && <p class="muted">{t('urgent.list.closedOn', { date: dateTime(c.closedAt) })}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
