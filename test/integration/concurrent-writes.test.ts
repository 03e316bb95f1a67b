/**
 * Writes racing each other get a clear answer, never a 500: several administrators adding the same
 * e-mail at the same moment (on PostgreSQL every check "is this e-mail free?" can pass before any
 * insert commits; the unique key then refuses all but one, which the API answers as 409).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, Client, type TestWorkspace } from '../helpers/api.js';

let ws: TestWorkspace;
let admin: Client;

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
});
afterAll(async () => {
  await ws?.close();
});

describe('concurrent writes', () => {
  it('the same e-mail added eight times at once: one account, the others 409', async () => {
    const add = () => admin.req('POST', '/api/v1/users', { email: 'same@example.org', displayName: 'Same', role: 'documenter', password: 'temporal-12345' });
    const answers = await Promise.all(Array.from({ length: 8 }, add));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(7);
    for (const r of answers.filter((x) => x.statusCode === 409)) expect((r.json() as { error: string }).error).toBe('conflict');
    expect(ws.logs.filter((l) => l.startsWith('error '))).toEqual([]);
  });
});
