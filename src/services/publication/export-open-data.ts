/**
 * The open-data export (issue 5, ADR 0015): incidents.csv, victims.csv or places.geojson of the
 * publishable incidents matching a search — no identifying field, no free text, places and dates
 * coarsened, victim counts below k suppressed (src/domain/publication/). Restricted incidents are
 * never included, whoever asks; the others only at the confidentiality levels the settings name,
 * and only those the exporter may see. Audited with the format and counts, never the search.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { ServiceError } from '../errors.js';
import { openDataQuerySchema, type OpenDataQuery } from '../../domain/publication/query.js';
import { OpenDataBuilder, type OpenDataFile } from '../../domain/publication/open-data.js';
import type { DimensionValues } from '../../domain/publication/victim-counts.js';
import type { Labeller } from '../../domain/publication/labels.js';
import type { Lang, VocabularyIndex } from '../../domain/vocabulary/vocabulary.js';
import { countryName, stateByCode } from '../../domain/places/places.js';
import { openDataSeqs, readOpenDataFacts } from '../../store/publication/open-data-facts.js';

/** The most incidents one export holds; more asks for narrower filters (a year at a time, a country …). */
export const MAX_OPEN_DATA_INCIDENTS = 200_000;

function labeller(vocab: VocabularyIndex, lang: Lang): Labeller {
  return {
    lang,
    term: (scheme, code) => vocab.label(scheme, code, lang),
    country: (code) => countryName(code, lang),
    state: (code) => stateByCode(code)?.name[lang] ?? code,
  };
}

function dimensionValues(vocab: VocabularyIndex): DimensionValues {
  const codes = (scheme: string, rootsOnly = false) => vocab.inScheme(scheme).filter((t) => !rootsOnly || t.parent === null).sort((a, b) => a.sort - b.sort).map((t) => t.code);
  return {
    kind: ['person', 'organisation'],
    role: codes('victim_role'),
    gender: codes('gender_identity'),
    lgbti: codes('lgbti'),
    migrationStatus: codes('migration_status'),
    act: codes('act', true),
  };
}

export async function exportOpenData(ctx: ServiceContext, input: unknown): Promise<OpenDataFile> {
  requirePermission(ctx, 'incident.read');
  const q: OpenDataQuery = parseInput(openDataQuerySchema, input);
  const settings = await ctx.store.settings.openDataSettings();
  const { format, lang, ...filters } = q;
  const seqs = await openDataSeqs(ctx.store.db, filters, { userId: ctx.user.id }, settings.include, MAX_OPEN_DATA_INCIDENTS + 1);
  if (seqs.length > MAX_OPEN_DATA_INCIDENTS) {
    throw new ServiceError(400, 'too_many_incidents', `from: the search matches more than ${MAX_OPEN_DATA_INCIDENTS} publishable incidents; narrow it (dates, country, kind of act …)`,
      [{ path: 'from', message: `matches more than ${MAX_OPEN_DATA_INCIDENTS} incidents; narrow the dates or filters`, code: 'too_many_incidents' }]);
  }
  const builder = new OpenDataBuilder(format, settings, labeller(ctx.vocab, lang));
  const numbers = new Map<string, number>();
  const numberOf = (id: string) => {
    let n = numbers.get(id);
    if (n === undefined) numbers.set(id, (n = numbers.size + 1));
    return n;
  };
  await readOpenDataFacts(ctx.store.db, seqs, numberOf, (f) => builder.add(f));
  const file = builder.finish(dimensionValues(ctx.vocab));
  await ctx.store.audit.add({
    at: ctx.now(), userId: ctx.user.id, action: 'open_data.exported', targetType: 'workspace',
    detail: { format, lang, incidents: file.incidents, rows: file.rows, k: settings.k, placeLevel: settings.placeLevel, dateLevel: settings.dateLevel, include: settings.include },
  });
  return file;
}
