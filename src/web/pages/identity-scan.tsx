/**
 * Search inside identifying values (names, contacts, private addresses, testimonies, named
 * perpetrators). They are sealed and never indexed, so the server opens them batch by batch; this
 * page asks for one batch after another, shows progress and can be stopped. The words typed stay
 * in memory only (never in the URL, the title or the audit log).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { t, type MessageKey } from '../i18n/i18n';
import { Link } from '../router';
import { Alert, PageTitle } from '../components/ui';
import { SearchIcon } from '../components/icons';
import { errorText } from '../lib/problems';
import { number } from '../lib/format';

interface ScanPage { scanned: number; total: number; next: number | null; matches: { id: string; ref: string; title: string; fields: string[] }[] }

const FIELD_KEYS: Record<string, MessageKey> = {
  'victims.realName': 'scan.field.realName',
  'victims.contact': 'scan.field.contact',
  'victims.privateAddress': 'scan.field.privateAddress',
  'place.private.address': 'scan.field.placeAddress',
  'sources.testimony': 'scan.field.testimony',
  'acts.perpetrators.identifiedIndividuals': 'scan.field.identifiedIndividuals',
};

export function IdentityScanPage() {
  const [text, setText] = useState('');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ scanned: number; total: number } | null>(null);
  const [matches, setMatches] = useState<ScanPage['matches']>([]);
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const stop = useRef(false);
  useEffect(() => () => { stop.current = true; }, []);

  async function run() {
    stop.current = false;
    setRunning(true);
    setDone(false);
    setError('');
    setMatches([]);
    setProgress(null);
    let after: number | undefined;
    let scanned = 0;
    try {
      for (;;) {
        const page: ScanPage = await api('POST', '/api/v1/incidents/scan-identifying', { text, batch: 500, ...(after !== undefined ? { after, scanned } : {}) });
        scanned = page.scanned;
        setProgress({ scanned: page.scanned, total: page.total });
        if (page.matches.length) setMatches((m) => [...m, ...page.matches]);
        if (page.next === null || stop.current) break;
        after = page.next;
      }
      setDone(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  }

  const pct = progress && progress.total > 0 ? Math.round((progress.scanned / progress.total) * 100) : 0;
  return (
    <>
      <PageTitle>{t('scan.title')}</PageTitle>
      <p class="hint">{t('scan.intro')}</p>
      <form
        class="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (!running) void run();
        }}
      >
        <label for="scan-text" class="label">
          {t('scan.label')}
        </label>
        <div class="search-row">
          <input id="scan-text" type="search" value={text} autoComplete="off" spellcheck={false} minLength={2} maxLength={200} required onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="btn btn-primary" disabled={running}>
            <SearchIcon />
            {t('scan.start')}
          </button>
          {running && (
            <button type="button" class="btn" onClick={() => { stop.current = true; }}>
              {t('scan.stop')}
            </button>
          )}
        </div>
      </form>
      {error && <Alert kind="error">{error}</Alert>}
      {progress && (
        <div class="scan-progress">
          <progress max={100} value={pct} aria-labelledby="scan-status" />
          <p id="scan-status" role="status">
            {running
              ? t('scan.progress', { scanned: number(progress.scanned), total: number(progress.total) })
              : t('scan.finished', { scanned: number(progress.scanned), count: matches.length })}
          </p>
        </div>
      )}
      {matches.length > 0 && (
        <ul class="cards">
          {matches.map((m) => (
            <li class="card" key={m.id}>
              <h2 class="card-title">
                <Link href={`/incidents/${m.id}`}>
                  {m.ref} · {m.title}
                </Link>
              </h2>
              <p class="meta">
                {t('scan.foundIn')} {m.fields.map((f) => (FIELD_KEYS[f] ? t(FIELD_KEYS[f]!) : f)).join(', ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      {done && !matches.length && <p>{t('scan.none')}</p>}
    </>
  );
}
