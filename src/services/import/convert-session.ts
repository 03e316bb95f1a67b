/**
 * A session's table through a mapping: the same conversion for the dry run and the commit, so what
 * the dry run shows is what the commit writes.
 */
import type { ServiceContext } from '../context.js';
import { parseInput } from '../validate.js';
import { importMappingSchema, type ImportMapping } from '../../domain/import/mapping.js';
import { convertTable, type ConvertedTable } from '../../domain/import/convert-table.js';
import { ValueResolver } from '../../domain/import/resolve-value.js';
import type { Lang } from '../../domain/vocabulary/vocabulary.js';
import type { ImportSession } from './import-sessions.js';
import { sessionTable } from './read-session-table.js';
import { importPlaceFinder } from './place-finder.js';
import type { TableResult } from './table.js';

export async function convertSession(ctx: ServiceContext, s: ImportSession, rawMapping: unknown, lang: Lang = 'es'): Promise<{ mapping: ImportMapping; table: TableResult; converted: ConvertedTable }> {
  const mapping = parseInput(importMappingSchema, rawMapping);
  const table = await sessionTable(s, mapping.options);
  const converted = convertTable(table, {
    mapping, header: table.header, vocab: ctx.vocab, values: new ValueResolver(ctx.vocab), places: await importPlaceFinder(), today: ctx.now().slice(0, 10), lang,
  });
  return { mapping, table, converted };
}
