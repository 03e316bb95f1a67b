/**
 * Keeps the architecture honest: docs/ARCHITECTURE.md's annotated tree matches the folders that
 * exist, layers import only what they may, and ciphers are touched only in src/crypto.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { out.push(`${relative(ROOT, p)}/`); walk(p, out); }
    else out.push(relative(ROOT, p));
  }
  return out;
}

/** Reads the indented tree in the first ```tree block: two spaces per level, names ending in / are folders. */
function treeEntries(md: string): string[] {
  const block = /```tree\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of block.split('\n')) {
    if (!line.trim()) continue;
    const depth = (line.length - line.trimStart().length) / 2;
    const name = line.trim().split(/\s+/)[0]!;
    if (!/\/$|\.[a-z]+$/.test(name)) continue; // a wrapped annotation, not an entry
    stack.length = depth;
    const path = stack.join('') + name;
    out.push(path);
    if (name.endsWith('/')) stack[depth] = name;
  }
  return out;
}

describe('architecture', () => {
  const md = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const entries = treeEntries(md);

  it('ARCHITECTURE.md lists every folder of the project, and nothing that does not exist', () => {
    const folders = ['src', 'test', 'bench', 'docs', 'scripts', 'bin'].filter((d) => existsSync(join(ROOT, d))).flatMap((d) => [`${d}/`, ...walk(join(ROOT, d)).filter((p) => p.endsWith('/'))]);
    for (const f of folders) expect(entries, `${f} is missing from docs/ARCHITECTURE.md`).toContain(f);
    for (const e of entries) expect(existsSync(join(ROOT, e)), `${e} is in docs/ARCHITECTURE.md but does not exist`).toBe(true);
  });

  const sources = walk(join(ROOT, 'src')).filter((p) => /\.(ts|tsx)$/.test(p) && !/\.test\.tsx?$/.test(p));
  const importsOf = (file: string) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/(?:import|export)[^'"]*from\s+'([^']+)'/g)].map((m) => m[1]!);

  it('domain code imports nothing from http, store, services, web or crypto', () => {
    for (const f of sources.filter((p) => p.startsWith('src/domain/'))) {
      for (const i of importsOf(f)) expect(/\/(http|store|services|web|crypto|cli)\//.test(i) || i.startsWith('fastify') || i.startsWith('kysely'), `${f} imports ${i}`).toBe(false);
    }
  });

  it('services do not depend on HTTP or the CLI; the store does not depend on services or HTTP', () => {
    for (const f of sources.filter((p) => p.startsWith('src/services/'))) for (const i of importsOf(f)) expect(/\/(http|cli|web)\/|^fastify/.test(i), `${f} imports ${i}`).toBe(false);
    for (const f of sources.filter((p) => p.startsWith('src/store/'))) for (const i of importsOf(f)) expect(/\/(http|cli|web|services)\/|^fastify/.test(i), `${f} imports ${i}`).toBe(false);
  });

  it('ciphers and key derivation appear only in src/crypto', () => {
    const all = walk(join(ROOT, 'src')).filter((p) => /\.(ts|tsx)$/.test(p));
    for (const f of all.filter((p) => !p.startsWith('src/crypto/'))) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      expect(/createCipheriv|createDecipheriv|pbkdf2|scrypt|hkdfSync|@node-rs\/argon2/.test(text), `${f} uses a cipher or KDF outside src/crypto`).toBe(false);
    }
  });

  it('the web app has no third-party origin in its code', () => {
    const web = walk(join(ROOT, 'src', 'web')).filter((p) => /\.(ts|tsx|html|css)$/.test(p) && !p.endsWith('.test.ts'));
    for (const f of web) expect(/https?:\/\/(?!127\.0\.0\.1|localhost)[a-z]/i.test(readFileSync(join(ROOT, f), 'utf8')), `${f} names an external origin`).toBe(false);
  });
});
