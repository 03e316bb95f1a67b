/**
 * The workspace's organisations on the accounts page (admins): the list, and a form to add one —
 * a partner that takes passengers over at a transport run's hand-off, or another group of the
 * network. Accounts are then created in it (the organisation select of the new-account form).
 */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { t } from '../i18n/i18n';
import { TextField } from '../components/ui';
import { errorText, problemMap, type Problems } from '../lib/problems';

export interface Organisation { id: string; name: string }

export function OrganisationsSection({ organisations, onAdded, onMessage }: { organisations: Organisation[]; onAdded: () => Promise<void> | void; onMessage: (m: { kind: 'error' | 'success'; text: string }) => void }) {
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  const add = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) {
      setProblems(new Map([['name', [t('problem.required')]]]));
      return;
    }
    try {
      await api('POST', '/api/v1/organisations', { name: name.trim() });
      onMessage({ kind: 'success', text: t('orgs.added') });
      setName('');
      setProblems(new Map());
      await onAdded();
    } catch (err) {
      if (err instanceof ApiError && err.problems.length) setProblems(problemMap(err.problems, { name: t('orgs.exists') }));
      else onMessage({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <section class="card-edit" aria-labelledby="orgs-title">
      <h2 id="orgs-title">{t('orgs.title')}</h2>
      <p class="hint">{t('orgs.intro')}</p>
      <ul>
        {organisations.map((o) => <li key={o.id}>{o.name}</li>)}
      </ul>
      <form onSubmit={add} noValidate>
        <TextField id="org-name" label={t('orgs.name')} value={name} onValue={setName} errors={problems.get('name')} maxLength={120} required />
        <button type="submit" class="btn">{t('orgs.add')}</button>
      </form>
    </section>
  );
}
