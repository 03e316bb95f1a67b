/**
 * The report's map (issue 5 §4, ADR 0017): the states of the bundled basemap (scripts/basemap.mjs)
 * shaded by how many incidents the report counts in each — a grey ramp, so it prints and reads
 * without colour, with the same classes as the map page (src/domain/map/classes.ts) and the
 * counts-by-state table right after it. Paths are SVG path data: the HTML embeds them, the PDF draws
 * the same data. Only states and whole countries: no point, nothing finer than a state.
 */
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { classBreaks, classOf, classRanges } from '../map/classes.js';

export type Basemap = Topology<{ states: GeometryCollection; countries: GeometryCollection }>;
export interface MapShape { id: string; d: string; shade: string }
export interface StateMapDrawing {
  width: number;
  height: number;
  shapes: MapShape[];
  legend: { from: number; to: number; shade: string }[];
}

/** white for none, then five greys from light to dark */
export const SHADES = ['#ffffff', '#e0e0e0', '#b8b8b8', '#8c8c8c', '#5c5c5c', '#2b2b2b'];
const OUTSIDE = '#f2f2f2';

export function drawStateMap(basemap: Basemap, counts: { state: string; count: number }[], width = 500): StateMapDrawing {
  const states = (feature(basemap, basemap.objects.states) as FeatureCollection<Geometry>).features;
  const countries = (feature(basemap, basemap.objects.countries) as FeatureCollection<Geometry>).features;
  const all: FeatureCollection<Geometry> = { type: 'FeatureCollection', features: [...countries, ...states] };
  const projection = geoMercator().fitWidth(width, all);
  const path = geoPath(projection).digits(1);
  const [[, y0], [, y1]] = path.bounds(all);
  const height = Math.ceil(y1 - y0);
  projection.translate([projection.translate()[0], projection.translate()[1] - y0]);
  const drawn = new Set(states.map((f) => String(f.id)));
  const byState = new Map(counts.filter((c) => drawn.has(c.state)).map((c) => [c.state, c.count]));
  const breaks = classBreaks([...byState.values()]);
  const shape = (f: Feature<Geometry>, shade: string): MapShape => ({ id: String(f.id), d: path(f) ?? '', shade });
  return {
    width, height,
    shapes: [...countries.map((f) => shape(f, OUTSIDE)), ...states.map((f) => shape(f, SHADES[classOf(byState.get(String(f.id)) ?? 0, breaks)]!))].filter((s) => s.d),
    legend: classRanges(breaks).map((r, i) => ({ ...r, shade: SHADES[i + 1]! })),
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Inline SVG for the HTML report (no script, no URL), with a title for screen readers and its legend. */
export function stateMapSvg(m: StateMapDrawing, words: { title: string; none: string }): string {
  const legend = [{ label: words.none, shade: SHADES[0]! }, ...m.legend.map((l) => ({ label: l.from === l.to ? `${l.from}` : `${l.from}–${l.to}`, shade: l.shade }))];
  return `<figure class="state-map"><svg role="img" aria-label="${esc(words.title)}" viewBox="0 0 ${m.width} ${m.height}" width="100%"><title>${esc(words.title)}</title>${m.shapes
    .map((s) => `<path d="${s.d}" fill="${s.shade}" stroke="#555" stroke-width="0.5"/>`).join('')}</svg><figcaption><ul class="map-legend">${legend
    .map((l) => `<li><svg width="14" height="14" aria-hidden="true"><rect width="13" height="13" x="0.5" y="0.5" fill="${l.shade}" stroke="#555"/></svg> ${esc(l.label)}</li>`).join('')}</ul></figcaption></figure>`;
}
