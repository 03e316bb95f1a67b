/**
 * Uploading evidence (issue 7, ADR 0019) as multipart/form-data, streamed part by part into the
 * encrypted store, and capturing online threats with the capture form and its screenshots. The same
 * pipeline as every route (rate limit, cross-site check, sealed, sign-in, CSRF, permission) runs
 * before a byte of the body is read. Text fields come first, then the file(s); the answer is the new
 * item (201).
 */
import type { FastifyRequest } from 'fastify';
import { defineRoute, idParams, type AnyRoute } from '../route.js';
import { ownerOf, receiveEvidence, type OwnerRef } from '../../services/evidence/receive-evidence.js';
import { requireOwner } from '../../services/evidence/evidence-access.js';
import { captureOnlineThreat } from '../../services/evidence/capture-online-threat.js';
import type { IncomingFile } from '../../services/evidence/intake-file.js';
import type { ServiceContext } from '../../services/context.js';
import { ServiceError } from '../../services/errors.js';
import { MAX_CAPTURE_SCREENSHOTS, type EvidenceUploadInput } from '../../domain/evidence/upload-input.js';
import type { OnlineCaptureInput } from '../../domain/evidence/evidence.js';
import { jsonField, textField, withUploadParts, type UploadParts } from './upload-parts.js';

/** Uploads per minute per client address: a documenter filing a batch of photos stays well under it. */
export const UPLOAD_RATE_LIMIT = 60;

const UPLOAD_FIELDS = ['kind', 'description', 'sourceId', 'consent'] as const;
const UPLOAD_DOC = {
  fields: {
    kind: 'optional: photo or screenshot for images (other kinds follow the content)',
    description: 'optional: what it shows (up to 5000 characters)',
    sourceId: 'optional: the id of the incident\'s source (testimony) it comes from',
    consent: 'optional: JSON of consent per use, e.g. {"legal_action":"given"}',
  },
  files: { file: 'the file, after the text fields; typed by its content (images, audio, video, PDF, office documents, .txt)' },
};

/**
 * The body must be multipart/form-data — checked after the record is known to exist for this user
 * (an incident they may not see is "not found" whatever the body).
 */
async function requireMultipart(svc: ServiceContext, owner: OwnerRef, request: FastifyRequest): Promise<void> {
  if (request.isMultipart()) return;
  await requireOwner(svc, ownerOf(owner));
  throw new ServiceError(415, 'unsupported_media_type', 'body: send multipart/form-data (text fields first, then the file)');
}

const missing = (path: string, message: string) => new ServiceError(400, 'invalid', `${path}: ${message}`, [{ path, message, code: 'required' }]);

function upload(owner: (id: string) => OwnerRef, maxUploadBytes: number) {
  return async ({ svc, params, request }: { svc: ServiceContext; params: { id: string }; request: FastifyRequest }) => {
    await requireMultipart(svc, owner(params.id), request);
    return withUploadParts(request, maxUploadBytes, async (parts) => {
      const { fields, file } = await parts.fieldsUntilFile(UPLOAD_FIELDS);
      if (!file) throw missing('file', 'is required: send the file as the part named "file", after the text fields');
      if (file.fieldname !== 'file') throw new ServiceError(400, 'unknown_field', `${file.fieldname}: unknown file part; send the file as "file"`, [{ path: file.fieldname, message: 'unknown file part; send the file as "file"', code: 'unknown_field' }]);
      const input: Record<string, unknown> = {};
      for (const name of ['kind', 'description', 'sourceId'] as const) {
        const v = textField(fields, name);
        if (v !== undefined && v !== '') input[name] = v;
      }
      if (fields['consent'] !== undefined && fields['consent'] !== '') input['consent'] = jsonField(fields, 'consent');
      return receiveEvidence(svc, owner(params.id), input as EvidenceUploadInput, parts.stream(file, { last: true }), { maxBytes: maxUploadBytes });
    });
  };
}

/** The screenshots of a capture, one at a time as the use case reads them; nothing but `screenshot` files may follow. */
async function* screenshots(parts: UploadParts, first: Awaited<ReturnType<UploadParts['next']>>): AsyncGenerator<IncomingFile> {
  for (let part = first; part; part = await parts.next()) {
    if (part.type === 'field') throw new ServiceError(400, 'field_after_file', `${part.fieldname}: text fields must come before the screenshots`, [{ path: part.fieldname, message: 'text fields must come before the screenshots', code: 'field_after_file' }]);
    if (part.fieldname !== 'screenshot') throw new ServiceError(400, 'unknown_field', `${part.fieldname}: unknown file part; send screenshots as "screenshot"`, [{ path: part.fieldname, message: 'unknown file part; send screenshots as "screenshot"', code: 'unknown_field' }]);
    yield parts.stream(part);
  }
}

export function evidenceUploadRoutes(opts: { maxUploadBytes: number }): AnyRoute[] {
  const { maxUploadBytes } = opts;
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/incidents/:id/evidence', tag: 'evidence',
      summary: 'Upload a file as evidence of an incident (multipart/form-data): typed by its content, hashed on arrival, encrypted; its metadata kept sealed and, for photos, a copy without any made for viewing',
      policy: { access: 'user', permission: 'evidence.write' }, params: idParams, status: 201, rateLimit: UPLOAD_RATE_LIMIT, multipart: UPLOAD_DOC,
      handler: upload((id) => ({ incidentId: id }), maxUploadBytes),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/actors/:id/evidence', tag: 'evidence',
      summary: 'Upload a file as evidence about a person or organisation (multipart/form-data), as for an incident but with no source',
      policy: { access: 'user', permission: 'evidence.write' }, params: idParams, status: 201, rateLimit: UPLOAD_RATE_LIMIT, multipart: UPLOAD_DOC,
      handler: upload((id) => ({ actorId: id }), maxUploadBytes),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/incidents/:id/evidence/captures', tag: 'evidence',
      summary: 'Capture an online threat (multipart/form-data): the capture form as JSON, then up to 10 screenshots; the record is kept as a hashed file and each screenshot as an item under it',
      policy: { access: 'user', permission: 'evidence.write' }, params: idParams, status: 201, rateLimit: UPLOAD_RATE_LIMIT,
      multipart: {
        fields: { capture: 'JSON of the capture form: platform, account, url, text, seenAt, description' },
        files: { screenshot: `0 to ${MAX_CAPTURE_SCREENSHOTS} screenshots (images), after the capture field` },
      },
      handler: async ({ svc, params, request }) => {
        await requireMultipart(svc, { incidentId: params.id }, request);
        return withUploadParts(request, maxUploadBytes, async (parts) => {
          const { fields, file } = await parts.fieldsUntilFile(['capture']);
          if (fields['capture'] === undefined) throw missing('capture', 'is required: the capture form as JSON, before any screenshot');
          const input = jsonField(fields, 'capture') as OnlineCaptureInput;
          return captureOnlineThreat(svc, params.id, input, screenshots(parts, file), { maxBytes: maxUploadBytes });
        });
      },
    }),
  ];
}
