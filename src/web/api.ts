/**
 * The one way the app talks to the server: JSON in and out, the CSRF header on every change,
 * and two global reactions — a sealed workspace (503 "sealed", from any call) sends the app to
 * the unseal screen, and an ended session (401) sends it to sign-in.
 */
import type { FieldProblem } from './types';

/** One field's problem: `code` (+ `params`) for the app to word, `message` in English as a fallback. */
export type Problem = FieldProblem;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrf = '';
let onSealed: () => void = () => undefined;
let onSignedOut: () => void = () => undefined;

export function setCsrf(token: string): void {
  csrf = token;
}

export function onApiEvents(handlers: { sealed: () => void; signedOut: () => void }): void {
  onSealed = handlers.sealed;
  onSignedOut = handlers.signedOut;
}

/** Paths whose 401 means "wrong credentials", not "your session ended". */
const CREDENTIAL_PATHS = new Set(['/api/v1/auth/login', '/api/v1/me/password', '/api/v1/unseal', '/api/v1/setup']);

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (res.status === 204) return undefined as T;
  let data: unknown = undefined;
  const text = await res.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (res.ok) return data as T;
  const err = (data ?? {}) as { error?: string; message?: string; problems?: Problem[] };
  const code = err.error ?? `http_${res.status}`;
  if (res.status === 503 && code === 'sealed') onSealed();
  else if (res.status === 401 && !CREDENTIAL_PATHS.has(path)) onSignedOut();
  throw new ApiError(res.status, code, err.message ?? '', err.problems ?? []);
}
