/** The OpenAPI 3.1 document, generated from the route table and its zod schemas. */
import { z } from 'zod';
import type { AnyRoute } from './route.js';

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}

export function openApiDocument(routes: AnyRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([a-z]+)/gi, '{$1}');
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/\/api\/v1/, '').replace(/[/_-]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
      'x-policy': r.policy,
      responses: {
        [String(r.status ?? 200)]: { description: 'OK' },
        '400': { description: 'invalid input; `problems` names each field', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ...(r.policy.access === 'user' ? { '401': { description: 'not signed in' }, '403': { description: 'not allowed, or CSRF token missing' } } : {}),
        ...(r.policy.access !== 'always' ? { '503': { description: 'sealed' } } : {}),
      },
    };
    if (r.params) {
      const s = jsonSchema(r.params) as { properties?: Record<string, unknown> };
      op['parameters'] = Object.entries(s.properties ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema }));
    }
    if (r.query) {
      const s = jsonSchema(r.query) as { properties?: Record<string, unknown>; required?: string[] };
      op['parameters'] = [...((op['parameters'] as unknown[]) ?? []), ...Object.entries(s.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: s.required?.includes(name) ?? false, schema }))];
    }
    if (r.body) op['requestBody'] = { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } };
    if (r.multipart) {
      const properties = {
        ...Object.fromEntries(Object.entries(r.multipart.fields).map(([name, description]) => [name, { type: 'string', description }])),
        ...Object.fromEntries(Object.entries(r.multipart.files).map(([name, description]) => [name, { type: 'string', format: 'binary', description }])),
      };
      op['requestBody'] = { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties }, encoding: Object.fromEntries(Object.keys(r.multipart.files).map((f) => [f, { contentType: 'application/octet-stream' }])) } } };
    }
    if (r.policy.access === 'user' && r.method !== 'GET') op['parameters'] = [...((op['parameters'] as unknown[]) ?? []), { name: 'x-csrf-token', in: 'header', required: true, schema: { type: 'string' } }];
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Bitácora API', version, description: 'Incident log for defenders of migrants\' rights. Every state-changing call needs the x-csrf-token header from /api/v1/session.' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-bitacora' } },
      schemas: { Error: { type: 'object', properties: { error: { type: 'string' }, message: { type: 'string' }, problems: { type: 'array', items: { type: 'object', properties: { path: { type: 'string', description: 'the field, e.g. acts[0].kind' }, message: { type: 'string', description: 'in English' }, code: { type: 'string', description: 'machine-readable reason, e.g. unknown_code, date_not_real, too_long' }, params: { type: 'object', additionalProperties: { type: ['string', 'number'] } } }, required: ['path', 'message'] } } }, required: ['error', 'message'] } },
    },
    paths,
  };
}
