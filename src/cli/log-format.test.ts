import { describe, it, expect } from 'vitest';
import { formatLogLine, logFormatFromEnv, makeLogger } from './log-format.js';

describe('server log lines', () => {
  it('are JSON lines with time, level, message and fields', () => {
    const line = formatLogLine('json', '2026-11-28T10:00:00.000Z', 'request', { method: 'GET', route: '/api/v1/incidents/:id', status: 200, ms: 3 });
    expect(JSON.parse(line)).toEqual({ time: '2026-11-28T10:00:00.000Z', level: 'info', msg: 'request', method: 'GET', route: '/api/v1/incidents/:id', status: 200, ms: 3 });
    expect(JSON.parse(formatLogLine('json', 't', 'error', { error: 'TypeError' })).level).toBe('error');
  });

  it('or plain text for a terminal, quoting values with spaces', () => {
    expect(formatLogLine('text', 't', 'backup failed (io)', { why: 'disk full' })).toBe('t backup failed (io) why="disk full"');
  });

  it('follow BITACORA_LOG_FORMAT, else JSON unless stderr is a terminal', () => {
    expect(logFormatFromEnv({ BITACORA_LOG_FORMAT: 'text' }, false)).toBe('text');
    expect(logFormatFromEnv({}, false)).toBe('json');
    expect(logFormatFromEnv({}, true)).toBe('text');
  });

  it('--quiet drops request lines but keeps the rest', () => {
    const lines: string[] = [];
    const log = makeLogger({ quiet: true, format: 'json', write: (l) => lines.push(l) });
    log('request', { status: 200 });
    log('sealed from the command line');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['sealed from the command line']);
  });
});
