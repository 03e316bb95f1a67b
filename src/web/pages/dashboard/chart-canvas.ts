/**
 * The one module that imports Chart.js — only the pieces a line chart needs (tree-shaken), in a
 * chunk of its own that the dashboard fetches after its table is on screen. No animation (slow
 * phones), no Chart.js legend (the page draws its own, with dash and shape, as text). Chart.js
 * sizes the canvas through the CSSOM, which the strict CSP allows.
 */
import { Chart, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { LineStyle } from './lines';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

export interface ChartSpec {
  /** the periods, as text */
  labels: string[];
  lines: { label: string; data: number[]; style: LineStyle }[];
  locale: string;
}

/** Draws the chart in the canvas; returns what removes it (before the next one, or on leaving). */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): () => void {
  const css = getComputedStyle(document.body);
  Chart.defaults.font.family = css.fontFamily;
  Chart.defaults.color = css.color;
  const many = spec.labels.length > 60;
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: spec.labels,
      datasets: spec.lines.map((l) => ({
        label: l.label,
        data: l.data,
        borderColor: l.style.colour,
        backgroundColor: l.style.colour,
        borderDash: l.style.dash,
        borderWidth: 2,
        pointStyle: l.style.shape,
        pointRadius: many ? 3 : 4,
        pointHoverRadius: 6,
        pointBorderWidth: l.style.shape === 'crossRot' || l.style.shape === 'star' ? 2 : 1,
        tension: 0,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: spec.locale,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ticks: { autoSkip: true, maxRotation: 0 }, grid: { display: false } },
        y: { beginAtZero: true, ticks: { precision: 0 } },
      },
      plugins: {
        tooltip: { usePointStyle: true },
      },
    },
  });
  return () => chart.destroy();
}
