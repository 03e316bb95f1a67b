/**
 * The map drawing, a chunk of its own fetched after the page's content (like the dashboard's chart):
 * d3-geo draws the bundled basemap (virtual:basemap, scripts/basemap.mjs) as SVG paths — no tiles,
 * nothing from another origin. States are filled by class with a colour *and* a pattern (readable
 * without colour; the legend and the table say the numbers); clusters are circles with their count.
 * Zoom and pan with the buttons or the keyboard (+, −, arrows, 0) when the map has focus; a click or
 * Enter on a state or a cluster opens its incidents.
 */
import { useMemo, useState } from 'preact/hooks';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import basemap from 'virtual:basemap';
import { t } from '../../i18n/i18n';
import { number } from '../../lib/format';
import { cluster } from './cluster';
import { classBreaks, classOf, type MapCounts, type MapPointCount, type PlaceFilter } from './model';

const W = 800;
const H = 640;
const R = 30;

type Shape = Feature<Geometry, GeoJsonProperties> & { id: string };
const states = (feature(basemap, basemap.objects.states) as FeatureCollection<Geometry>).features as Shape[];
const countries = (feature(basemap, basemap.objects.countries) as FeatureCollection<Geometry>).features as Shape[];
const projection = geoMercator().fitExtent([[6, 6], [W - 6, H - 6]], { type: 'FeatureCollection', features: [...states, ...countries] });
const path = geoPath(projection);
const stateShapes = states.map((f) => ({ id: f.id, d: path(f) ?? '', c: path.centroid(f) }));
const countryShapes = countries.map((f) => ({ id: f.id, d: path(f) ?? '', c: path.centroid(f) }));
const centroidOf = new Map([...stateShapes, ...countryShapes].map((s) => [s.id, s.c]));

/** Shapes of the states drawn (the table lists the others). */
export const DRAWN_STATES = new Set(stateShapes.map((s) => s.id));

/** Where a point is drawn (map units): a state at its shape's middle, others at the gazetteer's point. */
function placeOf(p: MapPointCount): [number, number] | null {
  if (p.kind === 'state' && centroidOf.has(p.code)) return centroidOf.get(p.code)!;
  if (p.at) return projection(p.at) ?? null;
  return p.kind === 'country' ? centroidOf.get(p.code) ?? null : null;
}

export interface MapSvgProps {
  counts: MapCounts;
  stateLabel: (code: string) => string;
  pointLabel: (p: MapPointCount) => string;
  onPick: (filter: PlaceFilter, label: string) => void;
  unionFilter: (filters: PlaceFilter[]) => PlaceFilter;
}

const activate = (go: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    go();
  }
};

export function MapSvg({ counts, stateLabel, pointLabel, onPick, unionFilter }: MapSvgProps) {
  const [view, setView] = useState({ k: 1, x: 0, y: 0 });
  const perState = useMemo(() => new Map(counts.states.map((s) => [s.code, s.count])), [counts]);
  const breaks = useMemo(() => classBreaks(counts.states.filter((s) => DRAWN_STATES.has(s.code)).map((s) => s.count)), [counts]);
  const placed = useMemo(() => counts.points.flatMap((p) => {
    const at = placeOf(p);
    return at ? [{ item: p, x: at[0], y: at[1], count: p.count }] : [];
  }), [counts]);
  const clusters = useMemo(() => cluster(placed.map((p) => ({ ...p, x: p.x * view.k + view.x, y: p.y * view.k + view.y })), R), [placed, view]);

  const zoom = (f: number) => setView((v) => {
    const k = Math.min(16, Math.max(1, v.k * f));
    // keep the middle of the view where it is
    return { k, x: W / 2 - ((W / 2 - v.x) * k) / v.k, y: H / 2 - ((H / 2 - v.y) * k) / v.k };
  });
  const pan = (dx: number, dy: number) => setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
  const reset = () => setView({ k: 1, x: 0, y: 0 });
  const keys = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    const step = 80;
    const act: Record<string, () => void> = { '+': () => zoom(1.5), '=': () => zoom(1.5), '-': () => zoom(1 / 1.5), ArrowLeft: () => pan(step, 0), ArrowRight: () => pan(-step, 0), ArrowUp: () => pan(0, step), ArrowDown: () => pan(0, -step), '0': reset };
    const f = act[e.key];
    if (f) {
      e.preventDefault();
      f();
    }
  };

  return (
    <div class="map-view">
      <div class="map-controls" role="group" aria-label={t('map.controls')}>
        <button type="button" class="btn" onClick={() => zoom(1.5)} aria-label={t('map.zoomIn')}>+</button>
        <button type="button" class="btn" onClick={() => zoom(1 / 1.5)} aria-label={t('map.zoomOut')}>−</button>
        <button type="button" class="btn" onClick={() => pan(80, 0)} aria-label={t('map.panLeft')}>←</button>
        <button type="button" class="btn" onClick={() => pan(0, 80)} aria-label={t('map.panUp')}>↑</button>
        <button type="button" class="btn" onClick={() => pan(0, -80)} aria-label={t('map.panDown')}>↓</button>
        <button type="button" class="btn" onClick={() => pan(-80, 0)} aria-label={t('map.panRight')}>→</button>
        <button type="button" class="btn" onClick={reset}>{t('map.reset')}</button>
      </div>
      <svg class="map-svg" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={t('map.figureLabel')} tabindex={0} onKeyDown={keys} aria-describedby="map-keys">
        <defs>
          <pattern id="map-p2" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" class="map-c2" /><circle cx="4" cy="4" r="1.2" class="map-mark" /></pattern>
          <pattern id="map-p3" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" class="map-c3" /><path d="M0 8L8 0" class="map-line" /></pattern>
          <pattern id="map-p4" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" class="map-c4" /><path d="M0 8L8 0M0 0L8 8" class="map-line" /></pattern>
          <pattern id="map-p5" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" class="map-c5" /><path d="M0 5L5 0M0 0L5 5" class="map-line" /></pattern>
        </defs>
        <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
          {countryShapes.map((s) => <path key={s.id} d={s.d} class="map-country" />)}
          {stateShapes.map((s) => {
            const n = perState.get(s.id) ?? 0;
            const c = classOf(n, breaks);
            const label = t('map.stateLabel', { state: stateLabel(s.id), count: n });
            const go = () => onPick({ state: [s.id] }, stateLabel(s.id));
            return n > 0 ? (
              <path key={s.id} d={s.d} class={`map-state map-k${c}`} fill={c >= 2 ? `url(#map-p${c})` : undefined} role="link" tabindex={0} aria-label={label} data-state={s.id} data-count={n} onClick={go} onKeyDown={activate(go)}>
                <title>{label}</title>
              </path>
            ) : (
              <path key={s.id} d={s.d} class="map-state map-k0" data-state={s.id} data-count={0}>
                <title>{label}</title>
              </path>
            );
          })}
        </g>
        {clusters.map((c) => {
          if (c.x < -R || c.y < -R || c.x > W + R || c.y > H + R) return null;
          const names = c.items.map(pointLabel);
          const label = t('map.clusterLabel', { places: names.length > 3 ? t('map.andMore', { first: names.slice(0, 3).join('; '), count: names.length - 3 }) : names.join('; '), count: c.count });
          const go = () => onPick(unionFilter(c.items.map((p) => p.filter)), names.length === 1 ? names[0]! : label);
          const r = 9 + Math.min(16, 4 * Math.log10(c.count + 1));
          return (
            <g key={c.items.map((p) => p.key).join(',')} class="map-cluster" role="link" tabindex={0} aria-label={label} data-count={c.count} data-points={c.items.map((p) => p.key).join('|')} transform={`translate(${c.x.toFixed(1)} ${c.y.toFixed(1)})`} onClick={go} onKeyDown={activate(go)}>
              <title>{label}</title>
              <circle r={r} />
              <text dy="0.35em" text-anchor="middle">{number(c.count)}</text>
            </g>
          );
        })}
      </svg>
      <p id="map-keys" class="hint">{t('map.keyboardHint')}</p>
      <MapLegend breaks={breaks} />
    </div>
  );
}

function MapLegend({ breaks }: { breaks: number[] }) {
  const ranges = breaks.map((b, i) => ({ from: i === 0 ? 1 : breaks[i - 1]! + 1, to: b }));
  return (
    <div class="map-legend">
      <p class="h-small">{t('map.legend')}</p>
      <ul class="plain">
        <li>
          <svg width="22" height="16" aria-hidden="true"><rect width="22" height="16" class="map-state map-k0" /></svg> {t('map.legendNone')}
        </li>
        {ranges.map((r, i) => (
          <li key={i}>
            <svg width="22" height="16" aria-hidden="true"><rect width="22" height="16" class={`map-state map-k${i + 1}`} fill={i + 1 >= 2 ? `url(#map-p${i + 1})` : undefined} /></svg>{' '}
            {t('map.legendRange', { from: number(r.from), to: number(r.to) })}
          </li>
        ))}
        <li>
          <svg width="22" height="16" aria-hidden="true"><circle cx="11" cy="8" r="7" class="map-cluster-swatch" /></svg> {t('map.legendCluster')}
        </li>
      </ul>
    </div>
  );
}
