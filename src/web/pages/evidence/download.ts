/**
 * Saves a signed bundle (asked for with POST: the chosen items never land in a URL) under a neutral
 * name: never an original name, a title or a person.
 */
import { getState } from '../../state';
import { postForFile } from '../../lib/post-for-file';

/** A name from the server is kept only when it is plainly neutral ("bundle-1a2b3c4d.zip"). */
export function neutralName(disposition: string | null, fallback: string): string {
  const name = /filename="([A-Za-z0-9._-]{1,80})"/.exec(disposition ?? '')?.[1];
  return name && /^[A-Za-z0-9][A-Za-z0-9._-]*\.zip$/.test(name) ? name : fallback;
}

export function postBundle(path: string, body: unknown, fallbackName: string): Promise<string> {
  return postForFile(path, body, { csrf: getState().session?.csrf ?? '', accept: 'application/zip, application/json', nameOf: (d) => neutralName(d, fallbackName) });
}
