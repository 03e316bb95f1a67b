/**
 * The offline gazetteer (docs/gazetteer.md, ADR 0021): place names to candidates, and points to
 * their country and state. POST, so typed place names and coordinates never land in URLs or logs.
 * The gazetteer loads on the first request (a fraction of a second) and stays in memory.
 */
import { z } from 'zod';
import { defineRoute } from '../route.js';
import { countryCode, line } from '../../domain/text.js';
import { stateByCode } from '../../domain/places/places.js';
import { isAmbiguous, MAX_LIMIT } from '../../domain/places/gazetteer-index.js';
import { loadGazetteer } from '../../services/places/load-gazetteer.js';

const stateCode = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: 'must be an ISO 3166-2 code like MX-CHH' })
  .refine((s) => stateByCode(s) !== undefined, { message: 'unknown state' });

export const placeLookupSchema = z.object({
  q: line(120, 1),
  country: countryCode.optional(),
  state: stateCode.optional(),
  limit: z.number().int({ message: 'must be a whole number' }).min(1).max(MAX_LIMIT).optional(),
}).strict();

export const placeLocateSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
}).strict();

export function placeRoutes() {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/places/lookup', tag: 'places',
      summary: 'Place names to countries, states, municipalities and localities (offline GeoNames data), best first; ambiguous when they name more than one place',
      policy: { access: 'user', permission: 'incident.read' }, body: placeLookupSchema, rateLimit: 120,
      handler: async ({ body }) => {
        const candidates = (await loadGazetteer()).lookup(body.q, { country: body.country, state: body.state, limit: body.limit });
        return { candidates, ambiguous: isAmbiguous(candidates) };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/places/locate', tag: 'places',
      summary: 'The country and state of a point, and its distance to the nearest other country when near a border',
      policy: { access: 'user', permission: 'incident.read' }, body: placeLocateSchema, rateLimit: 120,
      handler: async ({ body }) => (await loadGazetteer()).locate(body.lat, body.lon),
    }),
  ];
}
