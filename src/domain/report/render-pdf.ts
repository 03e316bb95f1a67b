/**
 * The report as a PDF, made in this process with pdfkit (MIT) and its standard fonts (Helvetica,
 * WinAnsi: Spanish accents, ñ, ¿ ¡ « » — characters outside it become "?"). Charts are drawn with
 * the same layout as the HTML's SVG (bar-layout.ts); every chart is followed by its table. Nothing
 * but the model's text reaches the file; its metadata holds the title and "Bitácora" only.
 */
import PDFDocument from 'pdfkit';
import type { ReportChart, ReportModel } from './model.js';
import { barLayout } from './bar-layout.js';
import { w } from './words.js';
import type { StateMapDrawing } from './state-map.js';

const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
/** Text the standard fonts can draw: NFC, WinAnsi characters kept, anything else "?". */
export function winAnsi(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    out += c === 10 || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.includes(ch) ? ch : c === 9 ? ' ' : '?';
  }
  return out;
}

const MARGIN = 50;
type Doc = PDFKit.PDFDocument;

function ensure(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function heading(doc: Doc, s: string, size: number): void {
  ensure(doc, size * 3);
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor('#000').text(winAnsi(s), MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
}

function para(doc: Doc, s: string, opts: PDFKit.Mixins.TextOptions = {}): void {
  doc.font('Helvetica').fontSize(10).fillColor('#000').text(winAnsi(s), MARGIN + (opts.indent ?? 0), doc.y, { width: doc.page.width - 2 * MARGIN - (opts.indent ?? 0), ...opts, indent: 0 });
  doc.moveDown(0.3);
}

/** A table: first column left, the others right-aligned numbers. */
/** The states shaded by count (state-map.ts), scaled to the page's width, then its legend. */
function stateMap(doc: Doc, d: StateMapDrawing, lang: 'es' | 'en'): void {
  const width = doc.page.width - 2 * MARGIN;
  const scale = width / d.width;
  const height = d.height * scale;
  if (doc.y + height + 60 > doc.page.height - MARGIN) doc.addPage();
  heading(doc, w(lang, 'mapTitle'), 12);
  const top = doc.y;
  doc.save();
  doc.translate(MARGIN, top).scale(scale);
  for (const s of d.shapes) doc.path(s.d).lineWidth(0.5 / scale).fillAndStroke(s.shade, '#555555');
  doc.restore();
  doc.x = MARGIN;
  doc.y = top + height + 6;
  const legend = [{ label: w(lang, 'mapNone'), shade: '#ffffff' }, ...d.legend.map((l) => ({ label: l.from === l.to ? `${l.from}` : `${l.from}–${l.to}`, shade: l.shade }))];
  let x = MARGIN;
  const y = doc.y;
  for (const l of legend) {
    doc.rect(x, y, 10, 10).lineWidth(0.5).fillAndStroke(l.shade, '#555555');
    doc.fillColor('#000').font('Helvetica').fontSize(9).text(winAnsi(l.label), x + 14, y + 1, { lineBreak: false });
    x += 24 + doc.widthOfString(winAnsi(l.label));
  }
  doc.x = MARGIN;
  doc.y = y + 18;
}

function table(doc: Doc, head: string[], rows: string[][]): void {
  const width = doc.page.width - 2 * MARGIN;
  const first = head.length > 2 ? width * 0.5 : width * 0.7;
  const rest = (width - first) / Math.max(1, head.length - 1);
  const x = (i: number) => MARGIN + (i === 0 ? 0 : first + (i - 1) * rest);
  const line = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(winAnsi(c), { width: (i === 0 ? first : rest) - 6 }))) + 4;
    ensure(doc, h);
    const y = doc.y;
    cells.forEach((c, i) => doc.text(winAnsi(c), x(i) + 3, y + 2, { width: (i === 0 ? first : rest) - 6, align: i === 0 ? 'left' : 'right' }));
    doc.moveTo(MARGIN, y + h).lineTo(MARGIN + width, y + h).lineWidth(0.5).strokeColor('#666').stroke();
    doc.x = MARGIN;
    doc.y = y + h;
  };
  line(head, true);
  for (const r of rows) line(r, false);
  doc.moveDown(0.5);
}

function chart(doc: Doc, c: ReportChart, lang: 'es' | 'en'): void {
  heading(doc, c.title, 12);
  if (!c.rows.length) return para(doc, w(lang, 'noData'));
  const l = barLayout(c.rows, c.compared, doc.page.width - 2 * MARGIN);
  for (const b of l.bars) {
    ensure(doc, l.rowHeight);
    const y = doc.y;
    doc.font('Helvetica').fontSize(8).fillColor('#000').text(winAnsi(b.label), MARGIN, y + 3, { width: l.labelWidth, align: 'right', lineBreak: false, height: 10, ellipsis: true });
    doc.rect(MARGIN + l.barX, y + 2, Math.max(b.width, 1), 11).fill('#333');
    doc.font('Helvetica-Bold').fontSize(8).fillColor('#000').text(String(b.value), MARGIN + l.barX + b.width + 4, y + 3, { lineBreak: false });
    if (b.beforeWidth !== undefined) {
      doc.rect(MARGIN + l.barX, y + 16, Math.max(b.beforeWidth, 1), 6).lineWidth(0.8).strokeColor('#222').stroke();
      doc.font('Helvetica').fontSize(7).text(String(b.before), MARGIN + l.barX + b.beforeWidth + 4, y + 15, { lineBreak: false });
    }
    doc.x = MARGIN;
    doc.y = y + l.rowHeight;
  }
  doc.moveDown(0.4);
  if (c.compared) para(doc, lang === 'es' ? 'Barra llena: periodo del informe; barra hueca: periodo anterior.' : 'Filled bar: report period; hollow bar: previous period.');
  const head = c.compared ? [w(lang, 'value'), w(lang, 'before'), w(lang, 'recent'), w(lang, 'change')] : [w(lang, 'bucket'), w(lang, 'incidents')];
  table(doc, head, c.rows.map((r) => (c.compared ? [r.label, String(r.before ?? 0), String(r.value), r.change ?? ''] : [r.label, String(r.value)])));
  if (c.note) para(doc, c.note);
}

export function renderPdf(m: ReportModel, opts: { stateMap?: StateMapDrawing | null } = {}): Promise<Buffer> {
  const lang = m.lang;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: winAnsi(m.title), Creator: 'Bitácora', Producer: 'Bitácora' }, lang });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  para(doc, `${w(lang, 'networkReport')} · ${m.workspace}`);
  doc.font('Helvetica-Bold').fontSize(20).text(winAnsi(m.title), { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.5);
  for (const [k, v] of [[w(lang, 'period'), m.period], [w(lang, 'previousPeriod'), m.previousPeriod], [w(lang, 'filters'), m.criteria.join('; ')], [w(lang, 'generatedOn'), m.generatedOn]] as const) {
    para(doc, `${k}: ${v}`);
  }
  heading(doc, w(lang, 'keyFigures'), 15);
  table(doc, ['', w(lang, 'before'), w(lang, 'recent'), w(lang, 'change')], m.figures.map((f) => [f.label, f.before, f.value, f.change]));
  heading(doc, w(lang, 'charts'), 15);
  para(doc, w(lang, 'chartNote'));
  for (const c of m.charts) chart(doc, c, lang);
  if (opts.stateMap) stateMap(doc, opts.stateMap, lang);
  chart(doc, m.stateTable, lang);
  if (m.cases.length) {
    heading(doc, w(lang, 'caseStudies'), 15);
    for (const c of m.cases) {
      heading(doc, c.heading, 12);
      if (c.summary) para(doc, c.summary);
      for (const f of c.facts) para(doc, `${f.label}: ${f.value}`);
      if (c.victims.length) para(doc, `${w(lang, 'affected')}: ${c.victims.join('; ')}`);
      if (c.excerpts.length) {
        doc.font('Helvetica-Bold').fontSize(10).text(winAnsi(w(lang, 'testimonies')));
        for (const x of c.excerpts) {
          doc.font('Helvetica-Oblique').fontSize(10).text(winAnsi(`«${x.text}»`), MARGIN + 16, doc.y, { width: doc.page.width - 2 * MARGIN - 16 });
          if (x.source) doc.font('Helvetica').text(winAnsi(`— ${x.source}`), MARGIN + 16, doc.y);
          doc.x = MARGIN;
          doc.moveDown(0.4);
        }
      }
    }
  }
  if (m.recommendations.length) {
    heading(doc, w(lang, 'recommendations'), 15);
    for (const r of m.recommendations) {
      heading(doc, `${w(lang, 'to')}: ${r.addressee}`, 11);
      para(doc, r.text);
    }
  }
  heading(doc, w(lang, 'methodology'), 15);
  for (const p of m.methodology) para(doc, p);
  doc.end();
  return done;
}
