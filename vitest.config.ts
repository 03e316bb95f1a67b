import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tiers: unit + integration (real encrypted store, fastify.inject), web, e2e (real Chromium); the
// suites that touch the store run a second time on PostgreSQL (`-postgres` projects, ADR 0012):
// every test workspace then lives in its own fresh schema (test/helpers/backend.ts). What is left out
// there is about the embedded file itself (its encryption, temp files, SQLite backups) or pure code.
const EMBEDDED_ONLY = [
  'src/services/vault.test.ts', // setup/failure leftovers in the data folder (the PostgreSQL vault: src/services/cluster)
  'src/services/backup/**', // backups are of the embedded file (server mode uses PostgreSQL's tools)
  'test/integration/backup.test.ts',
  'test/security/at-rest.test.ts', // the encrypted SQLite file (PostgreSQL: the operator's volume encryption)
  'test/security/temp-files.test.ts', // SQLite temp files
  'test/security/crypto-inventory.test.ts', // reads source files only
];
const postgresEnv = { BITACORA_TEST_BACKEND: 'postgres' };
const e2e = {
  include: ['test/e2e/**/*.test.ts'],
  environment: 'node' as const,
  testTimeout: 180_000,
  hookTimeout: 180_000,
  pool: 'forks' as const,
  maxWorkers: 1,
  fileParallelism: false,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/security/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'test/*.test.ts'],
          exclude: ['src/web/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'unit-postgres',
          include: ['src/services/**/*.test.ts', 'src/store/stats/**/*.test.ts', 'src/store/search/memory-index/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/security/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
          // cluster tests and two-processes run on PostgreSQL in the `unit` project already; reading import files
          // and the compiled view-copy worker touch no database
          exclude: [
            'src/services/cluster/**', 'test/integration/two-processes.test.ts', 'test/integration/checkin-two-processes.test.ts', ...EMBEDDED_ONLY,
            'src/services/import/{csv-records,detect-*,read-*,xlsx-*}.test.ts', 'test/fuzz/import-table.fuzz.test.ts', 'test/integration/view-copy-worker.test.ts',
          ],
          env: postgresEnv,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        // the web app's build-time catalogue module, for unit tests of web code that calls t()
        resolve: { alias: { 'virtual:i18n-boot': fileURLToPath(new URL('./test/helpers/i18n-boot.ts', import.meta.url)) } },
        test: {
          name: 'web',
          include: ['src/web/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      // runs after the other tiers, one file at a time (one browser, one server at a time)
      { test: { name: 'e2e', sequence: { groupOrder: 1 }, ...e2e } },
      {
        test: {
          // SIGKILL of real servers and imports, 50 times per backend (both backends in one file)
          name: 'crash',
          sequence: { groupOrder: 3 },
          include: ['test/crash/**/*.test.ts'],
          environment: 'node',
          testTimeout: 1_200_000,
          hookTimeout: 180_000,
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
      { test: { name: 'e2e-postgres', sequence: { groupOrder: 2 }, env: postgresEnv, ...e2e } },
    ],
  },
});
