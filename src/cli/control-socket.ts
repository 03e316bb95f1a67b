/**
 * A local control socket in the data folder (mode 0600) through which `bitacora seal` seals a
 * running server at once. It accepts one command, "seal"; anyone who can reach the data folder
 * could already stop the process, so sealing needs no further secret.
 */
import { createServer, createConnection, type Server } from 'node:net';
import { chmodSync, existsSync, rmSync } from 'node:fs';

export async function listenControlSocket(path: string, onSeal: () => Promise<void>): Promise<Server> {
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
      if (buf.length > 64) { sock.destroy(); return; }
      if (!buf.includes('\n')) return;
      const cmd = buf.trim();
      if (cmd === 'seal') {
        onSeal().then(() => sock.end('sealed\n'), () => sock.end('error\n'));
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

export function sendControlCommand(path: string, command: 'seal', timeoutMs = 5000): Promise<string> {
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
