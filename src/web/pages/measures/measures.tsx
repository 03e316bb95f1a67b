/**
 * The protection measures registry (/measures, response.read): every measure held by the people and
 * organisations one may see, renewals due first; "renovación pendiente" and "vencida" said in words;
 * filters by status and "only renewals due". Each person or organisation links to their page.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Link } from '../../router';
import { useAppState } from '../../state';
import { Alert, CheckField, Loading, PageTitle, SelectField } from '../../components/ui';
import { errorText } from '../../lib/problems';
import { partialDate } from '../../lib/format';
import { vocabOptions } from '../../lib/options';
import '../alerts/alerts.css';
import type { RegistryItem } from '../../../domain/actor/view';

export function MeasuresPage() {
  const { vocab } = useAppState();
  const [dueOnly, setDueOnly] = useState(false);
  const [status, setStatus] = useState('');
  const [items, setItems] = useState<RegistryItem[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let alive = true;
    setItems(null);
    const q = new URLSearchParams();
    if (status) q.set('status', status);
    if (dueOnly) q.set('due', 'true');
    const qs = q.toString();
    api<{ items: RegistryItem[] }>('GET', `/api/v1/protection-measures${qs ? `?${qs}` : ''}`).then(
      (r) => {
        if (!alive) return;
        setItems(r.items);
        setError('');
      },
      (e: unknown) => alive && setError(errorText(e)),
    );
    return () => {
      alive = false;
    };
  }, [dueOnly, status]);

  const flags = (m: RegistryItem) => [m.expired ? t('measures.expired') : '', m.renewalDue && !m.expired ? t('measures.renewalDue') : ''].filter(Boolean);

  return (
    <>
      <PageTitle>{t('title.measures')}</PageTitle>
      <p class="hint">{t('measures.intro')}</p>
      <div class="grid-2">
        {vocab && <SelectField id="measures-status" label={t('measures.filterStatus')} value={status} onValue={setStatus} empty={t('measures.anyStatus')} options={vocabOptions(vocab, 'protection_status')} />}
        <CheckField id="measures-due" label={t('measures.dueOnly')} checked={dueOnly} onValue={setDueOnly} />
      </div>
      {error ? (
        <Alert kind="error">{error}</Alert>
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p class="empty">{dueOnly ? t('measures.noneDue') : t('measures.none')}</p>
      ) : (
        <>
          <p class="muted" role="status">{t('measures.count', { count: items.length })}</p>
          <table class="audit-table measures-table">
            <caption class="sr-only">{t('title.measures')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('measures.col.holder')}</th>
                <th scope="col">{t('measures.col.kind')}</th>
                <th scope="col">{t('measures.col.status')}</th>
                <th scope="col">{t('measures.col.granted')}</th>
                <th scope="col">{t('measures.col.expires')}</th>
                <th scope="col">{t('measures.col.renewal')}</th>
                <th scope="col">{t('measures.col.reference')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id} class={m.renewalDue || m.expired ? 'measure-due' : undefined}>
                  <td data-label={t('measures.col.holder')}>
                    <span>
                      <Link href={`/people/${m.actorId}`}>{m.pseudonym}</Link>
                      <span class="muted"> ({m.actorKind === 'organisation' ? t('measures.organisation') : t('measures.person')})</span>
                    </span>
                  </td>
                  <td data-label={t('measures.col.kind')}>{vocab ? vocab.label('protection_kind', m.kind) : m.kind}</td>
                  <td data-label={t('measures.col.status')}>{vocab ? vocab.label('protection_status', m.status) : m.status}</td>
                  <td data-label={t('measures.col.granted')}>{partialDate(m.granted)}</td>
                  <td data-label={t('measures.col.expires')}>{partialDate(m.expires)}</td>
                  <td data-label={t('measures.col.renewal')}>{flags(m).map((f) => <span class="measure-flag" key={f}>{f}</span>)}</td>
                  <td data-label={t('measures.col.reference')}>{m.reference ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
