/** Sign in and out, the current session, one's own password. */
import { defineRoute, SESSION_COOKIE } from '../route.js';
import { login, loginSchema } from '../../services/auth/login.js';
import { logout } from '../../services/auth/logout.js';
import { changePassword } from '../../services/auth/change-password.js';
import { changePasswordSchema, updateMeSchema } from '../../services/users/user-schemas.js';
import { ROLE_PERMISSIONS } from '../../domain/user/roles.js';
import { SESSION_ABSOLUTE_MS } from '../../services/auth/sessions.js';

export const cookieOptions = { path: '/', httpOnly: true, secure: true, sameSite: 'strict' as const };

export function authRoutes(now: () => string) {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/auth/login', tag: 'auth', summary: 'Sign in; sets the session cookie and returns the CSRF token',
      policy: { access: 'public' }, body: loginSchema, rateLimit: 10, compress: false,
      // per address and account: guessing one account is slowed; colleagues behind one office address are not locked out together
      rateLimitKey: (req) => `${req.ip}|${typeof (req.body as { email?: unknown } | undefined)?.email === 'string' ? (req.body as { email: string }).email.trim().toLowerCase().slice(0, 254) : ''}`,
      handler: async ({ rt, body, request, reply }) => {
        const r = await login(rt.store, body, request.headers['user-agent'], now());
        reply.setCookie(SESSION_COOKIE, r.token, { ...cookieOptions, maxAge: SESSION_ABSOLUTE_MS / 1000 });
        return { csrf: r.csrf };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/auth/logout', tag: 'auth', summary: 'Sign out (ends this session)',
      policy: { access: 'user', allowWithTemporaryPassword: true },
      handler: async ({ svc, auth, reply }) => {
        await logout(svc.store, auth!.sessionId, auth!.user.id, now());
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return undefined;
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/session', tag: 'auth', summary: 'Who is signed in, their permissions and the CSRF token',
      policy: { access: 'user', allowWithTemporaryPassword: true }, compress: false,
      handler: async ({ auth }) => ({
        user: { id: auth!.user.id, email: auth!.user.email, displayName: auth!.user.displayName, role: auth!.user.role, orgId: auth!.user.orgId, lang: auth!.user.lang, mustChangePassword: auth!.user.mustChangePassword },
        permissions: [...ROLE_PERMISSIONS[auth!.user.role]],
        csrf: auth!.csrf,
      }),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/v1/me', tag: 'auth', summary: 'Change one\'s own display name or language',
      policy: { access: 'user', allowWithTemporaryPassword: true }, body: updateMeSchema,
      handler: async ({ svc, body }) => {
        await svc.store.users.update(svc.user.id, { ...(body.displayName !== undefined ? { display_name: body.displayName } : {}), ...(body.lang !== undefined ? { lang: body.lang } : {}), updated_at: now() });
        return undefined;
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/me/password', tag: 'auth', summary: 'Change one\'s own password',
      policy: { access: 'user', allowWithTemporaryPassword: true }, body: changePasswordSchema, rateLimit: 10,
      handler: async ({ svc, auth, body }) => {
        await changePassword(svc.store, auth!.user.id, auth!.sessionId, body.current, body.password, now());
        return undefined;
      },
    }),
  ];
}
