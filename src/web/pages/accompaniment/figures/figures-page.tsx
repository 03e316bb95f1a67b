/**
 * Accompaniment figures (/accompaniment/figures, accompaniment.read): for a period, hearings
 * attended and missed, their outcomes and the people accompanied by month and route — the
 * organisation's own, exact. Tables only (every figure is its own table); nothing identifying.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../../api';
import { t, lang } from '../../../i18n/i18n';
import { Alert, Loading, PageTitle, TextField } from '../../../components/ui';
import { errorText, problemMap } from '../../../lib/problems';
import { number } from '../../../lib/format';
import { PLACES } from '../../../../domain/accompaniment/places';
import { OUTCOME_WORDS } from '../../../../domain/accompaniment/labels';

interface Figures {
  from: string;
  to: string;
  attendance: { presented: number; missed: number; excused: number; expected: number };
  outcomes: { outcome: string; people: number }[];
  byMonthRoute: { month: string; from: string; to: string; people: number }[];
  people: number;
}

const placeLabel = (code: string) => PLACES.find((p) => p.code === code)?.[lang()] ?? code;
const outcomeLabel = (code: string) => (OUTCOME_WORDS as Record<string, { es: string; en: string }>)[code]?.[lang()] ?? code;

function Table({ id, caption, head, rows }: { id: string; caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table class="stats-table" id={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>{head.map((h) => <th scope="col" key={h}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r[0]}</th>
              {r.slice(1).map((c, j) => <td key={j}>{typeof c === 'number' ? number(c) : c}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AccompanimentFiguresPage() {
  const today = new Date().toISOString().slice(0, 10);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [figures, setFigures] = useState<Figures | null>(null);
  const [error, setError] = useState('');
  const [problems, setProblems] = useState(problemMap([]));

  useEffect(() => {
    let alive = true;
    if (!from || !to) return;
    setFigures(null);
    api<Figures>('POST', '/api/v1/accompaniment/figures', { from, to }).then(
      (f) => { if (alive) { setFigures(f); setError(''); setProblems(problemMap([])); } },
      (e: unknown) => {
        if (!alive) return;
        if (e instanceof ApiError && e.problems?.length) setProblems(problemMap(e.problems));
        setError(errorText(e));
      },
    );
    return () => { alive = false; };
  }, [from, to]);

  return (
    <>
      <PageTitle>{t('title.accFigures')}</PageTitle>
      <p class="hint">{t('acc.figures.intro')}</p>
      <div class="grid-2">
        <TextField id="acc-fig-from" type="date" label={t('acc.figures.from')} value={from} onValue={setFrom} errors={problems.get('from')} />
        <TextField id="acc-fig-to" type="date" label={t('acc.figures.to')} value={to} onValue={setTo} errors={problems.get('to')} />
      </div>
      {error ? (
        <Alert kind="error">{error}</Alert>
      ) : !figures ? (
        <Loading />
      ) : (
        <>
          <p>{t('acc.figures.people', { n: figures.people })}</p>
          <Table id="acc-fig-attendance" caption={t('acc.figures.attendance')} head={[t('acc.figures.attendanceCol'), t('acc.figures.peopleCol')]} rows={[
            [t('acc.figures.presented'), figures.attendance.presented],
            [t('acc.figures.missed'), figures.attendance.missed],
            [t('acc.figures.excused'), figures.attendance.excused],
            [t('acc.figures.expected'), figures.attendance.expected],
          ]} />
          {figures.outcomes.length ? (
            <Table id="acc-fig-outcomes" caption={t('acc.figures.outcomes')} head={[t('acc.figures.outcomeCol'), t('acc.figures.peopleCol')]} rows={figures.outcomes.map((o) => [outcomeLabel(o.outcome), o.people])} />
          ) : <p class="empty">{t('acc.figures.noOutcomes')}</p>}
          {figures.byMonthRoute.length ? (
            <Table id="acc-fig-routes" caption={t('acc.figures.routes')} head={[t('acc.figures.monthCol'), t('acc.figures.routeCol'), t('acc.figures.peopleCol')]}
              rows={figures.byMonthRoute.map((r) => [r.month, `${placeLabel(r.from)} → ${placeLabel(r.to)}`, r.people])} />
          ) : <p class="empty">{t('acc.figures.noRuns')}</p>}
          <p class="hint">{t('acc.figures.published')}</p>
        </>
      )}
    </>
  );
}
