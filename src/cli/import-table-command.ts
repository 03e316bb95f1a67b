/**
 * `bitacora import-table FILE (--mapping MAPPING.json | --saved NAME) [--dry-run] [--lang es|en]`:
 * the web app's import for scripts — the same reading, mapping, dry run and all-or-nothing commit
 * (src/services/import). Every problem goes to stderr as "line N, column C: error|warning: reason";
 * the summary (and, after a commit, the import's id) as JSON on stdout. Exit 0 when the file is
 * (or, with --dry-run, would be) imported; 1 when it has errors (nothing written); 2 for a usage
 * error. Progress goes to stderr. Acts as BITACORA_AS (an account's e-mail) or the first admin.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import sjson from 'secure-json-parse';
import { UsageError } from './env.js';
import { openWorkspaceFromEnv } from './open-workspace.js';
import { ImportSessions } from '../services/import/import-sessions.js';
import { startImport } from '../services/import/start-import.js';
import { dryRunImport } from '../services/import/dry-run-import.js';
import { prepareCommit } from '../services/import/commit-import.js';
import { TABLE_DEFAULTS } from '../services/import/table.js';
import type { RowProblem } from '../domain/import/row-problem.js';

function problemLine(p: RowProblem): string {
  return `line ${p.line}${p.column !== undefined ? `, column ${JSON.stringify(p.column)}` : ''}: ${p.severity}: ${p.message}`;
}

function readMapping(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the mapping file ${path}`);
  }
  try {
    const doc = sjson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }) as Record<string, unknown>;
    // a saved mapping as the API gives it ({ name, mapping, … }) or the mapping itself
    return doc && typeof doc === 'object' && 'mapping' in doc && !('columns' in doc) ? doc['mapping'] : doc;
  } catch {
    throw new UsageError(`the mapping file ${path} is not valid JSON`);
  }
}

export function registerImportTableCommand(program: Command): void {
  program
    .command('import-table')
    .argument('<file>', 'the table: CSV, TSV, XLSX or JSON records')
    .description('import incidents from a table through a mapping (docs/import.md): dry run, then all or nothing; problems on stderr by line and column')
    .option('--mapping <json-file>', 'the mapping: columns, values, defaults, options (as the web app saves it)')
    .option('--saved <name>', 'a mapping saved in the workspace, by name')
    .option('--dry-run', 'check only: list every problem, write nothing')
    .option('--lang <lang>', 'the language of labels in titles made from a kind of act (es or en)', 'es')
    .action(async (file: string, o: { mapping?: string; saved?: string; dryRun?: boolean; lang: string }) => {
      if ((o.mapping === undefined) === (o.saved === undefined)) throw new UsageError('give either --mapping FILE or --saved NAME');
      if (o.lang !== 'es' && o.lang !== 'en') throw new UsageError('--lang is es or en');
      let size: number;
      try {
        const st = statSync(file);
        if (!st.isFile()) throw new Error();
        size = st.size;
      } catch {
        throw new UsageError(`cannot read ${file}`);
      }
      if (size > TABLE_DEFAULTS.maxBytes) throw new UsageError(`${file} is larger than ${TABLE_DEFAULTS.maxBytes / 1024 / 1024} MB`);
      const fromFile = o.mapping !== undefined ? readMapping(o.mapping) : undefined;
      const ws = await openWorkspaceFromEnv();
      try {
        let mapping = fromFile;
        let mappingId: string | undefined;
        if (o.saved !== undefined) {
          const saved = (await ws.ctx.store.imports.mappings(ws.ctx.user.orgId)).find((m) => m.name === o.saved);
          if (!saved) throw new UsageError(`no saved mapping named ${JSON.stringify(o.saved)}`);
          mapping = saved.body;
          mappingId = saved.id;
        }
        const sessions = new ImportSessions();
        const started = await startImport(ws.ctx, sessions, readFileSync(file));
        const dry = await dryRunImport(ws.ctx, sessions, started.id, mapping, o.lang);
        for (const p of dry.problems) process.stderr.write(`${problemLine(p)}\n`);
        if (dry.moreProblems) process.stderr.write(`… and ${dry.moreProblems} more problems\n`);
        const summary = { rows: dry.rows, errors: dry.errors, warnings: dry.warnings, incidents: dry.errors ? 0 : dry.incidents };
        if (dry.errors || o.dryRun) {
          process.stdout.write(`${JSON.stringify({ ...summary, imported: false }, null, 2)}\n`);
          if (dry.errors) process.exitCode = 1;
          return;
        }
        const session = sessions.get(ws.ctx.user.id, started.id)!;
        const commit = await prepareCommit(ws.ctx, session, mapping, { lang: o.lang, ...(mappingId ? { mappingId } : {}) });
        const r = await commit.write((done) => process.stderr.write(`\r${done}/${commit.total} incidents`));
        process.stderr.write('\n');
        process.stdout.write(`${JSON.stringify({ ...summary, imported: true, importId: r.runId }, null, 2)}\n`);
      } finally {
        await ws.close();
      }
    });
}
