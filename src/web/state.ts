/**
 * App-wide state held in memory only (never in browser storage): the workspace status, the
 * signed-in session, vocabularies and places. Sealing or signing out drops all of it.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrf, onApiEvents } from './api';
import { setLang, browserLang, isLang, loadCatalogue, catalogueLoaded, type Lang } from './i18n/i18n';
import type { Permission, Places, Session, Status, Vocabularies } from './types';
import { Vocab } from './lib/vocab';
import { navigate } from './router';
import { ChangePasswordPage, ForcedEnrolmentPage, Shell } from './screens';

/** 'password': a temporary password must be changed first; 'enrol': the role requires a second factor not yet set up. */
export type Phase = 'loading' | 'offline' | 'uninitialised' | 'sealed' | 'signin' | 'password' | 'enrol' | 'ready';

export interface AppState {
  phase: Phase;
  status: Status | null;
  session: Session | null;
  vocab: Vocab | null;
  places: Places | null;
  lang: Lang;
  /** a short message shown once on the next screen (e.g. "Locked") */
  notice: 'sealed' | 'signedOut' | 'sealedElsewhere' | null;
  /** the user chose a language in this tab before signing in (saved as theirs on sign-in) */
  langChosen: boolean;
}

let state: AppState = { phase: 'loading', status: null, session: null, vocab: null, places: null, lang: browserLang(), notice: null, langChosen: false };
setLang(state.lang);
const listeners = new Set<() => void>();
const resetters = new Set<() => void>();

export function getState(): AppState {
  return state;
}

export function update(patch: Partial<AppState>): void {
  state = { ...state, ...patch };
  if (patch.lang) setLang(patch.lang);
  for (const l of listeners) l();
}

export function useAppState(): AppState {
  const [, force] = useState(0);
  const shown = state;
  useEffect(() => {
    const l = () => force((n) => n + 1);
    listeners.add(l);
    // a change between the first render and now (effects run after paint; the first answer from
    // the server can be that quick) would otherwise never be shown
    if (state !== shown) l();
    return () => {
      listeners.delete(l);
    };
  }, []);
  return state;
}

/** Modules that keep data in memory (search state, caches) register here to be wiped. */
export function onReset(fn: () => void): void {
  resetters.add(fn);
}

function wipe(): void {
  setCsrf('');
  for (const r of resetters) r();
}

/** Saves the language as the signed-in user's own (allowed with a temporary password too). */
async function saveLang(lang: Lang): Promise<void> {
  try {
    await api('PATCH', '/api/v1/me', { lang });
    const s = state.session;
    if (s) update({ session: { ...s, user: { ...s.user, lang } } });
  } catch {
    /* the switch still holds in this tab; the saved language stays as it was */
  }
}

/**
 * The language switch. Signed in, the choice is saved as the user's own language (so it holds on
 * the next visit and on other devices); before signing in it holds in this tab and is saved once
 * the user signs in.
 */
export function chooseLang(lang: Lang): void {
  const signedIn = state.session !== null;
  // signed in, the screens need the language's whole catalogue (fetched once); before, the first
  // screens' messages are in the page bundle in both languages
  if (signedIn && !catalogueLoaded(lang)) {
    loadCatalogue(lang).then(
      () => state.session !== null && chooseLang(lang),
      () => undefined, // offline: the language stays as it was
    );
    return;
  }
  update({ lang, langChosen: !signedIn });
  if (signedIn && state.session?.user.lang !== lang) void saveLang(lang);
}

function sessionLang(s: Session | null): Lang | null {
  return s && isLang(s.user.lang) ? s.user.lang : null;
}

/** Asks the server where we are and moves the app to the matching screen. */
export async function refresh(): Promise<void> {
  let status: Status;
  try {
    status = await api<Status>('GET', '/api/v1/status');
  } catch {
    update({ phase: 'offline' });
    return;
  }
  if (status.state === 'uninitialised') {
    wipe();
    update({ phase: 'uninitialised', status, session: null, vocab: null, places: null });
    return;
  }
  if (status.state === 'sealed') {
    wipe();
    update({ phase: 'sealed', status, session: null, vocab: null, places: null });
    return;
  }
  // ask for the session only when the status says this browser has one (no 401 on the sign-in page);
  // the app's own chunk meanwhile (the reference data waits for the session: a session limited to one
  // task is refused it, and a refused request is a console error)
  let session: Session | null = null;
  if (status.signedIn) {
    Shell.preload().catch(() => undefined);
    try {
      session = await api<Session>('GET', '/api/v1/session');
    } catch {
      session = null;
    }
  }
  if (!session) {
    wipe();
    update({ phase: 'signin', status, session: null, vocab: null, places: null });
    return;
  }
  setCsrf(session.csrf);
  // a language chosen before signing in becomes the user's own; otherwise the saved one applies
  const chosen = state.langChosen ? state.lang : null;
  const lang = chosen ?? sessionLang(session) ?? state.lang;
  state = { ...state, langChosen: false };
  if (chosen && chosen !== session.user.lang) {
    session = { ...session, user: { ...session.user, lang: chosen } };
    void api('PATCH', '/api/v1/me', { lang: chosen }).catch(() => undefined);
  }
  if (session.user.mustChangePassword) {
    if (await ready(ChangePasswordPage.preload(), lang)) update({ phase: 'password', status, session, lang });
    return;
  }
  if (session.user.secondFactor?.required && !session.user.secondFactor.enrolled) {
    if (await ready(ForcedEnrolmentPage.preload(), lang)) update({ phase: 'enrol', status, session, lang });
    return;
  }
  try {
    const [v, p] = await Promise.all([api<Vocabularies>('GET', '/api/v1/vocabularies'), api<Places>('GET', '/api/v1/places'), Shell.preload(), loadCatalogue(lang)]);
    update({ phase: 'ready', status, session, lang, vocab: new Vocab(v), places: p });
  } catch {
    if (getState().phase !== 'sealed' && getState().phase !== 'signin') update({ phase: 'offline' });
  }
}

/** Waits for a screen's chunk and the language's whole catalogue; false (and the offline screen) when they cannot be fetched. */
async function ready(chunk: Promise<void>, lang: Lang): Promise<boolean> {
  try {
    await Promise.all([chunk, loadCatalogue(lang)]);
    return true;
  } catch {
    if (getState().phase !== 'sealed' && getState().phase !== 'signin') update({ phase: 'offline' });
    return false;
  }
}

export async function reloadVocabularies(): Promise<void> {
  const v = await api<Vocabularies>('GET', '/api/v1/vocabularies');
  update({ vocab: new Vocab(v) });
}

export function can(permission: Permission): boolean {
  return state.session?.permissions.includes(permission) ?? false;
}

export function markSealed(notice: AppState['notice']): void {
  wipe();
  update({ phase: 'sealed', session: null, vocab: null, places: null, notice, status: state.status ? { ...state.status, state: 'sealed' } : null });
}

onApiEvents({
  sealed: () => {
    if (state.phase !== 'sealed') markSealed('sealedElsewhere');
  },
  signedOut: () => {
    if (state.phase === 'ready' || state.phase === 'password' || state.phase === 'enrol') {
      wipe();
      update({ phase: 'signin', session: null, vocab: null, places: null, notice: 'signedOut' });
    }
  },
});

/** Seal from elsewhere (another admin, the CLI): check now and then while the page is open. */
export function watchStatus(): void {
  const check = async () => {
    if (document.visibilityState !== 'visible') return;
    if (state.phase !== 'ready' && state.phase !== 'password' && state.phase !== 'enrol') return;
    try {
      const s = await api<Status>('GET', '/api/v1/status');
      if (s.state === 'sealed' && getState().phase !== 'sealed') markSealed('sealedElsewhere');
      else if (s.state === 'unsealed' && !s.signedIn && (state.phase === 'ready' || state.phase === 'password' || state.phase === 'enrol')) {
        wipe();
        update({ phase: 'signin', session: null, vocab: null, places: null, notice: 'signedOut' });
      }
    } catch {
      /* offline: keep showing what we have */
    }
  };
  setInterval(check, 30_000);
  document.addEventListener('visibilitychange', () => void check());
}

export async function signOut(): Promise<void> {
  try {
    await api('POST', '/api/v1/auth/logout');
  } catch {
    /* the session may already be gone */
  }
  // leave the signed-in screens first, so no page asks for data the ended session cannot have
  wipe();
  update({ phase: 'signin', session: null, vocab: null, places: null, notice: null });
  navigate('/', { replace: true });
  await refresh();
}
