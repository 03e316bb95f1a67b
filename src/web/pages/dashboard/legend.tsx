/** The chart's legend as text with a small drawing of each line: its dash pattern and point shape. */
import { t } from '../../i18n/i18n';
import { number } from '../../lib/format';
import type { LineStyle } from './lines';

const W = 44;
const H = 16;
const CX = W / 2;
const CY = H / 2;
const R = 4.5;

function Shape({ s }: { s: LineStyle }) {
  const c = s.colour;
  switch (s.shape) {
    case 'circle': return <circle cx={CX} cy={CY} r={R} fill={c} />;
    case 'triangle': return <polygon points={`${CX},${CY - R - 1} ${CX + R + 1},${CY + R} ${CX - R - 1},${CY + R}`} fill={c} />;
    case 'rect': return <rect x={CX - R} y={CY - R} width={2 * R} height={2 * R} fill={c} />;
    case 'rectRot': return <polygon points={`${CX},${CY - R - 1} ${CX + R + 1},${CY} ${CX},${CY + R + 1} ${CX - R - 1},${CY}`} fill={c} />;
    case 'crossRot':
      return <path d={`M${CX - R} ${CY - R}L${CX + R} ${CY + R}M${CX + R} ${CY - R}L${CX - R} ${CY + R}`} stroke={c} stroke-width={2} />;
    case 'star':
      return <path d={`M${CX - R} ${CY - R}L${CX + R} ${CY + R}M${CX + R} ${CY - R}L${CX - R} ${CY + R}M${CX} ${CY - R - 1}V${CY + R + 1}M${CX - R - 1} ${CY}H${CX + R + 1}`} stroke={c} stroke-width={1.6} />;
  }
}

export function LineSample({ s }: { s: LineStyle }) {
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false" class="line-sample">
      <line x1={0} y1={CY} x2={W} y2={CY} stroke={s.colour} stroke-width={2} stroke-dasharray={s.dash.length ? s.dash.join(' ') : undefined} />
      <Shape s={s} />
    </svg>
  );
}

export function Legend({ items }: { items: { label: string; total: number; style: LineStyle }[] }) {
  return (
    <ul class="chart-legend" aria-label={t('dashboard.legend')}>
      {items.map((i, n) => (
        <li key={n}>
          <LineSample s={i.style} />
          <span>
            {i.label} <span class="count">({number(i.total)})</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
