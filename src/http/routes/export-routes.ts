/**
 * The records export (POST, so search words never land in URLs or logs). One route for files with
 * and without identifying values: the policy's `recentAuth` cannot depend on the body, so the use
 * case checks the session's last sign-in itself when identifying values are asked for (ADR 0022).
 * The file comes back with a fixed name, no-store, nosniff, and a rate limit like other exports.
 */
import { Readable } from 'node:stream';
import { defineRoute } from '../route.js';
import { exportQuerySchema } from '../../domain/exports/query.js';
import { exportRecords } from '../../services/exports/export-records.js';

export function exportRoutes() {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/exports', tag: 'exports',
      summary: 'Records export: the incidents matching a search as CSV, XLSX, GeoJSON, HURIDOCS-style events or Uwazi import CSV (need-to-know, consent and identifying values as ADR 0022 says; audited)',
      policy: { access: 'user', permission: 'incident.read' }, body: exportQuerySchema, rateLimit: 10,
      handler: async ({ svc, body, reply, auth }) => {
        const file = await exportRecords(svc, body, { reauthAt: auth?.reauthAt ?? null });
        reply.header('content-type', file.type).header('content-disposition', `attachment; filename="${file.name}"`).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
        return reply.code(200).send(Array.isArray(file.body) ? Readable.from(file.body) : file.body);
      },
    }),
  ];
}
