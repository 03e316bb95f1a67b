/**
 * The message catalogues: Spanish and English hold the same keys, every message is valid ICU
 * MessageFormat with the same arguments in both languages, and every key the code asks for
 * with t('…') exists.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';

/** Element kinds of the ICU syntax tree (as in @formatjs/icu-messageformat-parser). */
const TYPE = { argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, tag: 8 } as const;
interface MessageFormatElement {
  type: number;
  value?: unknown;
  options?: Record<string, { value: MessageFormatElement[] }>;
  children?: MessageFormatElement[];
}
const parse = (msg: string): MessageFormatElement[] => new IntlMessageFormat(msg, 'en').getAst() as unknown as MessageFormatElement[];

const here = dirname(fileURLToPath(import.meta.url));
const webRoot = join(here, '..');
const es = JSON.parse(readFileSync(join(here, 'es.json'), 'utf8')) as Record<string, string>;
const en = JSON.parse(readFileSync(join(here, 'en.json'), 'utf8')) as Record<string, string>;

/** The names of the arguments a message uses, with their kind (plain, number, plural …). */
function argumentsOf(elements: MessageFormatElement[], out = new Map<string, string>()): Map<string, string> {
  for (const el of elements) {
    const name = String(el.value);
    switch (el.type) {
      case TYPE.argument: out.set(name, out.get(name) ?? 'argument'); break;
      case TYPE.number: out.set(name, 'number'); break;
      case TYPE.date: out.set(name, 'date'); break;
      case TYPE.time: out.set(name, 'time'); break;
      case TYPE.plural:
      case TYPE.select:
        out.set(name, el.type === TYPE.plural ? 'plural' : 'select');
        for (const o of Object.values(el.options ?? {})) argumentsOf(o.value, out);
        break;
      case TYPE.tag: argumentsOf(el.children ?? [], out); break;
      default: break;
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

describe('message catalogues', () => {
  it('have the same keys in Spanish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
  });

  it('hold only non-empty messages that parse as ICU MessageFormat', () => {
    for (const [lang, cat] of [['es', es], ['en', en]] as const) {
      for (const [key, msg] of Object.entries(cat)) {
        expect(msg.trim(), `${lang} ${key} is empty`).not.toBe('');
        expect(() => parse(msg), `${lang} ${key} does not parse`).not.toThrow();
        expect(() => new IntlMessageFormat(msg, lang), `${lang} ${key} does not compile`).not.toThrow();
      }
    }
  });

  it('use the same arguments, of the same kind, in both languages', () => {
    for (const key of Object.keys(es)) {
      const a = Object.fromEntries(argumentsOf(parse(es[key]!)));
      const b = Object.fromEntries(argumentsOf(parse(en[key]!)));
      expect(b, `arguments of ${key}`).toEqual(a);
    }
  });

  it('format plurals in both languages', () => {
    expect(new IntlMessageFormat(es['list.count']!, 'es').format({ count: 1 })).toBe('1 incidente');
    expect(new IntlMessageFormat(es['list.count']!, 'es').format({ count: 1234 })).toBe('1234 incidentes');
    expect(new IntlMessageFormat(en['list.count']!, 'en').format({ count: 2 })).toBe('2 incidents');
    expect(new IntlMessageFormat(en['list.count']!, 'en').format({ count: 0 })).toBe('No incidents');
  });

  it('contain every key the code uses', () => {
    const used = new Map<string, string>();
    for (const file of sourceFiles(webRoot)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) used.set(m[1]!, file.slice(webRoot.length + 1));
      // keys must be literal: a computed key cannot be checked
      expect(text, `${file} calls t() with a computed key`).not.toMatch(/\bt\(\s*[`"]/);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used.entries()].filter(([k]) => !(k in es) || !(k in en)).map(([k, f]) => `${k} (${f})`);
    expect(missing).toEqual([]);
  });

  it('keep no key that the code no longer uses', () => {
    const used = new Set<string>();
    // a key counts as used when the code names it: in t('…') or as a literal in a table of keys
    for (const file of sourceFiles(webRoot)) for (const m of readFileSync(file, 'utf8').matchAll(/'([A-Za-z][\w]*(?:\.[\w]+)+)'/g)) used.add(m[1]!);
    expect(Object.keys(es).filter((k) => !used.has(k))).toEqual([]);
  });
});
