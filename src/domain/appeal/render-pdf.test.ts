/** An appeal's PDF: the letter's text as left, paragraph by paragraph over as many pages as needed; metadata without names. */
import { describe, it, expect } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { renderAppealPdf } from './render-pdf.js';

describe('appeal PDF', () => {
  it('holds the whole letter, accents included, over several pages, and nothing of it in the metadata', async () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) => `Párrafo ${i + 1}: la señora «Defensora Ñ» fue detenida en la garita; ¿dónde está? ${'texto '.repeat(30)}`);
    const pdf = await renderAppealPdf(`${paragraphs.join('\n\n')}\n\nÚltimo párrafo ✓ — fin`, 'es');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Párrafo 1: la señora «Defensora Ñ» fue detenida en la garita; ¿dónde está?');
    expect(text).toContain('Párrafo 120:');
    // a character the standard fonts cannot draw becomes "?"
    expect(text).toContain('Último párrafo ? — fin');
    expect((text.match(/Párrafo \d+:/g) ?? []).length).toBe(120);
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
    expect(doc.numPages).toBeGreaterThan(3);
    const info = (await doc.getMetadata()).info as unknown as Record<string, unknown>;
    expect(info['Title']).toBe('Apelación urgente');
    expect(JSON.stringify(info)).not.toContain('Defensora');
    await doc.destroy();
  });
});
