/**
 * One pipeline for every API route: sealed check → authenticate → CSRF → validate → authorise →
 * use case → presenter. A route cannot be declared without a policy; the OpenAPI document is
 * generated from the same table (openapi.ts), and a test fails on any registered route that is
 * not in it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import type { Permission } from '../domain/user/roles.js';
import { can } from '../domain/user/roles.js';
import type { Vault, Runtime } from '../services/vault.js';
import type { ServiceContext } from '../services/context.js';
import { authenticate, type Authenticated } from '../services/auth/authenticate.js';
import { isRecentAuth } from '../services/auth/sessions.js';
import { ServiceError, forbidden, sealed, unauthorised } from '../services/errors.js';
import { constantTimeEqual } from '../crypto/random.js';
import { zodFieldProblems } from '../domain/problems.js';

export const SESSION_COOKIE = '__Host-bitacora';
export const CSRF_HEADER = 'x-csrf-token';

export type Policy =
  /** answers even while sealed (status, setup, unseal) */
  | { access: 'always' }
  /** no sign-in needed, but the workspace must be unsealed */
  | { access: 'public' }
  /**
   * signed in; with a permission when given. A session whose role requires a second factor the
   * user has not set up reaches only routes with `allowWithoutSecondFactor` (which defaults to
   * `allowWithTemporaryPassword`: session, sign-out, seal, password). A sign-in still waiting for
   * its second factor reaches only routes with `allowDuringSecondFactor`. `recentAuth`: the
   * session must have signed in or re-authenticated within 5 minutes (else 403 reauth_required).
   */
  | { access: 'user'; permission?: Permission; allowWithTemporaryPassword?: boolean; allowWithoutSecondFactor?: boolean; allowDuringSecondFactor?: boolean; recentAuth?: boolean };

export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  request: FastifyRequest;
  reply: FastifyReply;
  vault: Vault;
  /** present unless the policy is 'always' */
  rt: Runtime;
  auth: Authenticated | null;
  /** service context for signed-in routes */
  svc: ServiceContext;
}

export interface RouteDef<B = unknown, Q = unknown, P = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  policy: Policy;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  /** per-route rate limit (requests per minute per client address) */
  rateLimit?: number;
  /** what the rate limit counts per (default: client address); runs after the body is parsed */
  rateLimitKey?: (request: FastifyRequest) => string;
  /** false for answers that carry secrets next to client-chosen text (no compression side channel) */
  compress?: false;
  /** status code of a successful answer (default 200) */
  status?: number;
  /**
   * The route takes multipart/form-data (uploads) instead of a JSON body: no `body` schema; the
   * handler reads the parts itself (request.parts()) after the same pipeline, and answers 415 to a
   * body of another type. Names each text field and file field with what it holds, for the OpenAPI document.
   */
  multipart?: { fields: Record<string, string>; files: Record<string, string> };
  handler: (ctx: RouteContext<B, Q, P>) => Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any>;

export function defineRoute<B = undefined, Q = undefined, P = undefined>(r: RouteDef<B, Q, P>): AnyRoute {
  return r as AnyRoute;
}

function parsePart<T>(schema: ZodType<T> | undefined, value: unknown, where: 'body' | 'query' | 'params'): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!r.success) {
    const problems = zodFieldProblems(r.error, where === 'body' ? '' : `${where}.`);
    throw new ServiceError(400, 'invalid', problems.map((p) => `${p.path || where}: ${p.message}`).join('; '), problems);
  }
  return r.data;
}

export function registerRoutes(app: FastifyInstance, vault: Vault, routes: AnyRoute[], now: () => string): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      config: {
        ...(route.rateLimit ? { rateLimit: { max: route.rateLimit, timeWindow: 60_000, hook: 'preHandler' as const, ...(route.rateLimitKey ? { keyGenerator: route.rateLimitKey } : {}) } } : {}),
        ...(route.multipart ? { multipart: true } : {}),
      },
      ...(route.compress === false ? { compress: false as const } : {}),
      handler: async (request, reply) => {
        // beside the CSRF token: a browser that says another site started a change is refused (sign-in and unseal too)
        const site = request.headers['sec-fetch-site'];
        if (route.method !== 'GET' && (site === 'cross-site' || site === 'same-site')) throw new ServiceError(403, 'csrf', 'requests from other sites are refused');
        let rt: Runtime | undefined;
        if (route.policy.access !== 'always') {
          if (vault.state() !== 'unsealed') throw sealed();
          rt = vault.runtime();
        }
        let auth: Authenticated | null = null;
        if (route.policy.access === 'user') {
          const token = request.cookies[SESSION_COOKIE];
          auth = token ? await authenticate(rt!.store, token, now(), { allowPending: route.policy.allowDuringSecondFactor === true }) : null;
          if (!auth) throw unauthorised();
          if (route.method !== 'GET') {
            const header = request.headers[CSRF_HEADER];
            if (typeof header !== 'string' || !constantTimeEqual(header, auth.csrf)) throw new ServiceError(403, 'csrf', 'missing or wrong CSRF token; reload the page');
          }
          if (auth.user.mustChangePassword && !route.policy.allowWithTemporaryPassword) throw new ServiceError(403, 'password_change_required', 'change your temporary password first');
          const sf = auth.user.secondFactor;
          if (sf.required && !sf.enrolled && !(route.policy.allowWithoutSecondFactor ?? route.policy.allowWithTemporaryPassword)) throw new ServiceError(403, 'second_factor_required', 'your role requires a second factor: set it up first');
          if (route.policy.permission && !can(auth.user.role, route.policy.permission)) throw forbidden();
          if (route.policy.recentAuth && !isRecentAuth(auth.reauthAt, now())) throw new ServiceError(403, 'reauth_required', 'confirm your password (and code) first');
        }
        const params = parsePart(route.params, request.params, 'params');
        const query = parsePart(route.query, request.query, 'query');
        const body = parsePart(route.body, request.body, 'body');
        const svc: ServiceContext = auth
          ? { store: rt!.store, vocab: rt!.vocab, user: { id: auth.user.id, role: auth.user.role, orgId: auth.user.orgId, displayName: auth.user.displayName }, now }
          : (undefined as unknown as ServiceContext);
        const result = await route.handler({ body, query, params, request, reply, vault, rt: rt as Runtime, auth, svc });
        if (reply.sent) return reply;
        reply.code(route.status ?? (result === undefined ? 204 : 200));
        return result === undefined ? reply.send() : result;
      },
    });
  }
}

export const idParams = z.object({ id: z.string().uuid({ message: 'must be an id' }) }).strict();
