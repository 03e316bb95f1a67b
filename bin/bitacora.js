#!/usr/bin/env node
// The `bitacora` command. Runs the compiled CLI (npm install builds it; `npm run build` rebuilds).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('Bitácora is not built yet: run "npm install" (or "npm run build") in the project folder first.\n');
  process.exit(1);
}
await import(main);
