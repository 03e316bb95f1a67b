/**
 * Asks for a file with POST (what is chosen — search words, items — never lands in a URL) and saves
 * the answer through a Blob URL revoked right after, under the name `nameOf` picks from the answer's
 * Content-Disposition (a neutral one: downloads folders survive a seizure too). Errors come back as
 * ApiError, like every other call.
 */
import { ApiError, type Problem } from '../api';
import { saveBlob } from './save-blob';

export async function postForFile(path: string, body: unknown, opts: { csrf: string; accept?: string; nameOf: (disposition: string | null) => string }): Promise<string> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST', credentials: 'same-origin', cache: 'no-store', referrerPolicy: 'no-referrer',
      headers: { 'content-type': 'application/json', ...(opts.accept ? { accept: opts.accept } : {}), 'x-csrf-token': opts.csrf },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (!res.ok) {
    let err: { error?: string; message?: string; problems?: Problem[] } = {};
    try {
      err = (await res.json()) as typeof err;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, err.error ?? `http_${res.status}`, err.message ?? '', err.problems ?? []);
  }
  const name = opts.nameOf(res.headers.get('content-disposition'));
  saveBlob(await res.blob(), name);
  return name;
}
