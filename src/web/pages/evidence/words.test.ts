/** Every fixed list of evidence (kinds, custody actions, purposes, platforms) has its words in both catalogues, through the words module; sizes and coordinates read right. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CUSTODY_ACTIONS, CUSTODY_PURPOSES, EVIDENCE_KINDS, PLATFORMS } from '../../../domain/evidence/evidence';
import { coordinates, seenAtValue, shortHash, sizeText, today } from './format';

const here = dirname(fileURLToPath(import.meta.url));
const catalogue = (lang: string) => JSON.parse(readFileSync(join(here, '..', '..', 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>;
const words = readFileSync(join(here, 'words.ts'), 'utf8');

describe('evidence words', () => {
  it('name every kind, custody action, purpose and platform in Spanish and English, through the words module', () => {
    const keys = [
      ...EVIDENCE_KINDS.map((k) => `evidence.kind.${k}`),
      ...CUSTODY_ACTIONS.map((a) => `evidence.custody.${a.slice('evidence.'.length)}`),
      ...CUSTODY_PURPOSES.map((p) => `evidence.purpose.${p}`),
      ...PLATFORMS.map((p) => `evidence.platform.${p}`),
    ];
    expect(keys.length).toBe(EVIDENCE_KINDS.length + CUSTODY_ACTIONS.length + CUSTODY_PURPOSES.length + PLATFORMS.length);
    for (const lang of ['es', 'en']) {
      const cat = catalogue(lang);
      expect(keys.filter((k) => !cat[k]), lang).toEqual([]);
    }
    expect(keys.filter((k) => !words.includes(`'${k}'`))).toEqual([]);
  });

  it('say the Spanish names the organisations use', () => {
    const es = catalogue('es');
    expect(es['evidence.title']).toBe('Pruebas');
    expect(es['evidence.upload.title']).toBe('Adjuntar archivo');
    expect(es['evidence.custody.title']).toBe('Cadena de custodia');
    expect(es['evidence.meta.title']).toBe('Metadatos del original');
    expect(es['evidence.view.title']).toBe('Copia sin metadatos');
    expect(es['evidence.bundle.title']).toBe('Exportar paquete verificable');
    expect(es['evidence.capture.title']).toBe('Preservar amenaza en línea');
  });

  it('write sizes as people read them (Mexican Spanish writes a decimal point too)', () => {
    expect(sizeText(0, 'es')).toBe('0 B');
    expect(sizeText(812, 'es')).toBe('812 B');
    expect(sizeText(1024, 'en')).toBe('1 KB');
    expect(sizeText(14_540, 'es')).toBe('14.2 KB');
    expect(sizeText(14_540, 'en')).toBe('14.2 KB');
    expect(sizeText(3_565_158, 'es')).toBe('3.4 MB');
    expect(sizeText(524_288_000, 'en')).toBe('500 MB');
    expect(sizeText(1_181_116_006, 'en')).toBe('1.1 GB');
  });

  it('keep coordinates as numbers, never rounded', () => {
    expect(coordinates({ lat: 25.421234567, lon: -101.000123 })).toBe('25.421234567, -101.000123');
    expect(coordinates({ lat: 0, lon: 0 })).toBe('0, 0');
  });

  it('shorten hashes and build the seen-on value the API takes', () => {
    expect(shortHash('a'.repeat(64))).toBe('a'.repeat(12));
    expect(seenAtValue('2026-11-28', '')).toBe('2026-11-28');
    expect(seenAtValue('2026-11-28', '21:04')).toBe('2026-11-28T21:04');
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
