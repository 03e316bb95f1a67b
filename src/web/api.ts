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
  throw failure(res.status, data, path);
}

/** The error an answer carries; a sealed workspace or an ended session is reacted to here. */
function failure(status: number, data: unknown, path: string): ApiError {
  const err = (data ?? {}) as { error?: string; message?: string; problems?: Problem[] };
  const code = err.error ?? `http_${status}`;
  if (status === 503 && code === 'sealed') onSealed();
  else if (status === 401 && !CREDENTIAL_PATHS.has(path)) onSignedOut();
  return new ApiError(status, code, err.message ?? '', err.problems ?? []);
}

/**
 * POSTs a multipart form (files) with the CSRF header, reporting how much of it has been sent (a
 * slow link: the person sees it move). XMLHttpRequest, as fetch cannot report upload progress; the
 * answer and its errors are read as api() reads them.
 */
export function upload<T>(path: string, form: FormData, onProgress?: (sent: number, total: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    if (onProgress) xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded, e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.onabort = () => reject(new ApiError(0, 'network', 'network'));
    xhr.onload = () => {
      let data: unknown = undefined;
      if (xhr.responseText) {
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          data = undefined;
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(failure(xhr.status, data, path));
    };
    xhr.send(form);
  });
}
