/**
 * Posibles duplicados (/duplicates), for those who may edit any incident (ADR 0023): after an import,
 * or from time to time, the pairs of incidents of a period that look like the same event, best
 * first, each side by side with its reasons; merge one into the other (after a confirmation that
 * says what will move) or say they are not the same. The period stays in the page, not in the URL.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { useAppState } from '../../state';
import { Alert, PageTitle, SelectField } from '../../components/ui';
import { PartialDateField } from '../../components/date-fields';
import { countryOptions } from '../../lib/options';
import { errorText, problemMap, type Problems } from '../../lib/problems';
import { ApiError } from '../../api';
import type { DateParts } from '../incident-form/model';
import { Compare, MergeConfirm, Reasons } from './compare';
import { refusalText, scoreText } from './words';
import { sideOf, type DuplicateIncident, type PairList } from './types';
import './duplicates.css';

const PAGE_SIZE = 20;
const WINDOWS = [0, 3, 7, 14, 31];

const partial = (p: DateParts) => [p.y, p.m, p.m ? p.d : ''].filter(Boolean).join('-');

function monthsAgo(n: number): DateParts {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return { y: String(d.getUTCFullYear()), m: String(d.getUTCMonth() + 1).padStart(2, '0'), d: '' };
}

interface Query { from: string; to: string; country: string; windowDays: number; page: number }

export function DuplicatesPage() {
  const { places } = useAppState();
  const [from, setFrom] = useState<DateParts>(() => monthsAgo(2));
  const [to, setTo] = useState<DateParts>(() => monthsAgo(0));
  const [country, setCountry] = useState('');
  const [windowDays, setWindowDays] = useState(7);
  const [query, setQuery] = useState<Query | null>(null);
  const [result, setResult] = useState<PairList | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);

  const run = async (q: Query) => {
    setBusy(true);
    setError('');
    setProblems(new Map());
    setConfirming(null);
    try {
      const r = await api<PairList>('POST', '/api/v1/duplicates/search', { from: q.from, to: q.to, windowDays: q.windowDays, page: q.page, pageSize: PAGE_SIZE, ...(q.country ? { country: [q.country] } : {}) });
      setQuery(q);
      setResult(r);
    } catch (e) {
      if (e instanceof ApiError && e.problems.length) setProblems(problemMap(e.problems));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    setNotice('');
    void run({ from: partial(from), to: partial(to), country, windowDays, page: 1 });
  };

  const dismiss = async (a: DuplicateIncident, b: DuplicateIncident) => {
    try {
      await api('POST', '/api/v1/duplicates/dismiss', { a: a.id, b: b.id });
      setNotice(t('duplicates.page.dismissed', { a: a.ref, b: b.ref }));
      if (query) await run(query);
    } catch (e) {
      setNotice(refusalText(e));
    }
  };

  const merged = async (keep: DuplicateIncident, other: DuplicateIncident) => {
    setNotice(t('duplicates.page.merged', { other: other.ref, keep: keep.ref }));
    if (query) await run(query);
  };

  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  return (
    <>
      <PageTitle>{t('duplicates.page.title')}</PageTitle>
      <p class="hint">{t('duplicates.page.intro')}</p>
      <form class="dup-form" onSubmit={submit} noValidate>
        <div class="dup-period">
          <PartialDateField path="from" legend={t('duplicates.page.from')} value={from} onValue={setFrom} errors={problems.get('from')} />
          <PartialDateField path="to" legend={t('duplicates.page.to')} value={to} onValue={setTo} errors={problems.get('to')} />
        </div>
        {places && <SelectField id="f-country" label={t('duplicates.page.country')} value={country} onValue={setCountry} options={countryOptions(places)} empty={t('duplicates.page.anyCountry')} />}
        <SelectField
          id="f-window"
          label={t('duplicates.page.window')}
          hint={t('duplicates.page.windowHint')}
          value={String(windowDays)}
          onValue={(v) => setWindowDays(Number(v))}
          options={WINDOWS.map((w) => ({ value: String(w), label: t('duplicates.page.days', { count: w }) }))}
        />
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('duplicates.page.search')}
        </button>
      </form>
      <div aria-live="polite">
        {notice && <Alert kind="info">{notice}</Alert>}
        {busy && <p class="muted">{t('duplicates.section.looking')}</p>}
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {result && query && (
        <section class="dup-results" aria-labelledby="dup-results-h">
          <h2 id="dup-results-h">{t('duplicates.page.count', { count: result.total })}</h2>
          <p class="muted">{t('duplicates.page.compared', { count: result.compared })}</p>
          {result.partial && <Alert kind="warning">{t('duplicates.page.partial')}</Alert>}
          <ul class="dup-list">
            {result.items.map((pair) => {
              // shown in the order of their references (the API pairs them by id)
              const p = pair.a.ref <= pair.b.ref ? pair : { ...pair, a: pair.b, b: pair.a };
              const key = `${p.a.id}|${p.b.id}`;
              const [keep, other] = confirming === `${key}|a` ? [p.a, p.b] : [p.b, p.a];
              return (
                <li key={key} class="dup-card">
                  <h3 class="dup-card-title">{t('duplicates.page.pair', { a: p.a.ref, b: p.b.ref })}</h3>
                  <p class="dup-score">{scoreText(p.score)}</p>
                  <Reasons reasons={p.reasons} />
                  <Compare left={sideOf(p.a)} right={sideOf(p.b)} caption={t('duplicates.compare.caption', { a: p.a.ref, b: p.b.ref })} />
                  {confirming?.startsWith(key) ? (
                    <MergeConfirm keep={keep} other={other} moves={other.moves} onMerged={() => void merged(keep, other)} onCancel={() => setConfirming(null)} />
                  ) : (
                    <div class="dup-actions">
                      <button type="button" class="btn" onClick={() => setConfirming(`${key}|a`)}>
                        {t('duplicates.page.mergeInto', { other: p.b.ref, keep: p.a.ref })}
                      </button>
                      <button type="button" class="btn" onClick={() => setConfirming(`${key}|b`)}>
                        {t('duplicates.page.mergeInto', { other: p.a.ref, keep: p.b.ref })}
                      </button>
                      <button type="button" class="btn btn-quiet" onClick={() => void dismiss(p.a, p.b)}>
                        {t('duplicates.dismiss')}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          {pages > 1 && (
            <nav class="dup-pages" aria-label={t('duplicates.page.pages')}>
              <button type="button" class="btn" disabled={busy || query.page <= 1} onClick={() => void run({ ...query, page: query.page - 1 })}>
                {t('list.prev')}
              </button>
              <span>{t('duplicates.page.pageOf', { page: query.page, pages })}</span>
              <button type="button" class="btn" disabled={busy || query.page >= pages} onClick={() => void run({ ...query, page: query.page + 1 })}>
                {t('list.next')}
              </button>
            </nav>
          )}
        </section>
      )}
    </>
  );
}
