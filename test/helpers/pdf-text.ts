/** The text of a PDF, page by page, with pdfjs-dist (Apache-2.0; a test dependency only). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(data: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  let out = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) out += item.str + (item.hasEOL ? '\n' : '');
    out += '\n';
  }
  await doc.destroy();
  return out;
}
