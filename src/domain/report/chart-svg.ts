/**
 * A chart as static SVG text for the self-contained HTML report: no script, no external
 * reference, no namespace URL (inline SVG in HTML needs none). Every text is escaped.
 */
import { barLayout } from './bar-layout.js';
import type { ReportChart } from './model.js';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function chartSvg(c: ReportChart, lang: 'es' | 'en'): string {
  const l = barLayout(c.rows, c.compared);
  const parts = l.bars.map((b) => {
    const mid = b.y + 11;
    const before = b.beforeWidth !== undefined
      ? `<rect x="${l.barX}" y="${b.y + 16}" width="${Math.max(b.beforeWidth, 1)}" height="6" fill="none" stroke="#222" stroke-width="1"/><text x="${l.barX + b.beforeWidth + 6}" y="${b.y + 23}" font-size="9">${b.before}</text>`
      : '';
    return `<text x="${l.labelWidth}" y="${mid}" text-anchor="end" font-size="11">${esc(b.label)}</text>`
      + `<rect x="${l.barX}" y="${b.y + 2}" width="${Math.max(b.width, 1)}" height="13" fill="#333"/>`
      + `<text x="${l.barX + b.width + 6}" y="${mid + 1}" font-size="11" font-weight="bold">${b.value}</text>${before}`;
  });
  const legend = c.compared ? (lang === 'es' ? 'Barra llena: periodo del informe; barra hueca: periodo anterior.' : 'Filled bar: report period; hollow bar: previous period.') : '';
  return `<figure class="chart"><svg role="img" aria-labelledby="${c.id}-t" viewBox="0 0 ${l.width} ${l.height}" width="100%" preserveAspectRatio="xMinYMin meet" font-family="Helvetica, Arial, sans-serif"><title id="${c.id}-t">${esc(c.title)}</title>${parts.join('')}</svg>${legend ? `<figcaption>${esc(legend)}</figcaption>` : ''}</figure>`;
}
