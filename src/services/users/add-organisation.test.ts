/** Adding a partner organisation: listed after, a name used already (whatever its case or accents) refused by field, audited by id. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { ServiceContext } from '../context.js';
import { addOrganisation } from './add-organisation.js';

let ws: TestWorkspace;
let admin: ServiceContext;
beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws);
}, 60_000);
afterAll(async () => { await ws?.close(); });

describe('adding an organisation', () => {
  it('adds it, lists it, audits it by id, and refuses the same name again', async () => {
    const org = await addOrganisation(admin, 'Al Otro Lado — Tijuana');
    expect((await admin.store.users.organisations()).map((o) => o.name)).toContain('Al Otro Lado — Tijuana');
    const audit = await admin.store.db.selectFrom('audit_events').select(['action', 'target_id']).where('action', '=', 'organisation.added').execute();
    expect(audit).toEqual([{ action: 'organisation.added', target_id: org.id }]);
    await expect(addOrganisation(admin, 'al otro lado - TIJUANA')).rejects.toMatchObject({ status: 400, problems: [{ path: 'name', code: 'organisation_exists' }] });
    await expect(addOrganisation(admin, 'ÁL OTRO LADO TIJUANA')).rejects.toMatchObject({ problems: [{ path: 'name' }] });
  });
});
