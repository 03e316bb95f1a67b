/**
 * Reading a multipart/form-data upload part by part (@fastify/multipart), as the evidence upload
 * routes need it: short text fields first, then the file(s) streamed straight into the store — a
 * file is never buffered whole nor written to a temporary file. Everything a client can get wrong
 * (unknown, repeated or overlong fields, a field after the file, a malformed or cut-off body, too
 * many parts) is a 4xx naming the part. When a request is refused, the file being read is stopped
 * and the rest of the body is read and dropped (up to a bound) so the answer reaches the client and
 * the connection can be used again.
 */
import type { FastifyRequest } from 'fastify';
import sjson from 'secure-json-parse';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import { ServiceError } from '../../services/errors.js';
import type { IncomingFile } from '../../services/evidence/intake-file.js';
import { FileTooLargeError } from '../../store/files/file-repository.js';

export const FIELD_LIMIT_BYTES = 64 * 1024;

const bad = (status: number, code: string, path: string, message: string) => new ServiceError(status, code, `${path}: ${message}`, [{ path, message, code }]);

/** A 4xx for an error raised while reading the request's parts (parser limits, malformed or cut-off bodies). */
export function multipartError(e: unknown): unknown {
  if (e instanceof ServiceError) return e;
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case 'FST_PARTS_LIMIT': case 'FST_FILES_LIMIT': case 'FST_FIELDS_LIMIT':
      return bad(413, 'too_many_parts', 'body', 'has too many parts');
    case 'FST_PROTO_VIOLATION':
      return bad(400, 'invalid', 'body', 'a part has a name that is not allowed');
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return bad(400, 'invalid_json', 'body', 'a part declared as JSON is not valid JSON');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return bad(415, 'unsupported_media_type', 'body', 'send multipart/form-data');
    case 'FST_MP_PREMATURE_CLOSE':
      return bad(400, 'incomplete_body', 'body', 'the upload was cut off before its end');
    default:
      // busboy's own errors ("Unexpected end of form", "Malformed part header", "Boundary not found", …)
      return bad(400, 'invalid_multipart', 'body', 'is not valid multipart/form-data (or was cut off)');
  }
}

export class UploadParts {
  private readonly iterator: AsyncIterator<Multipart>;
  private readonly files: MultipartFile[] = [];

  constructor(private readonly request: FastifyRequest, private readonly maxUploadBytes: number) {
    this.iterator = request.parts()[Symbol.asyncIterator]();
  }

  /** The next part, or undefined at the end of the body. */
  async next(): Promise<Multipart | undefined> {
    let r: IteratorResult<Multipart>;
    try {
      r = await this.iterator.next();
    } catch (e) {
      throw multipartError(e);
    }
    if (r.done) return undefined;
    if (r.value.type === 'file') this.files.push(r.value);
    return r.value;
  }

  /**
   * Text fields up to the first file part (or the end): each named in `allowed`, given once, whole.
   * Values sent as JSON parts arrive parsed; others as text.
   */
  async fieldsUntilFile(allowed: readonly string[]): Promise<{ fields: Record<string, unknown>; file: MultipartFile | undefined }> {
    const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (;;) {
      const part = await this.next();
      if (!part) return { fields, file: undefined };
      if (part.type === 'file') return { fields, file: part };
      const name = part.fieldname;
      if (part.fieldnameTruncated) throw bad(400, 'invalid', 'body', 'a field name is too long');
      if (!allowed.includes(name)) throw bad(400, 'unknown_field', name, `unknown field; the fields are ${allowed.map((a) => `"${a}"`).join(', ')}`);
      if (name in fields) throw bad(400, 'repeated_field', name, 'is given more than once');
      if (part.valueTruncated) throw bad(400, 'too_long', name, `is longer than ${FIELD_LIMIT_BYTES / 1024} KB`);
      fields[name] = part.value;
    }
  }

  /**
   * A file part's bytes as the store reads them. Errors reading the request become 4xx; a file cut
   * at the parser's limit is too large. With `last`, the body must end after it: a further part
   * (a field after the file, a second file) refuses the upload before anything is kept.
   */
  stream(part: MultipartFile, opts: { last?: boolean } = {}): IncomingFile {
    const self = this;
    async function* bytes(): AsyncGenerator<Uint8Array> {
      try {
        for await (const chunk of part.file) yield chunk as Buffer;
      } catch (e) {
        throw e instanceof FileTooLargeError ? e : multipartError(e);
      }
      if (part.file.truncated) throw new FileTooLargeError(self.maxUploadBytes);
      if (opts.last) {
        const after = await self.next();
        if (after) throw bad(400, after.type === 'file' ? 'too_many_files' : 'field_after_file', after.fieldname, after.type === 'file' ? 'only one file may be sent' : 'text fields must come before the file');
      }
    }
    const gen = bytes();
    // stopping the stream stops the file part too, even before it was read (else the parser would wait for it)
    const stream: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: () => gen.next(),
        return: async () => {
          if (!part.file.readableEnded && !part.file.destroyed) part.file.destroy();
          return gen.return(undefined);
        },
      }),
    };
    return { name: part.filename, stream };
  }

  /**
   * After a refusal: stops every file not read to its end and reads the rest of the body into
   * nothing, up to the upload limit (beyond it the connection is closed).
   */
  discardRest(): void {
    for (const f of this.files) if (!f.file.readableEnded && !f.file.destroyed) f.file.destroy();
    const raw = this.request.raw;
    if (raw.readableEnded || raw.destroyed) return;
    const cap = this.maxUploadBytes + 1024 * 1024;
    let seen = 0;
    raw.on('data', (c: Buffer) => {
      seen += c.length;
      if (seen > cap) raw.destroy();
    });
    raw.on('error', () => undefined);
    raw.resume();
  }
}

/** Runs `fn` over the request's parts; on any error stops the reading cleanly and rethrows it as a 4xx where it is the client's. */
export async function withUploadParts<T>(request: FastifyRequest, maxUploadBytes: number, fn: (parts: UploadParts) => Promise<T>): Promise<T> {
  const parts = new UploadParts(request, maxUploadBytes);
  try {
    return await fn(parts);
  } catch (e) {
    parts.discardRest();
    throw e;
  }
}

/** A text field holding JSON (or already parsed, when sent as an application/json part). */
export function jsonField(fields: Record<string, unknown>, name: string): unknown {
  const v = fields[name];
  if (typeof v !== 'string') return v;
  try {
    return sjson.parse(v, undefined, { protoAction: 'error', constructorAction: 'error' }) as unknown;
  } catch {
    throw bad(400, 'invalid_json', name, 'is not valid JSON');
  }
}

/** A text field that must be text. */
export function textField(fields: Record<string, unknown>, name: string): string | undefined {
  const v = fields[name];
  if (v === undefined || typeof v === 'string') return v;
  throw bad(400, 'wrong_type', name, 'must be text');
}
