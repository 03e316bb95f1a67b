/** Where things are: the repository root and the benchmark's scratch folder. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCRATCH = join(ROOT, '.tmp', 'bench');
export type Backend = 'sqlite' | 'postgres';
export const PG_URL_DEFAULT = 'postgres://postgres@127.0.0.1:5432/test';
