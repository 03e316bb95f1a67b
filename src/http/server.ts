/**
 * The HTTP server: Fastify with a strict JSON body parser (UTF-8 checked, prototype-poisoning
 * safe, size-limited), security headers with a CSP that allows nothing from elsewhere and no inline
 * script, no-store on everything but hashed assets, rate limits, the API routes and the built web
 * app. Logs carry route patterns and status codes, never URLs with values, bodies or search words.
 */
import Fastify, { type FastifyInstance, type FastifyError, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import compress from '@fastify/compress';
import multipart from '@fastify/multipart';
import sjson from 'secure-json-parse';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Vault } from '../services/vault.js';
import { ServiceError } from '../services/errors.js';
import { registerRoutes, type AnyRoute } from './route.js';
import { systemRoutes } from './routes/system-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { userRoutes } from './routes/user-routes.js';
import { vocabularyRoutes } from './routes/vocabulary-routes.js';
import { shareRoutes } from './routes/share-routes.js';
import { settingsRoutes } from './routes/settings-routes.js';
import { statsRoutes } from './routes/stats-routes.js';
import { publicationRoutes } from './routes/publication-routes.js';
import { exportRoutes } from './routes/export-routes.js';
import { riskRoutes } from './routes/risk-routes.js';
import { incidentRoutes } from './routes/incident-routes.js';
import { actorRoutes } from './routes/actor-routes.js';
import { draftRoutes } from './routes/draft-routes.js';
import { auditRoutes } from './routes/audit-routes.js';
import { timelineRoutes } from './routes/timeline-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { urgentRoutes } from './routes/urgent-routes.js';
import { alertRoutes } from './routes/alert-routes.js';
import { measureRoutes } from './routes/measure-routes.js';
import { checkinRoutes } from './routes/checkin-routes.js';
import { appealRoutes } from './routes/appeal-routes.js';
import { evidenceRoutes } from './routes/evidence-routes.js';
import { evidenceUploadRoutes } from './routes/evidence-upload-routes.js';
import { importRoutes } from './routes/import-routes.js';
import { placeRoutes } from './routes/place-routes.js';
import { duplicateRoutes } from './routes/duplicate-routes.js';
import { evidenceBundleRoutes } from './routes/evidence-bundle-routes.js';
import { accompanimentPeopleRoutes } from './routes/accompaniment-people-routes.js';
import { runRoutes } from './routes/run-routes.js';
import { accompanimentFigureRoutes } from './routes/accompaniment-figure-routes.js';
import { openApiDocument } from './openapi.js';
import { defineRoute } from './route.js';
import { sharedRateLimitStore } from './shared-rate-limit-store.js';
import { concurrentWriteConflict, databaseUnavailable } from '../store/database-errors.js';

export type LogFields = Record<string, string | number | boolean | null>;
export type LogFn = (msg: string, fields?: LogFields) => void;

export const BODY_LIMIT = 1024 * 1024;
/** Largest evidence file accepted by default (BITACORA_MAX_UPLOAD_MB, ADR 0019). */
export const DEFAULT_MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export interface ServerOptions {
  vault: Vault;
  /** folder with the built web app (index.html + assets), if any */
  webRoot?: string;
  allowWebSetup: boolean;
  version: string;
  /** one event per call: a short message and fields (never values from requests); see cli/log-format.ts */
  log?: LogFn;
  now?: () => string;
  /** largest evidence file accepted, in bytes (default DEFAULT_MAX_UPLOAD_BYTES) */
  maxUploadBytes?: number;
}

export function apiRoutes(opts: Pick<ServerOptions, 'allowWebSetup' | 'version' | 'maxUploadBytes'>, now: () => string): AnyRoute[] {
  const routes: AnyRoute[] = [
    ...systemRoutes({ allowWebSetup: opts.allowWebSetup, version: opts.version }),
    ...authRoutes(now),
    ...userRoutes(),
    ...vocabularyRoutes(),
    ...incidentRoutes(),
    ...statsRoutes(),
    ...publicationRoutes(),
    ...exportRoutes(),
    ...riskRoutes(),
    ...shareRoutes(),
    ...settingsRoutes(),
    ...actorRoutes(),
    ...draftRoutes(),
    ...auditRoutes(),
    ...timelineRoutes(),
    ...reportRoutes(),
    ...urgentRoutes(),
    ...appealRoutes(),
    ...alertRoutes(),
    ...measureRoutes(),
    ...checkinRoutes(),
    ...evidenceRoutes(),
    ...evidenceUploadRoutes({ maxUploadBytes: opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES }),
    ...evidenceBundleRoutes(),
    ...importRoutes(),
    ...placeRoutes(),
    ...duplicateRoutes(),
    ...accompanimentPeopleRoutes(),
    ...runRoutes(),
    ...accompanimentFigureRoutes(),
  ];
  routes.push(
    defineRoute({ method: 'GET', url: '/api/v1/openapi.json', tag: 'system', summary: 'This API described as OpenAPI 3.1', policy: { access: 'public' }, handler: async () => openApiDocument(routes, opts.version) }),
  );
  return routes;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Powerful features the app never uses, denied to it and to anything that might get into it. */
export const PERMISSIONS_POLICY = [
  'accelerometer', 'autoplay', 'bluetooth', 'browsing-topics', 'camera', 'display-capture', 'encrypted-media', 'geolocation', 'gyroscope', 'hid',
  'idle-detection', 'magnetometer', 'microphone', 'midi', 'payment', 'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking',
].map((f) => `${f}=()`).join(', ');

/** Whether the matched route takes multipart/form-data (route.ts sets it in the route's config). */
function isMultipartRoute(request: FastifyRequest): boolean {
  return (request.routeOptions.config as { multipart?: boolean } | undefined)?.multipart === true;
}

/** Built files under /assets/ carry a content hash in their name (Vite), so they may be cached for good. */
function isHashedAsset(url: string): boolean {
  return url.startsWith('/assets/') && !url.includes('..');
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const now = opts.now ?? (() => new Date().toISOString());
  const log = opts.log ?? (() => undefined);
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, trustProxy: false, return503OnClosing: true, genReqId: () => randomUUID() });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body: Buffer, done) => {
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      done(new ServiceError(400, 'invalid_utf8', 'body: is not valid UTF-8', [{ path: 'body', message: 'is not valid UTF-8', code: 'invalid_utf8' }]), undefined);
      return;
    }
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (e) {
      const why = `is not valid JSON (${(e as Error).message.replace(/[^\x20-\x7e]/g, '?').slice(0, 120)})`;
      done(new ServiceError(400, 'invalid_json', `body: ${why}`, [{ path: 'body', message: why, code: 'invalid_json' }]), undefined);
    }
  });

  await app.register(cookie);
  // Security headers on every answer (API, pages, assets, errors). The app is built without inline
  // script or style (vite.config.ts; the e2e suite checks the built page), and Preact sets no style
  // attributes, so neither scripts nor styles need 'unsafe-inline' or nonces; inline event handlers
  // and style attributes are refused outright (*-src-attr 'none').
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        workerSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // browsers ignore HSTS over plain http (loopback); behind a TLS proxy it pins https for two years.
    // Not includeSubDomains: the app cannot know what else lives under its domain (the proxy may add it).
    strictTransportSecurity: { maxAge: 63_072_000, includeSubDomains: false, preload: false },
    xFrameOptions: { action: 'deny' },
    xContentTypeOptions: true,
  });
  // Slow links: JSON answers over 1 KB go compressed (vocabularies 90 KB → 17 KB). Answers that carry
  // the CSRF token opt out (compression side channels); built assets are served pre-compressed.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  // Server mode: every process counts against the same limits (counters in the database).
  const sharedCounters = opts.vault.backend.kind === 'postgres' ? { store: sharedRateLimitStore(() => opts.vault.backend.shared()) } : {};
  await app.register(rateLimit, { global: false, ...sharedCounters, errorResponseBuilder: (_req, ctx) => new ServiceError(429, 'rate_limited', `too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} s`) });

  // Nothing that can carry case data is kept by a browser or a proxy: every answer is no-store except
  // the built, content-hashed files under /assets/ (code and styles, never data).
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('Cache-Control', isHashedAsset(request.url) && (reply.statusCode === 200 || reply.statusCode === 304) ? 'public, max-age=31536000, immutable' : 'no-store');
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    log('request', { method: request.method, route: request.routeOptions.url ?? '(unmatched)', status: reply.statusCode, ms: Math.round(reply.elapsedTime), req: request.id });
  });

  app.setErrorHandler((err: FastifyError | ServiceError, request, reply) => {
    if (err instanceof ServiceError) {
      if (err.status === 429) reply.header('Retry-After', '60');
      return reply.code(err.status).send({ error: err.code, message: err.message, ...(err.problems ? { problems: err.problems } : {}) });
    }
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = (err as FastifyError).code;
      const message =
        code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `body: is larger than the limit of ${BODY_LIMIT / 1024} KB`
        : code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? (isMultipartRoute(request) ? 'body: send multipart/form-data' : 'body: send JSON with Content-Type: application/json')
        : code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'body: is empty'
        : code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' ? 'body: length does not match Content-Length'
        : err.message.replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
      return reply.code(status).send({ error: 'bad_request', message });
    }
    if (opts.vault.state() !== 'unsealed' && request.url.startsWith('/api/')) {
      return reply.code(503).send({ error: 'sealed', message: 'Bitácora is sealed; a custodian must unseal it' });
    }
    const ref = request.id;
    if (databaseUnavailable(err)) {
      log('database unavailable', { req: ref, method: request.method, route: request.routeOptions.url ?? '(unmatched)', code: String((err as { code?: unknown }).code ?? '') });
      reply.header('Retry-After', '5');
      return reply.code(503).send({ error: 'unavailable', message: `the database is not answering; try again in a moment (reference ${ref})` });
    }
    if (concurrentWriteConflict(err)) {
      log('write conflict', { req: ref, method: request.method, route: request.routeOptions.url ?? '(unmatched)', code: String((err as { code?: unknown }).code ?? '') });
      return reply.code(409).send({ error: 'conflict', message: 'someone else changed the same thing at the same moment; reload and try again' });
    }
    log('error', { req: ref, method: request.method, route: request.routeOptions.url ?? '(unmatched)', error: (err as Error).name, stack: (err as Error).stack ?? '' });
    return reply.code(500).send({ error: 'internal', message: `something went wrong on the server (reference ${ref})` });
  });

  const routes = apiRoutes(opts, now);
  registerRoutes(app, opts.vault, routes.filter((r) => !r.multipart), now);
  // Evidence uploads (multipart/form-data), in a context of their own: no other route accepts a
  // multipart body (a form on another site cannot post one to them). Streamed part by part in the
  // upload routes, never buffered or written to temporary files. One file a request (eleven for an
  // online capture), short text fields; the file limit is one byte over the upload limit so the store
  // refuses it by name (413 file_too_large). preservePath: the name is checked as sent (a name like
  // ../../x.jpg is refused, not cut down to x.jpg).
  const maxUploadBytes = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  await app.register(async (uploads) => {
    await uploads.register(multipart, {
      preservePath: true,
      throwFileSizeLimit: false,
      limits: { fileSize: maxUploadBytes + 1, files: 11, fields: 10, fieldSize: 64 * 1024, parts: 30, fieldNameSize: 100, headerPairs: 100 },
    });
    registerRoutes(uploads, opts.vault, routes.filter((r) => r.multipart), now);
  });

  if (opts.webRoot && existsSync(opts.webRoot)) {
    await app.register(fastifyStatic, { root: opts.webRoot, prefix: '/', wildcard: false, index: ['index.html'], cacheControl: false, etag: true, lastModified: false, preCompressed: true });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send({ error: 'not_found', message: 'no such API route' });
    if (request.method === 'GET' && opts.webRoot && existsSync(opts.webRoot) && !request.url.startsWith('/assets/')) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ error: 'not_found', message: 'not found' });
  });
  return app;
}
