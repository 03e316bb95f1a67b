/**
 * Sign in (password, then the second factor when enrolled) and out, the current session,
 * re-authentication, one's own password, second factor and sessions; an admin's view of anyone's
 * sessions and second factor, and which roles must have one.
 */
import { z } from 'zod';
import { defineRoute, idParams, SESSION_COOKIE } from '../route.js';
import { login, loginSchema } from '../../services/auth/login.js';
import { logout } from '../../services/auth/logout.js';
import { changePassword } from '../../services/auth/change-password.js';
import { completeSecondFactor, secondFactorSchema, codeSchema } from '../../services/auth/second-factor.js';
import { reauthenticate, reauthSchema } from '../../services/auth/reauth.js';
import { secondFactorStatus, startEnrolment, confirmEnrolment, disableSecondFactor, regenerateRecoveryCodes, resetSecondFactor } from '../../services/auth/enrolment.js';
import { listOwnSessions, endOwnSession, endOtherSessions, listUserSessions, endUserSessions } from '../../services/auth/manage-sessions.js';
import { listRolePolicies, setRolePolicy, rolePolicySchema, roleParams } from '../../services/auth/role-policies.js';
import { changePasswordSchema, updateMeSchema } from '../../services/users/user-schemas.js';
import { ROLE_PERMISSIONS } from '../../domain/user/roles.js';
import { conflict } from '../../services/errors.js';
import { SESSION_ABSOLUTE_MS, SECOND_FACTOR_WINDOW_MS } from '../../services/auth/sessions.js';

export const cookieOptions = { path: '/', httpOnly: true, secure: true, sameSite: 'strict' as const };

const handleParams = z.object({ handle: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, { message: 'must be a session handle' }) }).strict();
const confirmSchema = z.object({ code: codeSchema }).strict();

export function authRoutes(now: () => string) {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/auth/login', tag: 'auth', summary: 'Sign in; sets the session cookie and returns the CSRF token (stage "second_factor": send the code next)',
      policy: { access: 'public' }, body: loginSchema, rateLimit: 10, compress: false,
      // per address and account: guessing one account is slowed; colleagues behind one office address are not locked out together
      rateLimitKey: (req) => `${req.ip}|${typeof (req.body as { email?: unknown } | undefined)?.email === 'string' ? (req.body as { email: string }).email.trim().toLowerCase().slice(0, 254) : ''}`,
      handler: async ({ rt, body, request, reply }) => {
        // the token the browser already had (planted or old) is ended, never carried over
        const r = await login(rt.store, body, request.headers['user-agent'], now(), { presentedToken: request.cookies[SESSION_COOKIE] });
        reply.setCookie(SESSION_COOKIE, r.token, { ...cookieOptions, maxAge: (r.stage === 'complete' ? SESSION_ABSOLUTE_MS : SECOND_FACTOR_WINDOW_MS) / 1000 });
        return { csrf: r.csrf, stage: r.stage };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/session/second-factor', tag: 'auth', summary: 'Second step of signing in: a code from the authenticator app, or a recovery code (used once); sets a new session cookie',
      policy: { access: 'user', allowDuringSecondFactor: true, allowWithTemporaryPassword: true }, body: secondFactorSchema, rateLimit: 5, compress: false,
      handler: async ({ rt, auth, body, reply }) => {
        if (auth!.stage !== 'second_factor') throw conflict('already signed in');
        const r = await completeSecondFactor(rt.store, () => rt.deriveKey('totp'), auth!.sessionId, body, now());
        reply.setCookie(SESSION_COOKIE, r.token, { ...cookieOptions, maxAge: SESSION_ABSOLUTE_MS / 1000 });
        return { csrf: r.csrf, recoveryCodesLeft: r.recoveryCodesLeft };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/auth/logout', tag: 'auth', summary: 'Sign out (ends this session)',
      policy: { access: 'user', allowWithTemporaryPassword: true, allowDuringSecondFactor: true },
      handler: async ({ svc, auth, reply }) => {
        await logout(svc.store, auth!.sessionId, auth!.user.id, now());
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return undefined;
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/session', tag: 'auth', summary: 'Who is signed in, their permissions, their second factor and the CSRF token',
      policy: { access: 'user', allowWithTemporaryPassword: true }, compress: false,
      handler: async ({ auth, rt }) => ({
        user: {
          id: auth!.user.id, email: auth!.user.email, displayName: auth!.user.displayName, role: auth!.user.role, orgId: auth!.user.orgId, lang: auth!.user.lang, mustChangePassword: auth!.user.mustChangePassword,
          secondFactor: auth!.user.secondFactor,
        },
        permissions: [...ROLE_PERMISSIONS[auth!.user.role]],
        // the free-text fields this workspace treats as identifying (the forms mark and mask them)
        identifyingFields: [...rt.store.policy.marked].sort(),
        csrf: auth!.csrf,
      }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/session/reauth', tag: 'auth', summary: 'Confirm the password (and code) again; sensitive actions then work for 5 minutes',
      policy: { access: 'user', allowWithoutSecondFactor: true }, body: reauthSchema, rateLimit: 10,
      handler: async ({ rt, auth, body }) => reauthenticate(rt.store, () => rt.deriveKey('totp'), { sessionId: auth!.sessionId, userId: auth!.user.id }, body, now()),
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
      method: 'POST', url: '/api/v1/me/password', tag: 'auth', summary: 'Change one\'s own password (every other session of the account ends)',
      policy: { access: 'user', allowWithTemporaryPassword: true }, body: changePasswordSchema, rateLimit: 10,
      handler: async ({ svc, auth, body }) => {
        await changePassword(svc.store, auth!.user.id, auth!.sessionId, body.current, body.password, now());
        return undefined;
      },
    }),

    // ——— one's own second factor ———
    defineRoute({
      method: 'GET', url: '/api/v1/me/second-factor', tag: 'auth', summary: 'Whether one has a second factor, whether one\'s role requires it, recovery codes left',
      policy: { access: 'user', allowWithoutSecondFactor: true },
      handler: async ({ svc }) => secondFactorStatus(svc.store, svc.user.id),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/me/second-factor/enrol', tag: 'auth', summary: 'Start setting up an authenticator app: returns the otpauth:// URI (for the QR code) and the secret as text',
      policy: { access: 'user', allowWithoutSecondFactor: true, recentAuth: true }, compress: false,
      handler: async ({ rt, svc }) => startEnrolment(svc.store, () => rt.deriveKey('totp'), svc.user.id, now()),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/me/second-factor/confirm', tag: 'auth', summary: 'Confirm the authenticator app with a first code; returns ten recovery codes, shown this once',
      policy: { access: 'user', allowWithoutSecondFactor: true, recentAuth: true }, body: confirmSchema, rateLimit: 10, compress: false,
      handler: async ({ rt, svc, auth, body }) => confirmEnrolment(svc.store, () => rt.deriveKey('totp'), svc.user.id, auth!.sessionId, body.code, now()),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/v1/me/second-factor', tag: 'auth', summary: 'Turn one\'s second factor off (its recovery codes stop working)',
      policy: { access: 'user', allowWithoutSecondFactor: true, recentAuth: true },
      handler: async ({ svc }) => disableSecondFactor(svc.store, svc.user.id, now()),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/me/second-factor/recovery-codes', tag: 'auth', summary: 'Ten new recovery codes, shown this once; the old ones stop working',
      policy: { access: 'user', recentAuth: true }, compress: false,
      handler: async ({ rt, svc }) => regenerateRecoveryCodes(svc.store, () => rt.deriveKey('totp'), svc.user.id, now()),
    }),

    // ——— one's own sessions ———
    defineRoute({
      method: 'GET', url: '/api/v1/me/sessions', tag: 'auth', summary: 'One\'s open sessions: when they began, were last used, the browser, which one is this',
      policy: { access: 'user', allowWithTemporaryPassword: true },
      handler: async ({ svc, auth }) => ({ sessions: await listOwnSessions(svc.store, svc.user.id, auth!.sessionId, now()) }),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/v1/me/sessions/:handle', tag: 'auth', summary: 'End one of one\'s sessions (this one too: that signs out)',
      policy: { access: 'user', allowWithTemporaryPassword: true }, params: handleParams,
      handler: async ({ svc, auth, params, reply }) => {
        const r = await endOwnSession(svc.store, svc.user.id, auth!.sessionId, params.handle, now());
        if (r.current) reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return undefined;
      },
    }),
    defineRoute({
      method: 'DELETE', url: '/api/v1/me/sessions', tag: 'auth', summary: 'End every other session of one\'s own',
      policy: { access: 'user', allowWithTemporaryPassword: true },
      handler: async ({ svc, auth }) => endOtherSessions(svc.store, svc.user.id, auth!.sessionId, now()),
    }),

    // ——— admins ———
    defineRoute({
      method: 'GET', url: '/api/v1/users/:id/sessions', tag: 'users', summary: 'An account\'s open sessions',
      policy: { access: 'user', permission: 'users.admin' }, params: idParams,
      handler: async ({ svc, auth, params }) => ({ sessions: await listUserSessions(svc, params.id, auth!.sessionId) }),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/v1/users/:id/sessions', tag: 'users', summary: 'End every session of an account',
      policy: { access: 'user', permission: 'users.admin' }, params: idParams,
      handler: async ({ svc, params }) => endUserSessions(svc, params.id),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/v1/users/:id/second-factor', tag: 'users', summary: 'Remove an account\'s second factor (lost phone and codes); ends its sessions',
      policy: { access: 'user', permission: 'users.admin', recentAuth: true }, params: idParams,
      handler: async ({ svc, params }) => {
        if (params.id === svc.user.id) throw conflict('turn your own second factor off on your security page');
        return resetSecondFactor(svc, params.id);
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/security/role-policies', tag: 'users', summary: 'Which roles must sign in with a second factor',
      policy: { access: 'user', permission: 'users.admin' },
      handler: async ({ svc }) => ({ roles: await listRolePolicies(svc) }),
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/security/role-policies/:role', tag: 'users', summary: 'Require (or stop requiring) a second factor for a role',
      policy: { access: 'user', permission: 'users.admin', recentAuth: true }, params: roleParams, body: rolePolicySchema,
      handler: async ({ svc, params, body }) => ({ roles: await setRolePolicy(svc, params.role, body.requireSecondFactor) }),
    }),
  ];
}
