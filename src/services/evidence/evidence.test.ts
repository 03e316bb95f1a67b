/**
 * Reading and changing evidence through the use cases, on both backends: who sees an item and its
 * sealed parts; a restricted incident's evidence invisible to those it is not shared with; the
 * viewing copy and the original only with identifying access, each read in the chain of custody
 * (with its purpose); consent changed per use, each change its own custody entry; a stale change
 * refused; the custody timeline in order, with the audit chain intact and no typed text in it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { createActor } from '../actors/manage-actors.js';
import { createUser } from '../users/manage-users.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import type { Role } from '../../domain/user/roles.js';
import { NO_CONSENT, type CaptureMetadata } from '../../domain/evidence/evidence.js';
import { storeTestItem } from '../../../test/helpers/evidence-items.js';
import { listEvidence } from './list-evidence.js';
import { readEvidence } from './read-evidence.js';
import { openOriginal, openViewCopy } from './open-evidence-file.js';
import { changeEvidence } from './change-evidence.js';
import { readCustody } from './custody.js';
import { removeEvidence } from './remove-evidence.js';

let ws: TestWorkspace;
let admin: ServiceContext;
const people: Record<string, ServiceContext> = {};
const ids: Record<string, string> = {};
const MARKER = 'QZEVIDENCIAMARK';
const PHOTO = Buffer.from(`una foto ${MARKER} `.repeat(300));
const COPY = Buffer.from('copia sin metadatos');
const META: CaptureMetadata = { takenAt: '2026-03-01T10:00:00', make: 'MarcaQZ', model: `Modelo ${MARKER}`, gps: { lat: 14.9, lon: -92.26 } };

async function bytesOf(it: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of it) parts.push(p);
  return Buffer.concat(parts);
}

const storeItem = (ctx: ServiceContext, owner: { incidentId: string | null; actorId: string | null }, withCopy = true) =>
  storeTestItem(ctx, { owner, bytes: PHOTO, ...(withCopy ? { copy: COPY } : {}), originalName: `foto-${MARKER}.jpg`, description: `Soldados frente al albergue ${MARKER}`, metadata: META });

async function person(role: Role, name: string): Promise<ServiceContext> {
  const u = await createUser(admin, { email: `${name}@example.org`, displayName: name, role, password: 'contraseña-larga-2026' });
  return { ...admin, user: { id: u.id, role, orgId: u.orgId, displayName: name } };
}

const incident = (title: string, extra: Record<string, unknown> = {}) => ({ title, date: { start: '2026-03-01' }, place: { precision: 'country', country: 'MX' }, ...extra });

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws);
  for (const [role, name] of [['coordinator', 'Tomás'], ['documenter', 'Rosa'], ['analyst', 'Lucía'], ['viewer', 'Vera']] as const) people[role] = await person(role, name);
  const [open, restricted] = await recordIncidents(admin, [incident('Fotos de soldados'), incident('Amenaza restringida', { confidentiality: 'restricted' })]);
  ids['incident'] = open!.id;
  ids['restricted'] = restricted!.id;
  ids['photo'] = await storeItem(admin, { incidentId: open!.id, actorId: null });
  ids['hidden'] = await storeItem(admin, { incidentId: restricted!.id, actorId: null });
  const actor = (await createActor(admin, { kind: 'person', pseudonym: 'Defensora E' } as never)).id;
  ids['actor'] = actor;
  ids['actorItem'] = await storeItem(admin, { incidentId: null, actorId: actor }, false);
}, 120_000);
afterAll(async () => { await ws?.close(); });

describe('evidence items', () => {
  it('are listed for everyone who may see the incident, without sealed parts; mayOpen only with identifying access', async () => {
    for (const [who, mayOpen] of [['coordinator', true], ['documenter', true], ['analyst', false], ['viewer', false]] as const) {
      const r = await listEvidence(people[who]!, { incidentId: ids['incident']! });
      expect(r.mayOpen, who).toBe(mayOpen);
      expect(r.items).toHaveLength(1);
      expect(r.items[0]).toMatchObject({ id: ids['photo'], ref: 'EV-0001', kind: 'photo', mediaType: 'image/jpeg', size: PHOTO.length, hasViewCopy: true, consent: NO_CONSENT });
      expect(r.items[0]!.sha256).toBe(createHash('sha256').update(PHOTO).digest('hex'));
      expect(JSON.stringify(r)).not.toContain(MARKER);
    }
    expect((await listEvidence(admin, { actorId: ids['actor']! })).items.map((i) => i.id)).toEqual([ids['actorItem']]);
  });

  it('show their description, name and metadata only with identifying access, and that read is in the custody', async () => {
    const viewer = await readEvidence(people['viewer']!, ids['photo']!);
    expect(viewer.restricted).toBe(true);
    expect(JSON.stringify(viewer)).not.toContain(MARKER);
    const doc = await readEvidence(people['documenter']!, ids['photo']!);
    expect(doc).toMatchObject({ restricted: false, originalName: `foto-${MARKER}.jpg`, description: `Soldados frente al albergue ${MARKER}`, metadata: META });
    const custody = await readCustody(admin, ids['photo']!);
    expect(custody.entries.map((e) => [e.action, e.user?.name])).toEqual([['evidence.receive', 'Rosa (admin)'], ['evidence.view_metadata', 'Rosa']]);
  });

  it('of a restricted incident do not exist for those it is not shared with — admins included', async () => {
    const coord = people['coordinator']!;
    await expect(listEvidence(coord, { incidentId: ids['restricted']! })).rejects.toMatchObject({ status: 404 });
    await expect(readEvidence(coord, ids['hidden']!)).rejects.toMatchObject({ status: 404 });
    await expect(openOriginal(coord, ids['hidden']!, 'review')).rejects.toMatchObject({ status: 404 });
    await expect(openViewCopy(coord, ids['hidden']!)).rejects.toMatchObject({ status: 404 });
    await expect(readCustody(coord, ids['hidden']!)).rejects.toMatchObject({ status: 404 });
    await expect(changeEvidence(coord, ids['hidden']!, { version: 1, description: 'x' })).rejects.toMatchObject({ status: 404 });
    expect((await listEvidence(admin, { incidentId: ids['restricted']! })).items).toHaveLength(1);
  });

  it('give the viewing copy and the original only with identifying access, each in the custody with its purpose', async () => {
    await expect(openOriginal(people['viewer']!, ids['photo']!, 'review')).rejects.toMatchObject({ status: 403 });
    await expect(openViewCopy(people['analyst']!, ids['photo']!)).rejects.toMatchObject({ status: 403 });
    const copy = await openViewCopy(people['documenter']!, ids['photo']!);
    expect(copy).toMatchObject({ mediaType: 'image/jpeg', fileName: 'EV-0001.jpg', size: COPY.length });
    expect((await bytesOf(copy.body)).equals(COPY)).toBe(true);
    const original = await openOriginal(people['coordinator']!, ids['photo']!, 'legal_case');
    expect(original.fileName).toBe('EV-0001.jpg');
    expect((await bytesOf(original.body)).equals(PHOTO)).toBe(true);
    await expect(openViewCopy(admin, ids['actorItem']!)).rejects.toMatchObject({ status: 404 });
    const custody = await readCustody(admin, ids['photo']!);
    expect(custody.entries.slice(-2).map((e) => [e.action, e.user?.name, e.purpose])).toEqual([['evidence.view', 'Rosa', undefined], ['evidence.download', 'Tomás', 'legal_case']]);
  });

  it('change consent per use (each change in the custody), refuse stale versions, and need evidence.write', async () => {
    await expect(changeEvidence(people['analyst']!, ids['photo']!, { version: 1, consent: { legal_action: 'given' } })).rejects.toMatchObject({ status: 403 });
    await expect(changeEvidence(admin, ids['photo']!, { version: 1, consent: { legal_action: 'maybe' } })).rejects.toMatchObject({ status: 400, problems: [{ path: 'consent.legal_action' }] });
    const given = await changeEvidence(people['documenter']!, ids['photo']!, { version: 1, consent: { legal_action: 'given', share_partners: 'given' } });
    expect(given.consent).toEqual({ ...NO_CONSENT, legal_action: 'given', share_partners: 'given' });
    expect(given.version).toBe(2);
    await expect(changeEvidence(admin, ids['photo']!, { version: 1, consent: { legal_action: 'withdrawn' } })).rejects.toMatchObject({ status: 409 });
    const withdrawn = await changeEvidence(admin, ids['photo']!, { version: 2, consent: { legal_action: 'withdrawn' }, description: `Nueva descripción ${MARKER}` });
    expect(withdrawn).toMatchObject({ version: 4, description: `Nueva descripción ${MARKER}`, consent: { legal_action: 'withdrawn', share_partners: 'given' } });
    const same = await changeEvidence(admin, ids['photo']!, { version: 4, consent: { legal_action: 'withdrawn' } });
    expect(same.version).toBe(4);
    const tail = (await readCustody(admin, ids['photo']!)).entries.slice(-4).map((e) => [e.action, e.use, e.value]);
    expect(tail).toEqual([
      ['evidence.consent', 'share_partners', 'given'], ['evidence.consent', 'legal_action', 'given'],
      ['evidence.change', undefined, undefined], ['evidence.consent', 'legal_action', 'withdrawn'],
    ]);
  });

  it('pass a consent change on an online capture to its screenshots, each on record', async () => {
    const owner = { incidentId: ids['incident']!, actorId: null };
    const capture = await storeTestItem(admin, { owner, bytes: Buffer.from('{"platform":"facebook"}'), kind: 'online_capture', mediaType: 'application/json' });
    const shot = await storeTestItem(admin, { owner, bytes: PHOTO, kind: 'screenshot', parentId: capture });
    await changeEvidence(admin, capture, { version: 1, consent: { legal_action: 'given' } });
    expect((await readEvidence(admin, shot)).consent.legal_action).toBe('given');
    await changeEvidence(admin, capture, { version: 2, consent: { legal_action: 'withdrawn' } });
    expect((await readEvidence(admin, shot)).consent.legal_action).toBe('withdrawn');
    expect((await readCustody(admin, shot)).entries.filter((e) => e.action === 'evidence.consent').map((e) => e.value)).toEqual(['given', 'withdrawn']);
  });

  it('are removed (with a capture\'s screenshots and every file) by who received them or a coordinator, the removal kept in the custody', async () => {
    const store = ws.vault.runtime().store;
    const owner = { incidentId: ids['incident']!, actorId: null };
    const mine = await storeItem(people['documenter']!, owner);
    const theirs = await storeItem(admin, owner);
    await expect(removeEvidence(people['documenter']!, theirs, 1)).rejects.toMatchObject({ status: 403 });
    await expect(removeEvidence(people['analyst']!, mine, 1)).rejects.toMatchObject({ status: 403 });
    await expect(removeEvidence(people['documenter']!, mine, 2)).rejects.toMatchObject({ status: 409 });
    const files = async (id: string) => { const i = (await store.evidence.get(id, { open: false }))!; return [i.fileId, i.viewFileId!]; };
    const gone = await files(mine);
    await removeEvidence(people['documenter']!, mine, 1);
    await expect(readEvidence(admin, mine)).rejects.toMatchObject({ status: 404 });
    for (const f of gone) expect(await store.files.info(f)).toBeUndefined();
    expect(Number((await store.db.selectFrom('file_chunks').select((eb) => eb.fn.countAll<number>().as('n')).where('file_id', 'in', gone).executeTakeFirstOrThrow()).n)).toBe(0);

    const capture = await storeTestItem(admin, { owner, bytes: Buffer.from('{"platform":"x"}'), kind: 'online_capture', mediaType: 'application/json' });
    const shot = await storeTestItem(admin, { owner, bytes: PHOTO, kind: 'screenshot', parentId: capture });
    await removeEvidence(people['coordinator']!, capture, 1);
    await expect(readEvidence(admin, shot)).rejects.toMatchObject({ status: 404 });
    const removals = await store.db.selectFrom('audit_events').select(['target_id', 'user_id']).where('action', '=', 'evidence.remove').execute();
    expect(removals.map((r) => [r.target_id, r.user_id]).sort()).toEqual([
      [mine, people['documenter']!.user.id], [capture, people['coordinator']!.user.id], [shot, people['coordinator']!.user.id],
    ].sort());
    expect((await listEvidence(admin, owner)).items.map((i) => i.id)).toContain(theirs);
  });

  it('keep the custody in the hash chain, with no typed text in the audit log', async () => {
    const store = ws.vault.runtime().store;
    expect((await verifyAuditChain(store)).ok).toBe(true);
    const audit = await store.db.selectFrom('audit_events').select(['detail']).where('target_type', '=', 'evidence').execute();
    expect(audit.length).toBeGreaterThan(8);
    expect(JSON.stringify(audit)).not.toContain(MARKER);
    expect(JSON.stringify(audit)).not.toContain('Nueva descripción');
  });
});
