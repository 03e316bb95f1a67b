/**
 * Writing an export out (the command line's way), on both backends: to a new private file (through
 * a partial file linked into place) or a stream, the same text as the document in memory; never over
 * an existing file; a stored evidence
 * file that was tampered with stops the export and leaves no partial file; evidence can be left out
 * (counted in the audit event); the limit of one document; need-to-know binds what an export holds.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import { storeTestItem } from '../../../test/helpers/evidence-items.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { createUser } from '../users/manage-users.js';
import { openUrgentCase } from '../urgent/open-urgent-case.js';
import { addCampaign } from '../urgent/save-campaign.js';
import { assessRisk } from '../risk/assess-risk.js';
import { exportWorkspace } from './export-workspace.js';
import { exportToFile, exportToStream } from './export-to.js';
import { tooMuchEvidence } from './export-evidence.js';
import { MAX_INTERCHANGE_FILE_BYTES } from './format-evidence.js';

const NOW = '2026-03-05T10:00:00.000Z';
let ws: TestWorkspace;
let admin: ServiceContext;
let dir: string;
let itemId: string;
/** more than one stored chunk (1 MiB), so the export reads it in pieces */
const PHOTO = Buffer.alloc(2_500_000);
for (let i = 0; i < PHOTO.length; i++) PHOTO[i] = (i * 7919) % 251;

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, NOW);
  dir = mkdtempSync(join(tmpdir(), 'bitacora-export-'));
  const [inc] = await recordIncidents(admin, [{ title: 'Fotos del operativo' } as never]);
  itemId = await storeTestItem(admin, { owner: { incidentId: inc!.id, actorId: null }, bytes: PHOTO, originalName: 'operativo.jpg', description: 'Tres patrullas' });
}, 60_000);
afterAll(async () => {
  await ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exporting to a file or a stream', () => {
  it('writes the document\'s text, piece by piece, to a new private file, and never over an existing one', async () => {
    const file = join(dir, 'export.json');
    const counts = await exportToFile(admin, file);
    expect(counts).toMatchObject({ incidents: 1, evidence: 1 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const doc = await exportWorkspace(admin);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(Buffer.from(doc.evidence[0]!.original.base64, 'base64').equals(PHOTO)).toBe(true);
    await expect(exportToFile(admin, file)).rejects.toMatchObject({ status: 409, code: 'file_exists' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('writes the same text to a stream', async () => {
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (d: Buffer) => parts.push(d));
    await exportToStream(admin, out);
    out.end();
    expect(Buffer.concat(parts).toString('utf8')).toBe(`${JSON.stringify(await exportWorkspace(admin), null, 2)}\n`);
  });

  it('leaves evidence out when asked, and says so in the audit log with counts only', async () => {
    const doc = await exportWorkspace(admin, { withoutEvidence: true });
    expect([doc.evidence, doc.incidents.length]).toEqual([[], 1]);
    const last = await admin.store.db.selectFrom('audit_events').select(['action', 'detail']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last.action).toBe('interchange.exported');
    expect(JSON.parse(last.detail!)).toMatchObject({ evidence: 0, evidenceLeftOut: 1, incidents: 1 });
    expect(last.detail).not.toMatch(/operativo|patrullas/i);
  });

  it('refuses more evidence than one document carries, pointing to backups', () => {
    expect(tooMuchEvidence(MAX_INTERCHANGE_FILE_BYTES)).toBeUndefined();
    expect(tooMuchEvidence(MAX_INTERCHANGE_FILE_BYTES + 1)).toMatch(/more than the 256 MB one interchange document carries: move the whole workspace with a backup and restore/);
  });

  it('leaves out what the exporter may not see: a restricted incident not shared with them, with its case, campaign and evidence, and a person only it names', async () => {
    const [hidden] = await recordIncidents(admin, [{
      title: 'Caso RESTRINGIDO', confidentiality: 'restricted', victims: [{ key: 'p', actor: { kind: 'person', pseudonym: 'Persona RESTRINGIDA' } }], acts: [{ kind: 'threat', victimKey: 'p' }],
    } as never]);
    const person = hidden!.victims[0]!.actorId;
    const c = await openUrgentCase(admin, hidden!.id, { kind: 'imminent_threat' });
    await addCampaign(admin, c.id, { title: 'Campaña RESTRINGIDA' });
    await assessRisk(admin, person, { threats: [{ description: 'Amenaza RESTRINGIDA', level: 3 }], vulnerabilities: [{ description: 'v', level: 2 }], replaces: 0 });
    await storeTestItem(admin, { owner: { incidentId: hidden!.id, actorId: null }, bytes: Buffer.from('RESTRINGIDO'), description: 'RESTRINGIDO' });
    await storeTestItem(admin, { owner: { incidentId: null, actorId: person }, bytes: Buffer.from('RESTRINGIDA'), description: 'RESTRINGIDA' });
    const u = await createUser(admin, { email: 'otra-admin@example.org', displayName: 'Otra', role: 'admin', password: 'contraseña-larga-2026' });
    const other = { ...admin, user: { id: u.id, role: 'admin' as const, orgId: u.orgId, displayName: 'Otra' } };
    const mine = await exportWorkspace(admin);
    expect([mine.urgentCases.length, mine.campaigns.length, mine.riskAssessments.length, mine.evidence.length]).toEqual([1, 1, 1, 3]);
    const theirs = await exportWorkspace(other);
    expect([theirs.incidents.length, theirs.urgentCases, theirs.campaigns, theirs.riskAssessments, theirs.evidence.map((e) => e.id)]).toEqual([1, [], [], [], [itemId]]);
    expect(/RESTRINGID/.test(JSON.stringify(theirs))).toBe(false);
    const last = await admin.store.db.selectFrom('audit_events').select('detail').where('action', '=', 'interchange.exported').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(JSON.parse(last.detail!)).toMatchObject({ restrictedLeftOut: 1 });
  });

  it('stops at a stored file that was tampered with, and leaves no partial file behind', async () => {
    const { file_id: fileId } = await admin.store.db.selectFrom('evidence_items').select('file_id').where('id', '=', itemId).executeTakeFirstOrThrow();
    const chunk = await admin.store.db.selectFrom('file_chunks').select('data').where('file_id', '=', fileId).where('idx', '=', 1).executeTakeFirstOrThrow();
    const data = Buffer.from(chunk.data);
    data[100] = data[100]! ^ 0xff;
    await admin.store.db.updateTable('file_chunks').set({ data }).where('file_id', '=', fileId).where('idx', '=', 1).execute();
    const file = join(dir, 'tampered.json');
    await expect(exportToFile(admin, file)).rejects.toThrow();
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    await expect(exportWorkspace(admin)).rejects.toThrow();
    // a file that was there before is never touched
    writeFileSync(join(dir, 'kept.json'), 'x');
    await expect(exportToFile(admin, join(dir, 'kept.json'))).rejects.toMatchObject({ status: 409, code: 'file_exists' });
    expect(readFileSync(join(dir, 'kept.json'), 'utf8')).toBe('x');
  });
});
