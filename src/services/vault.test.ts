import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFolder } from '../store/embedded/data-folder.js';
import { Vault } from './vault.js';

const input = { workspaceName: 'Red', organisationName: 'Casa', language: 'es' as const, passphrase: 'frase de paso de prueba', admin: { email: 'a@example.org', displayName: 'A', password: 'contraseña-larga-1' } };

function tempVault() {
  const dir = mkdtempSync(join(tmpdir(), 'bitacora-vault-'));
  return { dir, vault: new Vault(new DataFolder(dir)), done: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('vault', () => {
  it('goes uninitialised → unsealed (setup) → sealed → unsealed with the passphrase or the recovery key', async () => {
    const { vault, dir, done } = tempVault();
    try {
      expect(vault.state()).toBe('uninitialised');
      expect(() => vault.runtime()).toThrow(/sealed/);
      const { recoveryKey } = await vault.setup(input);
      expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
      expect(vault.state()).toBe('unsealed');
      expect((await vault.runtime().store.users.list()).map((u) => u.role)).toEqual(['admin']);
      expect(vault.runtime().vocab.status('act', 'threat')).toBe('active');
      await vault.seal();
      expect(vault.state()).toBe('sealed');
      await expect(vault.unseal({ passphrase: 'no es la frase' })).rejects.toMatchObject({ status: 401 });
      expect(vault.state()).toBe('sealed');
      await vault.unseal({ recoveryKey });
      expect(vault.state()).toBe('unsealed');
      await vault.seal();
      await vault.unseal({ passphrase: input.passphrase });
      expect(vault.state()).toBe('unsealed');
      await expect(vault.setup(input)).rejects.toMatchObject({ status: 409 });
      await vault.seal();
      await vault.seal(); // sealing twice is fine
      expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    } finally {
      done();
    }
  });

  it('a setup that fails leaves nothing behind and can be tried again', async () => {
    const { vault, dir, done } = tempVault();
    try {
      await expect(vault.setup({ ...input, passphrase: 'corta' })).rejects.toThrow();
      expect(vault.state()).toBe('uninitialised');
      expect(existsSync(join(dir, 'bitacora.db'))).toBe(false);
      expect(existsSync(join(dir, 'keyring.json'))).toBe(false);
      await vault.setup(input);
      expect(vault.state()).toBe('unsealed');
      await vault.seal();
    } finally {
      done();
    }
  });

  it('sealing drops every session, and unsealing drops any left over', async () => {
    const { vault, done } = tempVault();
    try {
      await vault.setup(input);
      const rt = vault.runtime();
      const u = (await rt.store.users.list())[0]!;
      await rt.store.sessions.insert({ id: 'x'.repeat(64), user_id: u.id, csrf: 'c', created_at: 'a', last_seen_at: 'a', expires_at: '9999', user_agent: null });
      let sealedSeen = false;
      vault.onSeal(() => { sealedSeen = true; });
      await vault.seal();
      expect(sealedSeen).toBe(true);
      await vault.unseal({ passphrase: input.passphrase });
      expect(await vault.runtime().store.sessions.byId('x'.repeat(64))).toBeUndefined();
      await vault.seal();
    } finally {
      done();
    }
  });
});
