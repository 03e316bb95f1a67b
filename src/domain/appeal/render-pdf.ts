/**
 * An urgent appeal's letter as a PDF (pdfkit, standard fonts, like the report: render-pdf.ts
 * beside it). Only the letter's text reaches the file — as the drafter left it — and the metadata
 * holds the kind of document and "Bitácora", never a name or a reference.
 */
import PDFDocument from 'pdfkit';
import { winAnsi } from '../report/render-pdf.js';
import type { AppealLang } from './bodies.js';
import { appealTitle } from './letter.js';

const MARGIN = 64;

export function renderAppealPdf(letter: string, lang: AppealLang): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: appealTitle(lang), Creator: 'Bitácora', Producer: 'Bitácora' }, lang });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica').fontSize(11).fillColor('#000');
  // paragraph by paragraph, so a long letter breaks between paragraphs where it can
  for (const para of letter.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const text = winAnsi(para);
    if (doc.y + Math.min(doc.heightOfString(text, { width }), 120) > doc.page.height - MARGIN) doc.addPage();
    doc.text(text, MARGIN, doc.y, { width, lineGap: 2 });
    doc.moveDown(0.8);
  }
  doc.end();
  return done;
}
