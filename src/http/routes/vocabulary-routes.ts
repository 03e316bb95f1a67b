/** Vocabularies and places: read by everyone signed in, terms managed by admins. */
import { z } from 'zod';
import { defineRoute } from '../route.js';
import { listVocabularies, addTerm, addTermSchema, updateTerm, updateTermSchema } from '../../services/vocabulary/manage-vocabulary.js';
import { places, worldCountries } from '../../domain/places/places.js';
import { vocabCode } from '../../domain/text.js';

const schemeParams = z.object({ scheme: z.string().regex(/^[a-z_]{1,40}$/, { message: 'must be a vocabulary id' }) }).strict();
const termParams = schemeParams.extend({ code: vocabCode }).strict();

export function vocabularyRoutes() {
  return [
    defineRoute({ method: 'GET', url: '/api/v1/vocabularies', tag: 'vocabularies', summary: 'All vocabularies with their terms (retired ones flagged)', policy: { access: 'user' }, handler: async ({ svc }) => listVocabularies(svc) }),
    defineRoute({
      method: 'POST', url: '/api/v1/vocabularies/:scheme/terms', tag: 'vocabularies', summary: 'Add a term', policy: { access: 'user', permission: 'vocabulary.admin' }, params: schemeParams, body: addTermSchema, status: 201,
      handler: async ({ svc, rt, params, body }) => addTerm(svc, async () => { await rt.reloadVocabulary(); return rt.vocab; }, params.scheme, body),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/v1/vocabularies/:scheme/terms/:code', tag: 'vocabularies', summary: 'Rename, retire or restore a term', policy: { access: 'user', permission: 'vocabulary.admin' }, params: termParams, body: updateTermSchema,
      handler: async ({ svc, rt, params, body }) => updateTerm(svc, async () => { await rt.reloadVocabulary(); return rt.vocab; }, params.scheme, params.code, body),
    }),
    defineRoute({ method: 'GET', url: '/api/v1/places', tag: 'vocabularies', summary: 'Countries, states, towns and crossings (public places only)', policy: { access: 'user' }, handler: async () => ({ ...places, world: worldCountries }) }),
  ];
}
