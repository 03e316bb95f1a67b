/**
 * The breakdown as lines over time: Chart.js on a <canvas> (role="img", its aria-label saying what
 * it shows), drawn after the content — the module with Chart.js is fetched when the first chart is
 * — and redrawn from scratch when the numbers or the language change. The table below holds every
 * number; the chart failing to load leaves the page whole.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { number } from '../../lib/format';
import { Legend } from './legend';
import { locale } from './model';
import type { Line } from './lines';

export function BreakdownChart({ labels, lines, caption }: { labels: string[]; lines: Line[]; caption: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  const spec = { labels, lines: lines.map((l) => ({ label: l.label, data: l.data, style: l.style })), locale: locale() };
  const key = JSON.stringify(spec);
  useEffect(() => {
    let live = true;
    let destroy: (() => void) | undefined;
    import('./chart-canvas').then(
      (m) => {
        if (!live || !canvas.current) return;
        destroy = m.drawChart(canvas.current, spec);
        setState('drawn');
      },
      () => live && setState('failed'),
    );
    return () => {
      live = false;
      destroy?.();
    };
  }, [key]);
  const summary = lines.map((l) => t('dashboard.lineSummary', { label: l.label, count: number(l.total) })).join('; ');
  return (
    <figure class="dash-chart" data-state={state}>
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={t('dashboard.chartLabel', { caption, list: summary })} />
      </div>
      <Legend items={lines} />
      <figcaption>{caption}</figcaption>
      {state === 'failed' && <p class="hint">{t('dashboard.chartFailed')}</p>}
    </figure>
  );
}
