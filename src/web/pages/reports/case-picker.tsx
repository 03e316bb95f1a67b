/**
 * Choosing case studies: a search (POST, the words never in a URL) among the incidents the author
 * may see, and "use as a case" on a result — the server then says whether it may be published and
 * which of its testimonies may be quoted (case-card.tsx).
 */
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Alert, TextField } from '../../components/ui';
import { errorText } from '../../lib/problems';
import type { SearchResult } from '../../types';
import type { CaseCandidate } from '../../../domain/report/candidate';

export function CasePicker({ chosen, onAdd }: { chosen: string[]; onAdd: (c: CaseCandidate) => void }) {
  const [q, setQ] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [note, setNote] = useState<{ kind: 'error' | 'warning'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setNote(null);
    try {
      setResult(await api<SearchResult>('POST', '/api/v1/incidents/search', { ...(q.trim() ? { q: q.trim() } : {}), pageSize: 10, facets: false }));
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  const use = async (id: string) => {
    setNote(null);
    try {
      const c = await api<CaseCandidate>('GET', `/api/v1/report-candidates/${id}`);
      if (c.refusal) setNote({ kind: 'warning', text: c.refusal === 'restricted' ? t('reports.case.restricted') : t('reports.case.notPublishable') });
      else onAdd(c);
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <div class="report-case-picker">
      <form onSubmit={search} role="search" aria-label={t('reports.cases.search')}>
        <TextField id="report-case-q" type="search" label={t('reports.cases.search')} hint={t('reports.cases.searchHint')} value={q} onValue={setQ} />
        <button type="submit" class="btn" disabled={busy} aria-busy={busy}>{t('reports.cases.find')}</button>
      </form>
      <div aria-live="polite">{note && <Alert kind={note.kind}>{note.text}</Alert>}</div>
      {result && (
        result.hits.length === 0 ? <p class="hint">{t('reports.cases.none')}</p> : (
          <ul class="report-hits">
            {result.hits.map((h) => (
              <li key={h.id}>
                <span class="report-hit-title" id={`report-hit-${h.id}`}>{h.ref} · {h.title}</span>
                <button type="button" class="btn btn-small" disabled={chosen.includes(h.id)} onClick={() => void use(h.id)} aria-describedby={`report-hit-${h.id}`}>
                  {chosen.includes(h.id) ? t('reports.cases.added') : t('reports.cases.use')}
                </button>
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}
