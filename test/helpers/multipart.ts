/**
 * multipart/form-data bodies for upload tests: as a browser builds them (the global FormData,
 * serialised by a Request), or by hand for what a browser would never send (a field after the file,
 * a name with folders in it, a body cut short).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Client } from './api.js';

export interface MultipartBody { payload: Buffer; contentType: string }

export type Part = { name: string; value: string; type?: string } | { name: string; filename: string; content: Uint8Array; type?: string };

export const BOUNDARY = '----BitacoraTestBoundaryQZ7MA4YWxkTrZu0gW';

/** A body written byte by byte: parts in the order given, names exactly as given. */
export function multipartBody(parts: Part[], boundary = BOUNDARY): MultipartBody {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = 'filename' in p ? `form-data; name="${p.name}"; filename="${p.filename}"` : `form-data; name="${p.name}"`;
    const type = 'filename' in p ? `\r\nContent-Type: ${p.type ?? 'application/octet-stream'}` : p.type ? `\r\nContent-Type: ${p.type}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'));
    chunks.push('filename' in p ? Buffer.from(p.content) : Buffer.from(p.value, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A body as a browser sends it: the global FormData serialised by the global Request. */
export async function formDataBody(fields: Record<string, string>, files: { name: string; filename: string; content: Uint8Array; type?: string }[]): Promise<MultipartBody> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) fd.append(f.name, new Blob([new Uint8Array(f.content)], { type: f.type ?? 'application/octet-stream' }), f.filename);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return { payload: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}

/** POSTs a multipart body as a signed-in client (session cookie and CSRF token). */
export function postMultipart(app: FastifyInstance, client: Client, url: string, body: MultipartBody): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST', url, remoteAddress: client.remoteAddress,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
}
