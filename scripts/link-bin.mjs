#!/usr/bin/env node
// Makes `npx bitacora …` work inside the checkout: npm links the bins of dependencies into
// node_modules/.bin but not the project's own, so we link ours there (run by `npm install`).
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binDir = join(root, 'node_modules', '.bin');
mkdirSync(binDir, { recursive: true });
const link = join(binDir, 'bitacora');
rmSync(link, { force: true });
symlinkSync(join('..', '..', 'bin', 'bitacora.js'), link);
