/**
 * Errors that mean "the database is not answering right now" (server down, restarting, connection
 * cut, too many clients), as opposed to a bug: the API answers 503 with Retry-After for these.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function databaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    // PostgreSQL SQLSTATE classes 08 (connection exception), 57P (operator intervention: shutdown, restart), 53300 (too many connections)
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300') return true;
  }
  const message = (err as { message?: unknown }).message;
  return typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect/.test(message);
}

/**
 * Errors that mean "another writer got there first": a unique key taken between our check and our
 * insert (two people adding the same e-mail at once on PostgreSQL, whose READ COMMITTED lets both
 * checks pass), a serialization failure or a deadlock the database broke. The request can be
 * sent again; the API answers 409 instead of 500.
 */
export function concurrentWriteConflict(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  // PostgreSQL: 23505 unique_violation, 40001 serialization_failure, 40P01 deadlock_detected
  if (code === '23505' || code === '40001' || code === '40P01') return true;
  // SQLite (one writer, so only a bug could get here — still a conflict, not a crash)
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
