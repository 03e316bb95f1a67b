/**
 * The worker thread that makes a viewing copy (view-copy.ts): decoding and re-encoding a large
 * photo takes seconds of CPU, which would stop the server answering anyone else meanwhile. One
 * message in (the original's bytes and type), one out (the copy, none, or the refusal's code).
 */
import { parentPort } from 'node:worker_threads';
import { viewCopyOf } from './view-copy.js';
import { ServiceError } from '../errors.js';

export interface CopyRequest { bytes: ArrayBuffer; mediaType: string }
export type CopyAnswer = { copy: ArrayBuffer | null } | { refused: string } | { failed: true };

parentPort?.once('message', (m: CopyRequest) => {
  viewCopyOf(Buffer.from(m.bytes), m.mediaType).then(
    (copy) => {
      const out = copy ? Uint8Array.from(copy).buffer : null;
      parentPort!.postMessage({ copy: out } satisfies CopyAnswer, out ? [out] : []);
    },
    (e: unknown) => parentPort!.postMessage((e instanceof ServiceError ? { refused: e.code } : { failed: true }) satisfies CopyAnswer),
  );
});
