/**
 * The layout of a horizontal bar chart, shared by the SVG (HTML report) and the PDF drawing so both
 * show the same thing: one row per value, the value written at the end of its bar (readable
 * without colour), the previous period as a thinner outlined bar below when compared.
 */
import type { ChartRow } from './model.js';

export interface LaidBar { label: string; value: number; before?: number; y: number; width: number; beforeWidth?: number }
export interface BarLayout { width: number; height: number; labelWidth: number; barX: number; barMax: number; rowHeight: number; bars: LaidBar[] }

export const MAX_LABEL = 34;

export function shortLabel(s: string): string {
  return s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1).trimEnd()}…` : s;
}

export function barLayout(rows: readonly ChartRow[], compared: boolean, width = 640): BarLayout {
  const rowHeight = compared ? 28 : 22;
  const labelWidth = 220;
  const barX = labelWidth + 8;
  const barMax = width - barX - 48;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.value, compared ? r.before ?? 0 : 0)));
  const bars = rows.map((r, i) => ({
    label: shortLabel(r.label),
    value: r.value,
    y: 8 + i * rowHeight,
    width: Math.round((r.value / max) * barMax),
    ...(compared ? { before: r.before ?? 0, beforeWidth: Math.round(((r.before ?? 0) / max) * barMax) } : {}),
  }));
  return { width, height: 16 + rows.length * rowHeight, labelWidth, barX, barMax, rowHeight, bars };
}
