/**
 * How each line of the chart looks: readable without colour — every line has its own dash pattern
 * and point shape (Chart.js point styles), and the colours (Okabe–Ito, darkened) keep 3:1 contrast
 * on white. The HTML legend draws the same dash and shape.
 */
export type PointShape = 'circle' | 'triangle' | 'rect' | 'crossRot' | 'star' | 'rectRot';

export interface LineStyle {
  colour: string;
  dash: number[];
  shape: PointShape;
}

export const TOP_LINES = 5;

export const LINE_STYLES: readonly LineStyle[] = [
  { colour: '#0072b2', dash: [], shape: 'circle' },
  { colour: '#b34700', dash: [10, 5], shape: 'triangle' },
  { colour: '#007a5a', dash: [2, 4], shape: 'rect' },
  { colour: '#a33b7e', dash: [12, 4, 2, 4], shape: 'crossRot' },
  { colour: '#6e5a00', dash: [6, 3, 2, 3, 2, 3], shape: 'star' },
];

/** "Others" (every value after the first five, summed). */
export const OTHERS_STYLE: LineStyle = { colour: '#525b66', dash: [4, 4], shape: 'rectRot' };

export interface Line {
  label: string;
  /** one count per bucket */
  data: number[];
  total: number;
  style: LineStyle;
}

/** The five values with most incidents, then "others" summed (when there are more). */
export function topLines(series: { key: string; counts: number[]; total: number }[], labelOf: (key: string) => string, othersLabel: string): Line[] {
  const lines: Line[] = series.slice(0, TOP_LINES).map((s, i) => ({ label: labelOf(s.key), data: s.counts, total: s.total, style: LINE_STYLES[i]! }));
  const rest = series.slice(TOP_LINES);
  if (rest.length) {
    const data = rest[0]!.counts.map((_, i) => rest.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0));
    lines.push({ label: othersLabel, data, total: data.reduce((a, b) => a + b, 0), style: OTHERS_STYLE });
  }
  return lines;
}
