import { describe, it, expect } from 'vitest';
// @ts-expect-error plain JavaScript build script (no types)
import { buildBasemap } from '../../../scripts/basemap.mjs';
import { drawStateMap, stateMapSvg, SHADES, type Basemap } from './state-map.js';

const basemap = buildBasemap() as Basemap;

describe('the report\'s state map', () => {
  it('shades each state by its class, leaves states without incidents white and draws only states and whole countries', () => {
    const counts = [{ state: 'MX-CHP', count: 40 }, { state: 'MX-COA', count: 12 }, { state: 'MX-TAB', count: 5 }, { state: 'MX-SON', count: 2 }, { state: 'US-TX', count: 1 }, { state: 'US-NY', count: 99 }];
    const m = drawStateMap(basemap, counts);
    const shade = (id: string) => m.shapes.find((s) => s.id === id)?.shade;
    // quantile classes of 1, 2, 5, 12, 40 — breaks at the 20/40/60 % values and the top (New York is not on this map and does not count)
    expect(m.legend.map((l) => [l.from, l.to])).toEqual([[1, 2], [3, 5], [6, 12], [13, 40]]);
    expect([shade('US-TX'), shade('MX-SON'), shade('MX-TAB'), shade('MX-COA'), shade('MX-CHP')]).toEqual([SHADES[1], SHADES[1], SHADES[2], SHADES[3], SHADES[4]]);
    expect(shade('MX-YUC')).toBe(SHADES[0]);
    expect(shade('US-NY')).toBeUndefined();
    expect(m.shapes.map((s) => s.id)).toEqual(expect.arrayContaining(['BZ', 'NI', 'GT-16', 'SV-SS', 'HN-CR', 'US-CA']));
    expect(m.width).toBe(500);
    expect(m.height).toBeGreaterThan(150);
    for (const s of m.shapes) expect(s.d).toMatch(/^M[-\d.,LMZ]+$/);
  });

  it('is inline SVG with a title and a legend, and nothing that reaches out', () => {
    const svg = stateMapSvg(drawStateMap(basemap, [{ state: 'MX-CHP', count: 3 }]), { title: 'Mapa: incidentes por estado <en> el periodo', none: 'ninguno' });
    expect(svg).toContain('aria-label="Mapa: incidentes por estado &#60;en&#62; el periodo"');
    expect(svg).toContain('<li>');
    expect(svg).toContain('ninguno');
    expect(svg).not.toMatch(/<script|https?:|href|src=|<image|url\(/i);
  });
});
