/**
 * The screens after sign-in, each fetched with import() when a session reaches it (state.ts waits
 * for the chunk and the language's whole catalogue before switching), so the page bundle holds only
 * the screens before the app: setup, unseal, sign-in (app.tsx).
 */
import { lazyPage } from './lazy';

/** The signed-in app (header, navigation, the incident list; other pages are chunks of their own). */
export const Shell = lazyPage(() => import('./shell').then((m) => m.Shell));
/** A temporary password must be changed first. */
export const ChangePasswordPage = lazyPage(() => import('./pages/change-password').then((m) => m.ChangePasswordPage));
/** The role requires a second factor not yet set up. */
export const ForcedEnrolmentPage = lazyPage(() => import('./pages/account-security').then((m) => m.ForcedEnrolmentPage));
