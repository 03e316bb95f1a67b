/**
 * The report as one self-contained HTML file: inline CSS and inline SVG, no script, no link, no
 * image, no font or URL of any kind — it opens offline, anywhere, and calls nobody. A strict CSP
 * meta tag says the same to the browser. Every text is escaped.
 */
import type { ReportChart, ReportModel } from './model.js';
import { chartSvg, esc } from './chart-svg.js';
import { w } from './words.js';

const CSS = `
body{font-family:Helvetica,Arial,sans-serif;color:#111;background:#fff;max-width:52rem;margin:0 auto;padding:1rem;line-height:1.45}
h1{font-size:1.7rem;margin:.2rem 0}h2{font-size:1.3rem;border-bottom:2px solid #111;margin-top:2rem}h3{font-size:1.1rem}
.meta{color:#333}.meta dt{font-weight:bold}.meta dd{margin:0 0 .4rem 0}
.state-map{margin:1.5rem 0 .5rem}.state-map svg{max-width:100%;height:auto}.map-legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #666;padding:.25rem .4rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:bold;padding:.3rem 0}
figure.chart{margin:.5rem 0}figcaption,.note{font-size:.85rem;color:#333}
blockquote{border-left:4px solid #111;margin:.5rem 0;padding:.2rem .8rem;font-style:italic}
.figures td.n{font-size:1.2rem;font-weight:bold}
@media print{h2{break-after:avoid}figure,table{break-inside:avoid}}
`;

function table(c: ReportChart, lang: 'es' | 'en'): string {
  const head = c.compared
    ? `<tr><th scope="col">${esc(w(lang, 'value'))}</th><th scope="col" class="n">${esc(w(lang, 'before'))}</th><th scope="col" class="n">${esc(w(lang, 'recent'))}</th><th scope="col" class="n">${esc(w(lang, 'change'))}</th></tr>`
    : `<tr><th scope="col">${esc(w(lang, 'bucket'))}</th><th scope="col" class="n">${esc(w(lang, 'incidents'))}</th></tr>`;
  const rows = c.rows.map((r) => (c.compared
    ? `<tr><th scope="row">${esc(r.label)}</th><td class="n">${r.before ?? 0}</td><td class="n">${r.value}</td><td class="n">${esc(r.change ?? '')}</td></tr>`
    : `<tr><th scope="row">${esc(r.label)}</th><td class="n">${r.value}</td></tr>`)).join('');
  return `<table><caption>${esc(c.title)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

function chartSection(c: ReportChart, lang: 'es' | 'en', level = 'h3'): string {
  const body = c.rows.length ? `${chartSvg(c, lang)}${table(c, lang)}` : `<p>${esc(w(lang, 'noData'))}</p>`;
  return `<section id="${c.id}"><${level}>${esc(c.title)}</${level}>${body}${c.note ? `<p class="note">${esc(c.note)}</p>` : ''}</section>`;
}

/**
 * The map (issue 5 §4): a state choropleth drawn as static SVG on the server from the counts by
 * state (state-map.ts, from the bundled basemap), followed by the counts-by-state table. The hook
 * must return inline SVG without script or URL; without it, the table alone.
 */
export type StateMapHook = (counts: ReportModel['stateCounts'], lang: 'es' | 'en') => string | null;

const paragraphs = (s: string) => s.split(/\n{2,}/).map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join('');

export function renderHtml(m: ReportModel, opts: { stateMap?: StateMapHook } = {}): string {
  const lang = m.lang;
  const map = opts.stateMap?.(m.stateCounts, lang) ?? '';
  const figures = `<table class="figures"><thead><tr><th scope="col"></th><th scope="col" class="n">${esc(w(lang, 'before'))}</th><th scope="col" class="n">${esc(w(lang, 'recent'))}</th><th scope="col" class="n">${esc(w(lang, 'change'))}</th></tr></thead><tbody>${m.figures
    .map((f) => `<tr><th scope="row">${esc(f.label)}</th><td class="n">${esc(f.before)}</td><td class="n">${esc(f.value)}</td><td class="n">${esc(f.change)}</td></tr>`).join('')}</tbody></table>`;
  const cases = m.cases.map((c) => `<article class="case"><h3>${esc(c.heading)}</h3>${c.summary ? paragraphs(c.summary) : ''}<dl>${c.facts
    .map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd>`).join('')}${c.victims.length ? `<dt>${esc(w(lang, 'affected'))}</dt><dd><ul>${c.victims.map((v) => `<li>${esc(v)}</li>`).join('')}</ul></dd>` : ''}</dl>${c.excerpts.length
    ? `<h4>${esc(w(lang, 'testimonies'))}</h4>${c.excerpts.map((x) => `<blockquote>${paragraphs(x.text)}${x.source ? `<footer>— ${esc(x.source)}</footer>` : ''}</blockquote>`).join('')}` : ''}</article>`).join('');
  const recs = m.recommendations.map((r) => `<section class="recommendation"><h3>${esc(w(lang, 'to'))}: ${esc(r.addressee)}</h3>${paragraphs(r.text)}</section>`).join('');
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer"><title>${esc(m.title)}</title><style>${CSS}</style></head>
<body><header><p>${esc(w(lang, 'networkReport'))} · ${esc(m.workspace)}</p><h1>${esc(m.title)}</h1>
<dl class="meta"><dt>${esc(w(lang, 'period'))}</dt><dd>${esc(m.period)}</dd><dt>${esc(w(lang, 'previousPeriod'))}</dt><dd>${esc(m.previousPeriod)}</dd>
<dt>${esc(w(lang, 'filters'))}</dt><dd>${m.criteria.map(esc).join('<br>')}</dd><dt>${esc(w(lang, 'generatedOn'))}</dt><dd>${esc(m.generatedOn)}</dd></dl></header>
<main><section id="key-figures"><h2>${esc(w(lang, 'keyFigures'))}</h2>${figures}</section>
<section id="charts"><h2>${esc(w(lang, 'charts'))}</h2><p class="note">${esc(w(lang, 'chartNote'))}</p>${m.charts.map((c) => chartSection(c, lang)).join('')}</section>
${map}${chartSection(m.stateTable, lang, 'h2')}
${m.cases.length ? `<section id="cases"><h2>${esc(w(lang, 'caseStudies'))}</h2>${cases}</section>` : ''}
${m.recommendations.length ? `<section id="recommendations"><h2>${esc(w(lang, 'recommendations'))}</h2>${recs}</section>` : ''}
<section id="methodology"><h2>${esc(w(lang, 'methodology'))}</h2>${m.methodology.map((p) => `<p>${esc(p)}</p>`).join('')}</section></main></body></html>
`;
}
