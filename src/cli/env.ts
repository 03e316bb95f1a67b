/** Reads the CLI's settings from the environment, with clear messages for what is missing. */
import { DataFolder } from '../store/embedded/data-folder.js';
import type { StoreBackend } from '../store/backend/store-backend.js';
import { sqliteBackend } from '../store/backend/sqlite-backend.js';
import { postgresBackend } from '../store/backend/postgres-backend.js';

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

/**
 * Where the data lives: PostgreSQL when DATABASE_URL is set (server mode, optionally confined to
 * BITACORA_PG_SCHEMA), otherwise the encrypted SQLite file in the data folder. The keyring stays in
 * the data folder either way (docs/server.md).
 */
export function storeBackendFromEnv(folder: DataFolder, env = process.env): StoreBackend {
  const url = env['DATABASE_URL'];
  if (!url) return sqliteBackend(folder);
  if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  const schema = env['BITACORA_PG_SCHEMA'] || undefined;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new UsageError('BITACORA_PG_SCHEMA: lowercase letters, digits and _ only (at most 63)');
  const max = env['BITACORA_PG_POOL'] ? Number(env['BITACORA_PG_POOL']) : undefined;
  if (max !== undefined && (!Number.isInteger(max) || max < 2 || max > 200)) throw new UsageError('BITACORA_PG_POOL: a whole number from 2 to 200');
  return postgresBackend({ connectionString: url, ...(schema ? { schema } : {}), ...(max ? { max } : {}) });
}

/** The control socket the CLI uses to reach a running server; several servers on one data folder each need their own. */
export function controlSocketFromEnv(folder: DataFolder, env = process.env): string {
  return env['BITACORA_CONTROL_SOCKET'] || folder.controlSocketPath;
}
