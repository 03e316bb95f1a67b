/**
 * The open-data export (POST, so search words never land in URLs or logs) and its settings. The
 * file comes back with a fixed name (nothing from the search or the data in it), no-store, and a
 * rate limit like other exports.
 */
import { defineRoute } from '../route.js';
import { openDataQuerySchema } from '../../domain/publication/query.js';
import { openDataSettingsSchema } from '../../domain/publication/settings.js';
import { exportOpenData } from '../../services/publication/export-open-data.js';
import { openDataSettings, setOpenDataSettings } from '../../services/publication/open-data-settings.js';

export function publicationRoutes() {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/publication/open-data', tag: 'publication',
      summary: 'Open data for publication: incidents.csv, victims.csv or places.geojson of the publishable incidents matching a search (no identifying field, coarse places and dates, small counts suppressed)',
      policy: { access: 'user', permission: 'incident.read' }, body: openDataQuerySchema, rateLimit: 10,
      handler: async ({ svc, body, reply }) => {
        const file = await exportOpenData(svc, body);
        reply.header('content-type', file.type).header('content-disposition', `attachment; filename="${file.name}"`).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
        return reply.code(200).send(file.text);
      },
    }),
    defineRoute({ method: 'GET', url: '/api/v1/settings/open-data', tag: 'settings', summary: 'The open-data export settings: k, place and date coarsening, confidentiality levels published', policy: { access: 'user', permission: 'incident.read' }, handler: async ({ svc }) => openDataSettings(svc) }),
    defineRoute({ method: 'PUT', url: '/api/v1/settings/open-data', tag: 'settings', summary: 'Change the open-data export settings', policy: { access: 'user', permission: 'users.admin' }, body: openDataSettingsSchema, rateLimit: 10, handler: async ({ svc, body }) => setOpenDataSettings(svc, body) }),
  ];
}
