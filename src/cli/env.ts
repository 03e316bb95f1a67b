/** Reads the CLI's settings from the environment, with clear messages for what is missing. */
import { DataFolder } from '../store/embedded/data-folder.js';

export function dataFolderFromEnv(): DataFolder {
  return new DataFolder(process.env['BITACORA_DATA_DIR'] || './data');
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function requireEnv(name: string, why: string): string {
  const v = process.env[name];
  if (!v) throw new UsageError(`${name} is not set: ${why}`);
  return v;
}
