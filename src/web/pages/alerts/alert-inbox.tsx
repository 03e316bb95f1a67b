/** One's alerts in the app (/alerts): newest first, unread marked (in words), each with its reference and link; reloads itself every 30 s while open. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, Loading, PageTitle } from '../../components/ui';
import { errorText } from '../../lib/problems';
import { dateTime } from '../../lib/format';
import { alertSentence, appPath, type Inbox } from './words';
import './alerts.css';

export const RELOAD_MS = 30_000;

export function AlertInboxPage() {
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');

  useEffect(() => {
    let alive = true;
    const load = () =>
      api<Inbox>('GET', '/api/v1/alerts').then(
        (r) => {
          if (!alive) return;
          setInbox(r);
          setError('');
        },
        (e: unknown) => alive && setError(errorText(e)),
      );
    void load();
    const timer = setInterval(() => void load(), RELOAD_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);

  const markRead = async (id: string) => {
    setBusy(id);
    try {
      const r = await api<{ unread: number }>('POST', `/api/v1/alerts/${id}/read`);
      setInbox((d) => d && { unread: r.unread, items: d.items.map((i) => (i.deliveryId === id ? { ...i, readAt: i.readAt ?? new Date().toISOString() } : i)) });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy('');
    }
  };

  return (
    <>
      <PageTitle>{t('title.alerts')}</PageTitle>
      <p class="hint">{t('alerts.inboxIntro')}</p>
      <div aria-live="polite">{error && <Alert kind="error">{error}</Alert>}</div>
      {!inbox ? (
        !error && <Loading />
      ) : (
        <>
          <p class="alert-unread-count">{t('alerts.unreadCount', { count: inbox.unread })}</p>
          {inbox.items.length === 0 ? (
            <p class="empty">{t('alerts.none')}</p>
          ) : (
            <ul class="cards alert-list">
              {inbox.items.map((a) => (
                <li class={`card alert-item${a.readAt ? '' : ' is-unread'}`} key={a.deliveryId}>
                  <p class="alert-line" id={`alert-${a.deliveryId}`}>
                    {!a.readAt && <span class="badge badge-unread">{t('alerts.unread')}</span>}
                    <span class="alert-text">{alertSentence(a)}</span>
                  </p>
                  <p class="meta">
                    <time dateTime={a.createdAt}>{dateTime(a.createdAt)}</time>
                    <Link href={appPath(a.link)} aria-describedby={`alert-${a.deliveryId}`}>
                      {t('alerts.open')}
                    </Link>
                  </p>
                  {!a.readAt && (
                    <button type="button" class="btn btn-small" disabled={busy === a.deliveryId} aria-describedby={`alert-${a.deliveryId}`} onClick={() => void markRead(a.deliveryId)}>
                      {t('alerts.markRead')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
