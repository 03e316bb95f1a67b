#!/usr/bin/env node
// `npm test`: installs what the tests need (Debian's Chromium via apt-get when absent, never a
// downloaded browser), builds server and web app, type-checks, then runs every tier:
// unit + integration (real encrypted store), web catalogue checks, end-to-end in real Chromium —
// the store-touching tiers twice: on the embedded store and on PostgreSQL.
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

// PostgreSQL for the PostgreSQL half of the suite (127.0.0.1:5432, database `test`, trust auth for
// local TCP). Never skipped: started, or installed from Debian's package and started, when absent.
function postgresAnswers() {
  const r = spawnSync(process.execPath, ['-e', `require('net').connect(5432, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))`]);
  return r.status === 0;
}
if (!process.env.TEST_DATABASE_URL && !postgresAnswers()) {
  const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : [];
  const as = (args) => run(sudo[0] ?? args[0], [...(sudo.length ? args : args.slice(1))], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync('/usr/lib/postgresql')) {
    process.stdout.write('PostgreSQL not found: installing Debian\'s package\n');
    as(['apt-get', 'update', '-qq']);
    as(['apt-get', 'install', '-y', '-qq', 'postgresql']);
  }
  const version = spawnSync('ls', ['/usr/lib/postgresql']).stdout.toString().trim().split('\n').pop();
  const hba = `/etc/postgresql/${version}/main/pg_hba.conf`;
  if (existsSync(hba) && !readFileSync(hba, 'utf8').includes('# bitacora tests')) {
    as(['sh', '-c', `printf '%s\\n' '# bitacora tests' 'host all postgres 127.0.0.1/32 trust' | cat - ${hba} > ${hba}.new && mv ${hba}.new ${hba} && chown postgres:postgres ${hba}`]);
  }
  as(['pg_ctlcluster', version, 'main', 'start']);
  for (let i = 0; i < 30 && !postgresAnswers(); i++) spawnSync('sleep', ['1']);
  if (!postgresAnswers()) {
    process.stderr.write('PostgreSQL does not answer on 127.0.0.1:5432; the PostgreSQL half of the tests cannot run\n');
    process.exit(1);
  }
  spawnSync('su', ['postgres', '-c', 'createdb test'], { stdio: 'ignore' });
}

run('npm', ['run', 'build']);
run('npm', ['run', 'typecheck']);

// each tier also writes a JSON report, so the run can end with one plain count
const reports = '.tmp/test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const tier = (name, projects) => run('npx', ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/${name}.json`]);
// the matrix (ADR 0012): the suites that touch the store run on the embedded store, then on PostgreSQL
const tiers = [
  ['unit-web', ['unit', 'web']],
  ['unit-postgres', ['unit-postgres']],
  ['e2e', ['e2e']],
  ['e2e-postgres', ['e2e-postgres']],
  // crash safety: SIGKILLs during writes and imports, 50 per backend
  ['crash', ['crash']],
];
for (const [name, projects] of tiers) tier(name, projects);

let passed = 0;
let failed = 0;
for (const [name] of tiers) {
  const r = JSON.parse(readFileSync(`${reports}/${name}.json`, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
if (passed === 0) {
  process.stderr.write('no test ran\n');
  process.exit(1);
}
process.stdout.write(`\nall test tiers passed\n${passed} passed, ${failed} failed\n`);
