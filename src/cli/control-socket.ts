/**
 * A local control socket in the data folder (mode 0600, in a 0700 folder) through which the CLI
 * talks to a running server: "seal" seals it at once (anyone who can reach the data folder could
 * already stop the process, so sealing needs no further secret); "unseal <base64 JSON>" carries a
 * passphrase or recovery key typed at the server's own keyboard.
 */
import { createServer, createConnection, type Server } from 'node:net';
import { chmodSync, existsSync, rmSync } from 'node:fs';

export type UnsealRequest = { passphrase: string } | { recoveryKey: string };

export async function listenControlSocket(path: string, onSeal: () => Promise<void>, onUnseal: (secret: UnsealRequest) => Promise<'unsealed' | 'wrong secret'>, onBackup?: (file: string) => Promise<string>, onRotateKeys?: () => Promise<string>): Promise<Server> {
  if (existsSync(path)) {
    const alive = await new Promise<boolean>((resolve) => {
      const c = createConnection(path);
      c.on('connect', () => { c.destroy(); resolve(true); });
      c.on('error', () => resolve(false));
    });
    if (alive) throw new Error('another Bitácora server is already running on this data folder');
    rmSync(path, { force: true });
  }
  const server = createServer((sock) => {
    sock.setEncoding('utf8');
    let buf = '';
    sock.on('data', (d: string) => {
      buf += d;
      if (buf.length > 8192) { sock.destroy(); return; }
      if (!buf.includes('\n')) return;
      const line = buf.slice(0, buf.indexOf('\n')).trim();
      buf = '';
      if (line === 'seal') {
        onSeal().then(() => sock.end('sealed\n'), () => sock.end('error\n'));
      } else if (line.startsWith('unseal ')) {
        let secret: UnsealRequest | null = null;
        try {
          const v = JSON.parse(Buffer.from(line.slice(7), 'base64').toString('utf8')) as Record<string, unknown>;
          if (typeof v['passphrase'] === 'string') secret = { passphrase: v['passphrase'] };
          else if (typeof v['recoveryKey'] === 'string') secret = { recoveryKey: v['recoveryKey'] };
        } catch { /* answered below */ }
        if (!secret) { sock.end('bad request\n'); return; }
        onUnseal(secret).then((r) => sock.end(`${r}\n`), () => sock.end('error\n'));
      } else if (line.startsWith('backup ') && onBackup) {
        // "backup <base64 of an absolute path>": the server writes an encrypted backup there (src/cli/backup-command.ts).
        const file = Buffer.from(line.slice(7), 'base64').toString('utf8');
        if (!file.startsWith('/') || file.includes('\0')) { sock.end('bad request\n'); return; }
        onBackup(file).then((r) => sock.end(`${r}\n`), () => sock.end('error\n'));
      } else if (line === 'rotate-keys' && onRotateKeys) {
        // the server rotates the field keys itself while it keeps serving (src/cli/keys-command.ts)
        onRotateKeys().then((r) => sock.end(`${r}\n`), () => sock.end('error\n'));
      } else sock.end('unknown command\n');
    });
    sock.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return server;
}

export function unsealCommand(secret: UnsealRequest): string {
  return `unseal ${Buffer.from(JSON.stringify(secret), 'utf8').toString('base64')}`;
}

export function sendControlCommand(path: string, command: string, timeoutMs = 15000): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = createConnection(path);
    let out = '';
    const timer = setTimeout(() => { c.destroy(); reject(new Error('the server did not answer')); }, timeoutMs);
    c.setEncoding('utf8');
    c.on('connect', () => c.write(`${command}\n`));
    c.on('data', (d: string) => { out += d; });
    c.on('end', () => { clearTimeout(timer); resolve(out.trim()); });
    c.on('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

/** Whether a Bitácora server answers on this control socket. */
export function isServerRunning(path: string): Promise<boolean> {
  if (!existsSync(path)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const c = createConnection(path);
    c.on('connect', () => { c.destroy(); resolve(true); });
    c.on('error', () => resolve(false));
  });
}
