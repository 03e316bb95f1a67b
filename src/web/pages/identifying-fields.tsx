/**
 * Admins choose which free-text fields the workspace treats as identifying (e.g. summaries that name
 * people). Marked fields are sealed, masked on screen, left out of the search index and of the
 * history; existing records are rewritten when the choice changes. A security setting: the server
 * asks for the password again when the sign-in is not recent.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { t, type MessageKey } from '../i18n/i18n';
import { Alert, PageTitle } from '../components/ui';
import { withReauth, ReauthCancelled } from '../components/reauth';
import { errorText } from '../lib/problems';
import { getState, update } from '../state';

const LABELS: Record<string, MessageKey> = {
  summary: 'identFields.summary',
  'acts.description': 'identFields.actDescription',
  'perpetrators.description': 'identFields.perpetratorDescription',
  'interventions.notes': 'identFields.interventionNotes',
  'actor.notes': 'identFields.actorNotes',
};

export function IdentifyingFieldsPage() {
  const [markable, setMarkable] = useState<string[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    api<{ fields: string[]; markable: string[] }>('GET', '/api/v1/settings/identifying-fields').then(
      (r) => {
        setMarkable(r.markable);
        setChosen(new Set(r.fields));
      },
      (e) => setError(errorText(e)),
    );
  }, []);

  async function save() {
    setBusy(true);
    setError('');
    setStatus(t('identFields.working'));
    try {
      const r = await withReauth(() => api<{ incidents: number; people: number }>('PUT', '/api/v1/settings/identifying-fields', { fields: [...chosen] }));
      setStatus(t('identFields.saved', { incidents: r.incidents, people: r.people }));
      const session = getState().session;
      if (session) update({ session: { ...session, identifyingFields: [...chosen].sort() } });
    } catch (e) {
      setStatus('');
      if (!(e instanceof ReauthCancelled)) setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle>{t('identFields.title')}</PageTitle>
      <p class="hint">{t('identFields.intro')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend class="label">{t('identFields.legend')}</legend>
          <ul class="plain share-choices">
            {markable.map((f) => (
              <li key={f}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={chosen.has(f)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.currentTarget.checked) next.add(f);
                      else next.delete(f);
                      setChosen(next);
                    }}
                  />{' '}
                  {LABELS[f] ? t(LABELS[f]!) : f}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('identFields.save')}
          </button>
        </div>
      </form>
      <p role="status">{status}</p>
    </>
  );
}
