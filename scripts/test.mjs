#!/usr/bin/env node
// `npm test`: installs what the tests need (Debian's Chromium via apt-get when absent, never a
// downloaded browser), builds server and web app, type-checks, then runs every tier:
// unit + integration (real encrypted store), web catalogue checks, end-to-end in real Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function run(cmd, args, opts = {}) {
  process.stdout.write(`\n$ ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    process.stderr.write(`\n"${cmd} ${args.join(' ')}" failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status || 1);
  }
}

if (!existsSync(CHROMIUM)) {
  process.stdout.write(`Chromium not found at ${CHROMIUM}: installing Debian's package\n`);
  const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : [];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), 'update', '-qq'], { env });
  run(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), 'install', '-y', '-qq', 'chromium'], { env });
}

run('npm', ['run', 'build']);
run('npm', ['run', 'typecheck']);
run('npx', ['vitest', 'run', '--project', 'unit', '--project', 'web']);
run('npx', ['vitest', 'run', '--project', 'e2e']);
process.stdout.write('\nall test tiers passed\n');
