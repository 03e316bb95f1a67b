/**
 * The server's log: one event per line on stderr. JSON lines (time, level, msg, fields) for log
 * collectors, or a plain line for a person at a terminal: `BITACORA_LOG_FORMAT=json|text`, default
 * json unless stderr is a terminal. Fields are route patterns, status codes, durations, request ids
 * and error names — never URLs with values, bodies, search words, e-mails or addresses.
 */
import type { LogFields, LogFn } from '../http/server.js';

export type LogFormat = 'json' | 'text';

export function logFormatFromEnv(env = process.env, isTty = process.stderr.isTTY === true): LogFormat {
  const v = env['BITACORA_LOG_FORMAT'];
  if (v === 'json' || v === 'text') return v;
  return isTty ? 'text' : 'json';
}

const ERROR_MESSAGES = new Set(['error', 'database unavailable']);

export function formatLogLine(format: LogFormat, time: string, msg: string, fields: LogFields = {}): string {
  const level = ERROR_MESSAGES.has(msg) || msg.includes('failed') ? 'error' : 'info';
  if (format === 'json') return JSON.stringify({ time, level, msg, ...fields });
  const rest = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : String(v)}`);
  return [time, msg, ...rest].join(' ');
}

export function makeLogger(opts: { quiet?: boolean; format: LogFormat; write?: (line: string) => void }): LogFn {
  const write = opts.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  return (msg, fields) => {
    // --quiet drops the request log only; state changes and errors are always written
    if (opts.quiet && msg === 'request') return;
    write(formatLogLine(opts.format, new Date().toISOString(), msg, fields));
  };
}
