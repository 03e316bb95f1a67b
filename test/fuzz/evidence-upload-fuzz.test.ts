/**
 * The evidence upload API under generated input: multipart bodies with junk field values, names and
 * orders, file names from the whole of Unicode, small random or damaged files, raw bytes posing as
 * multipart, and junk capture forms — never a 5xx; what is refused leaves nothing in files,
 * file_chunks or evidence_items, and what is accepted stores exactly one item (with its copy).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { newWorkspace, Client, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';
import { multipartBody, BOUNDARY, type MultipartBody, type Part } from '../helpers/multipart.js';
import { jpegWithGps, minimalPdf, pngWithMetadata, truncatedJpeg, htmlFile, zipWithTraversal } from '../helpers/evidence-files.js';

let ws: TestWorkspace;
let c: Client;
let incident = '';
let source = '';
let addresses = 0;
// a fresh client address per request, so the upload rate limit does not end the run early
const freshAddress = () => `10.88.${(++addresses >> 8) & 255}.${addresses & 255}`;

beforeAll(async () => {
  ws = await newWorkspace();
  c = new Client(ws.app);
  await c.login();
  const r = (await c.req('POST', '/api/v1/incidents', fullIncident())).json() as { id: string; sources: { id: string }[] };
  incident = r.id;
  source = r.sources[0]!.id;
}, 60_000);
afterAll(async () => { await ws?.close(); });

async function counts(): Promise<number[]> {
  const db = ws.vault.runtime().store.db;
  const n = async (t: string) => Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(db)).rows[0]!.n);
  return [await n('files'), await n('file_chunks'), await n('evidence_items')];
}

const post = (url: string, body: MultipartBody) => ws.app.inject({
  method: 'POST', url, remoteAddress: freshAddress(),
  headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': body.contentType }, payload: body.payload,
});

const junkText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', ' ', '\u0000', 'photo', 'screenshot', 'video', 'online_capture', '{}', '{"legal_action":"given"}', '{"legal_action":"maybe"}', '{"__proto__":{"a":1}}', '[]', 'null', '00000000-0000-4000-8000-000000000000', 'x'.repeat(5001)),
);
const oddName = fc.oneof(fc.constantFrom('file', 'capture', '__proto__', 'constructor', ''), fc.string({ unit: 'grapheme-ascii', maxLength: 12 }));
const fieldName = fc.oneof({ arbitrary: fc.constantFrom('kind', 'description', 'sourceId', 'consent'), weight: 20 }, { arbitrary: oddName, weight: 1 });
/** Mostly values that fit the field, sometimes junk. */
const valueFor = (name: string) => {
  const fits: Record<string, fc.Arbitrary<string>> = {
    kind: fc.constantFrom('photo', 'screenshot', 'audio', 'document'),
    description: fc.string({ maxLength: 200 }),
    consent: fc.record({ legal_action: fc.constantFrom('given', 'refused', 'withdrawn'), share_partners: fc.constantFrom('given', 'not_asked') }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  };
  return Object.hasOwn(fits, name) ? fc.oneof({ arbitrary: fits[name]!, weight: 4 }, { arbitrary: junkText, weight: 1 }) : junkText;
};
const fileName = fc.oneof(
  { arbitrary: fc.constantFrom('foto.jpg', 'captura.png', 'denuncia.pdf', 'IMG_2026', 'nota.txt'), weight: 4 },
  fc.constantFrom('foto.jpg', 'captura.png', 'denuncia.pdf', '../../x.jpg', '..', '.', '', 'a/b.jpg', 'C:\\x.jpg', 'foto\u202egpj.exe', 'nota.txt', 'pagina.html', 'a'.repeat(300) + '.jpg', 'declaración.jpg'),
  fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !/["\r\n]/.test(s)),
);
const damaged = (b: Buffer) => fc.tuple(fc.nat({ max: b.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.boolean()).map(([at, x, cut]) => {
  const copy = Buffer.from(b);
  copy[at] = copy[at]! ^ x;
  return cut ? copy.subarray(0, at + 1) : copy;
});
const content = fc.oneof(
  { arbitrary: fc.constantFrom(jpegWithGps(), pngWithMetadata(), minimalPdf()), weight: 3 },
  fc.constantFrom(jpegWithGps(), pngWithMetadata(), minimalPdf(), truncatedJpeg(), htmlFile(), zipWithTraversal(), Buffer.from('Mensaje de texto\n')),
  damaged(jpegWithGps()),
  damaged(pngWithMetadata()),
  fc.uint8Array({ maxLength: 3000 }).map((u) => Buffer.from(u)),
);
const textPart = fieldName.chain((name) => valueFor(name).map((value) => ({ name, value })));
const filePart = fc.record({ name: fc.oneof({ arbitrary: fc.constant('file'), weight: 8 }, { arbitrary: fc.constantFrom('screenshot', 'photo'), weight: 1 }, { arbitrary: oddName, weight: 1 }), filename: fileName, content });
const fields = fc.uniqueArray(textPart, { selector: (p) => p.name, maxLength: 4 });
const files = fc.oneof({ arbitrary: filePart.map((f) => [f]), weight: 8 }, { arbitrary: fc.array(filePart, { maxLength: 2 }), weight: 1 });
const trailing = fc.oneof({ arbitrary: fc.constant([]), weight: 8 }, { arbitrary: fc.array(textPart, { minLength: 1, maxLength: 1 }), weight: 1 });

describe('evidence uploads under generated input', () => {
  it('never answer 5xx; what is refused keeps nothing, what is accepted keeps one item', async () => {
    await fc.assert(
      fc.asyncProperty(
        fields, files, trailing, fc.boolean(),
        async (before, files, after, withSource) => {
          const parts: Part[] = [...(withSource && !before.some((p) => p.name === 'sourceId') ? [{ name: 'sourceId', value: source }] : []), ...before, ...files, ...after];
          const start = await counts();
          const r = await post(`/api/v1/incidents/${incident}/evidence`, multipartBody(parts));
          const where = `${JSON.stringify(parts.map((p) => ('filename' in p ? { name: p.name, filename: p.filename, bytes: p.content.length } : p))).slice(0, 400)} → ${r.statusCode} ${r.body.slice(0, 300)}`;
          expect(r.statusCode, where).toBeLessThan(500);
          const end = await counts();
          if (r.statusCode === 201) {
            const d = r.json() as { hasViewCopy: boolean };
            expect(end.map((n, i) => n - start[i]!), where).toEqual([d.hasViewCopy ? 2 : 1, expect.any(Number), 1]);
          } else {
            expect(end, where).toEqual(start);
            expect((r.json() as { message: string }).message.length, where).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never answer 5xx to raw bytes posing as multipart', async () => {
    const start = await counts();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), async (bytes, framed) => {
        const payload = framed ? Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n`), bytes]) : Buffer.from(bytes);
        const r = await post(`/api/v1/incidents/${incident}/evidence`, { payload, contentType: `multipart/form-data; boundary=${BOUNDARY}` });
        expect(r.statusCode, r.body).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
    expect(await counts()).toEqual(start);
  });

  it('never answer 5xx to junk capture forms', async () => {
    const capture = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
      junkText,
      fc.record({ platform: fc.oneof(fc.constantFrom('x', 'facebook', 'whatsapp'), junkText), seenAt: fc.oneof(fc.constant('2026-11-20'), junkText), url: fc.oneof(fc.constant('https://x.com/a'), junkText), text: junkText }, { requiredKeys: ['platform'] }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(capture, fc.array(filePart, { maxLength: 3 }), async (form, shots) => {
        const start = await counts();
        const r = await post(`/api/v1/incidents/${incident}/evidence/captures`, multipartBody([{ name: 'capture', value: form }, ...shots]));
        expect(r.statusCode, `${form.slice(0, 200)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        if (r.statusCode !== 201) expect(await counts()).toEqual(start);
      }),
      { numRuns: 80 },
    );
  });
});
