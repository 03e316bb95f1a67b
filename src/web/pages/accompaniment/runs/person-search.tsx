/** Finding passengers for a run: people of the organisation by pseudonym, reference or family, added one by one or a whole family at once. */
import { useState } from 'preact/hooks';
import { t } from '../../../i18n/i18n';
import { Alert, TextField } from '../../../components/ui';
import { errorText } from '../../../lib/problems';
import { familyMembers, searchPeople, type PersonSummary } from './api';

export function PersonSearch({ chosen, onAdd }: { chosen: string[]; onAdd: (p: PersonSummary) => void }) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<PersonSummary[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <div class="runs-search">
      <div class="search-row">
        <TextField id="runs-person-q" label={t('acc.runs.passengers.search')} hint={t('acc.runs.passengers.searchHint')} value={q} onValue={setQ} type="search" maxLength={100} />
        <button
          type="button"
          class="btn"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError('');
            try {
              setHits((await searchPeople(q.trim())).items);
            } catch (e) {
              setError(errorText(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('acc.runs.passengers.find')}
        </button>
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {hits && (
        <>
          <p role="status">{t('acc.runs.passengers.found', { count: hits.length })}</p>
          <ul class="runs-hits">
            {hits.map((h) => (
              <li key={h.id}>
                <span>
                  <strong>{h.pseudonym}</strong> <span class="ref">{h.ref}</span>
                  {h.familyLabel && <span class="muted"> · {h.familyLabel}</span>}
                </span>
                <button type="button" class="btn btn-small" disabled={chosen.includes(h.id)} onClick={() => onAdd(h)}>
                  {chosen.includes(h.id) ? t('acc.runs.passengers.added') : t('acc.runs.passengers.add')}
                  <span class="sr-only"> — {h.ref}</span>
                </button>
                {h.familyId && (
                  <button
                    type="button"
                    class="btn btn-small"
                    disabled={busy}
                    data-testid={`add-family-${h.ref}`}
                    onClick={async () => {
                      setBusy(true);
                      setError('');
                      try {
                        for (const m of (await familyMembers(h.familyId!)).items) if (!chosen.includes(m.id)) onAdd(m);
                      } catch (e) {
                        setError(errorText(e));
                      } finally {
                        setBusy(false);
                      }
                    }}
                  >
                    {t('acc.runs.passengers.addFamily')}
                    <span class="sr-only"> — {h.familyLabel ?? h.ref}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
