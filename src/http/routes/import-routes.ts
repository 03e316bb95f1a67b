/**
 * Importing tables (issue 8, ADR 0020): upload a CSV, TSV, XLSX or JSON file (multipart, held in
 * this process's memory only), map its columns and values, dry-run, commit (202, then progress by
 * polling), all owned by the person who uploaded it. Saved mappings and the list of past imports.
 * Mappings travel in bodies, never in URLs: they hold the file's headers and values.
 */
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { defineRoute, idParams, type AnyRoute } from '../route.js';
import type { Vault } from '../../services/vault.js';
import { ServiceError, notFound } from '../../services/errors.js';
import { importMappingSchema } from '../../domain/import/mapping.js';
import { LANGS } from '../../domain/vocabulary/vocabulary.js';
import { ImportSessions } from '../../services/import/import-sessions.js';
import { startImport } from '../../services/import/start-import.js';
import { analyseImport } from '../../services/import/analyse-import.js';
import { dryRunImport } from '../../services/import/dry-run-import.js';
import { commitStatus, startCommit } from '../../services/import/commit-import.js';
import { changeMapping, changeMappingSchema, listImportRuns, listMappings, removeMapping, saveMapping, saveMappingSchema } from '../../services/import/import-mappings.js';
import { withUploadParts } from './upload-parts.js';
import { requirePermission } from '../../services/context.js';

/** The largest table accepted for import (64 MB): it is held in memory while it is mapped. */
export const DEFAULT_MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const registries = new WeakMap<Vault, ImportSessions>();

/** The import sessions of this vault's process, dropped on every seal. */
export function importSessionsOf(vault: Vault): ImportSessions {
  let s = registries.get(vault);
  if (!s) {
    const created = new ImportSessions();
    vault.onSeal(() => created.clear());
    registries.set(vault, (s = created));
  }
  return s;
}

const mappingBody = z.object({ mapping: importMappingSchema, lang: z.enum(LANGS).default('es') }).strict();
const commitBody = mappingBody.extend({ mappingId: z.string().uuid({ message: 'must be a saved mapping id' }).optional() }).strict();

async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart()) throw new ServiceError(415, 'unsupported_media_type', 'body: send multipart/form-data with the table as the part named "file"');
  return withUploadParts(request, maxBytes, async (parts) => {
    const { file } = await parts.fieldsUntilFile([]);
    if (!file) throw new ServiceError(400, 'invalid', 'file: is required: send the table as the part named "file"', [{ path: 'file', message: 'is required', code: 'required' }]);
    if (file.fieldname !== 'file') throw new ServiceError(400, 'unknown_field', `${file.fieldname}: unknown file part; send the table as "file"`, [{ path: file.fieldname, message: 'unknown file part; send the table as "file"', code: 'unknown_field' }]);
    const chunks: Buffer[] = [];
    let n = 0;
    for await (const c of parts.stream(file, { last: true }).stream) {
      n += c.length;
      if (n > maxBytes) throw new ServiceError(413, 'file_too_large', `file: the table is larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MB`, [{ path: 'file', message: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, code: 'file_too_large' }]);
      chunks.push(Buffer.from(c));
    }
    return Buffer.concat(chunks);
  });
}

export function importRoutes(opts: { maxImportBytes?: number } = {}): AnyRoute[] {
  const maxBytes = opts.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/imports', tag: 'imports', status: 201,
      summary: 'Upload a table to import (multipart/form-data, part "file": CSV, TSV, XLSX or JSON records): how it was read and each column with samples and a guessed target; kept in memory for 30 minutes',
      policy: { access: 'user', permission: 'records.import' }, rateLimit: 20,
      multipart: { fields: {}, files: { file: 'the table: CSV or TSV (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252), XLSX, or JSON records' } },
      handler: async ({ svc, vault, request, reply }) => {
        requirePermission(svc, 'records.import');
        const bytes = await readUpload(request, maxBytes);
        reply.header('cache-control', 'no-store');
        return startImport(svc, importSessionsOf(vault), bytes);
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/imports/:id/analyse', tag: 'imports',
      summary: 'The table as the mapping reads it: columns with samples, and each mapped list column\'s distinct values with what each becomes (or near matches to choose from)',
      policy: { access: 'user', permission: 'records.import' }, params: idParams, body: mappingBody, rateLimit: 120,
      handler: async ({ svc, vault, params, body }) => analyseImport(svc, importSessionsOf(vault), params.id, body.mapping, body.lang),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/imports/:id/dry-run', tag: 'imports',
      summary: 'Dry run: every problem with its line, column and reason, the number of incidents the commit would make and a preview; nothing is written',
      policy: { access: 'user', permission: 'records.import' }, params: idParams, body: mappingBody, rateLimit: 60,
      handler: async ({ svc, vault, params, body }) => dryRunImport(svc, importSessionsOf(vault), params.id, body.mapping, body.lang),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/imports/:id/commit', tag: 'imports', status: 202,
      summary: 'Import everything, all or nothing (refused with 409 while the dry run finds an error): answers 202; follow the progress with GET /imports/:id',
      policy: { access: 'user', permission: 'records.import' }, params: idParams, body: commitBody, rateLimit: 10,
      handler: async ({ svc, vault, params, body }) => ({ commit: await startCommit(svc, importSessionsOf(vault), params.id, body.mapping, { lang: body.lang, ...(body.mappingId ? { mappingId: body.mappingId } : {}) }) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/imports/:id', tag: 'imports',
      summary: 'An import in progress: the commit\'s state, incidents written so far and the import\'s id when done',
      policy: { access: 'user', permission: 'records.import' }, params: idParams,
      handler: async ({ svc, vault, params, reply }) => {
        const s = importSessionsOf(vault).get(svc.user.id, params.id);
        if (!s) throw notFound('import');
        reply.header('cache-control', 'no-store');
        return { id: s.id, ...(s.commit ? { commit: commitStatus(s.commit) } : {}) };
      },
    }),
    defineRoute({
      method: 'DELETE', url: '/api/v1/imports/:id', tag: 'imports',
      summary: 'Forget an uploaded table now (its bytes are zeroed); not while it is being committed',
      policy: { access: 'user', permission: 'records.import' }, params: idParams,
      handler: async ({ svc, vault, params }) => {
        if (!importSessionsOf(vault).remove(svc.user.id, params.id)) throw notFound('import');
        return { removed: true };
      },
    }),
    defineRoute({ method: 'GET', url: '/api/v1/import-runs', tag: 'imports', summary: 'Past imports of the organisation: when, who, format, rows, incidents, warnings', policy: { access: 'user', permission: 'records.import' }, handler: async ({ svc }) => listImportRuns(svc) }),
    defineRoute({ method: 'GET', url: '/api/v1/import-mappings', tag: 'imports', summary: 'Saved import mappings of the organisation', policy: { access: 'user', permission: 'records.import' }, handler: async ({ svc }) => listMappings(svc) }),
    defineRoute({ method: 'POST', url: '/api/v1/import-mappings', tag: 'imports', status: 201, summary: 'Save a mapping under a name, for the next file of the same kind', policy: { access: 'user', permission: 'records.import' }, body: saveMappingSchema, rateLimit: 30, handler: async ({ svc, body }) => saveMapping(svc, body) }),
    defineRoute({ method: 'PUT', url: '/api/v1/import-mappings/:id', tag: 'imports', summary: 'Change a saved mapping (name the version changed: 409 if someone changed it first)', policy: { access: 'user', permission: 'records.import' }, params: idParams, body: changeMappingSchema, rateLimit: 30, handler: async ({ svc, params, body }) => changeMapping(svc, params.id, body) }),
    defineRoute({ method: 'DELETE', url: '/api/v1/import-mappings/:id', tag: 'imports', summary: 'Remove a saved mapping (past imports keep their record)', policy: { access: 'user', permission: 'records.import' }, params: idParams, rateLimit: 30, handler: async ({ svc, params }) => removeMapping(svc, params.id) }),
  ];
}
