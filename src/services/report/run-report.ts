/**
 * The second half of generating a report (the slow part, run as a job): the publishable facts of
 * the report's period and of the period before (the open-data reader: codes, dates, public places —
 * never restricted, only the confidentiality levels the workspace publishes, only what the author
 * may see), the key figures, the model, the HTML and the PDF. It writes nothing: the audit event
 * was written when the report was asked for (prepare-report.ts), and the files stay in memory.
 */
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import type { PreparedReport } from './prepare-report.js';
import { openDataSeqs, readOpenDataFacts } from '../../store/publication/open-data-facts.js';
import type { PublicationFacts } from '../../domain/publication/facts.js';
import { earliestDay, latestDay } from '../../domain/dates.js';
import { previousPeriod } from '../../domain/patterns/period.js';
import type { Period } from '../../domain/stats/comparison.js';
import { keyFigures, type KeyFigures } from '../../domain/report/figures.js';
import { buildReportModel } from '../../domain/report/model.js';
import { specFilters } from '../../domain/report/spec.js';
import { renderHtml } from '../../domain/report/render-html.js';
import { renderPdf } from '../../domain/report/render-pdf.js';
import { drawStateMap, stateMapSvg } from '../../domain/report/state-map.js';
import { w } from '../../domain/report/words.js';
import { loadBasemap } from './basemap.js';
import { countryName, stateByCode } from '../../domain/places/places.js';
import type { Labeller } from '../../domain/publication/labels.js';
import { protectionMeasureFacts } from '../../store/publication/protection-measure-facts.js';
import { measuresInForce } from '../../domain/report/measures.js';
import { accompanimentFacts } from '../../store/repositories/accompaniment-figure-facts.js';
import { countFigures, publishFigures } from '../../domain/accompaniment/figures.js';

/** The most incidents one period of a report counts (as for open data: narrow the filters beyond). */
export const MAX_REPORT_INCIDENTS = 200_000;

export interface Progress { done: number; total: number; step: ReportStep }
export type ReportStep = 'queued' | 'counting' | 'comparing' | 'html' | 'pdf' | 'done';
export interface ReportFiles { html: string; pdf: Buffer; lang: 'es' | 'en'; figures: KeyFigures }

export async function runReport(ctx: ServiceContext, p: PreparedReport, progress: (x: Progress) => void = () => undefined): Promise<ReportFiles> {
  const { spec, settings } = p;
  const lang = spec.lang;
  const recent: Period = { from: earliestDay(spec.from), to: latestDay(spec.to) };
  const before = previousPeriod(recent.from, recent.to);
  const filters = specFilters(spec);
  const viewer = { userId: ctx.user.id };
  const seqsOf = async (period: Period) => {
    const seqs = await openDataSeqs(ctx.store.db, { ...filters, from: period.from, to: period.to }, viewer, settings.include, MAX_REPORT_INCIDENTS + 1);
    if (seqs.length > MAX_REPORT_INCIDENTS) {
      throw new ServiceError(400, 'too_many_incidents', `from: the period matches more than ${MAX_REPORT_INCIDENTS} publishable incidents; narrow it`,
        [{ path: 'from', message: `matches more than ${MAX_REPORT_INCIDENTS} incidents; narrow the dates or filters`, code: 'too_many_incidents' }]);
    }
    return seqs;
  };
  const recentSeqs = await seqsOf(recent);
  const beforeSeqs = await seqsOf(before);
  const total = recentSeqs.length + beforeSeqs.length + 3;
  let done = 0;
  progress({ done, total, step: 'counting' });
  // one numbering of people across both periods: distinct victims per period are sets of numbers
  const numbers = new Map<string, number>();
  const numberOf = (id: string) => {
    let n = numbers.get(id);
    if (n === undefined) numbers.set(id, (n = numbers.size + 1));
    return n;
  };
  const read = async (seqs: number[], step: ReportStep) => {
    const out: PublicationFacts[] = [];
    await readOpenDataFacts(ctx.store.db, seqs, numberOf, (f) => {
      out.push(f);
      if (++done % 500 === 0) progress({ done, total, step });
    });
    done += seqs.length - out.length; // removed meanwhile
    return out;
  };
  const recentFacts = await read(recentSeqs, 'counting');
  progress({ done, total, step: 'comparing' });
  const beforeFacts = await read(beforeSeqs, 'comparing');
  const figures = keyFigures(recent, recentFacts, before, beforeFacts, spec.granularity, settings);
  // protection measures held by the period's victims (issue 6 §5): distinct holders per kind, below k left out
  const recentNumbers = new Set(recentFacts.flatMap((f) => f.victims.map((v) => v.n)));
  const recentVictims = new Set([...numbers].filter(([, n]) => recentNumbers.has(n)).map(([id]) => id));
  const measures = measuresInForce(recentVictims, await protectionMeasureFacts(ctx.store.db, [...recentVictims]), settings.k);
  // the author's organisation's accompaniment in the period (issue 9 §6), published terms (below k left out)
  const acc = await accompanimentFacts(ctx.store.db, ctx.user.orgId, recent.from, recent.to);
  const accompaniment = acc.attendance.length || acc.rides.length ? publishFigures(countFigures(acc.attendance, acc.rides), settings.k) : undefined;
  progress({ done: ++done, total, step: 'html' });
  const labels: Labeller = {
    lang,
    term: (scheme, code) => ctx.vocab.label(scheme, code, lang),
    country: (code) => countryName(code, lang),
    state: (code) => stateByCode(code)?.name[lang] ?? code,
  };
  const model = buildReportModel({ spec, figures, measures, ...(accompaniment ? { accompaniment } : {}), cases: p.cases, labels, workspace: p.workspace, today: ctx.now().slice(0, 10), include: settings.include });
  const basemap = await loadBasemap();
  const drawing = basemap ? drawStateMap(basemap, model.stateCounts) : null;
  const html = renderHtml(model, drawing ? { stateMap: () => stateMapSvg(drawing, { title: w(lang, 'mapTitle'), none: w(lang, 'mapNone') }) } : {});
  progress({ done: ++done, total, step: 'pdf' });
  const pdf = await renderPdf(model, { stateMap: drawing });
  progress({ done: ++done, total, step: 'done' });
  return { html, pdf, lang, figures };
}
