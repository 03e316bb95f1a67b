#!/usr/bin/env node
// `npm test`: installs what the tests need (Debian's Chromium via apt-get when absent, never a
// downloaded browser), builds server and web app, type-checks, then runs every tier:
// unit + integration (real encrypted store), web catalogue checks, end-to-end in real Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

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

// each tier also writes a JSON report, so the run can end with one plain count
const reports = '.tmp/test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const tier = (name, projects) => run('npx', ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/${name}.json`]);
tier('unit-web', ['unit', 'web']);
tier('e2e', ['e2e']);

let passed = 0;
let failed = 0;
for (const name of ['unit-web', 'e2e']) {
  const r = JSON.parse(readFileSync(`${reports}/${name}.json`, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
if (passed === 0) {
  process.stderr.write('no test ran\n');
  process.exit(1);
}
process.stdout.write(`\nall test tiers passed\n${passed} passed, ${failed} failed\n`);
