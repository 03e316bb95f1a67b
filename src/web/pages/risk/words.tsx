/** The words and small pieces the risk pages share: a level in words (never by colour alone), why a re-assessment is due, an incident's label. */
import { t } from '../../i18n/i18n';
import { Link } from '../../router';
import { number, partialDate } from '../../lib/format';
import type { IncidentLabels, Reassessment, RiskLevel } from './types';

const LEVEL_KEY = { low: 'risk.level.low', medium: 'risk.level.medium', high: 'risk.level.high', critical: 'risk.level.critical' } as const;
/** a shape per level, so the level reads without colour: one to four bars */
const BARS: Record<RiskLevel, string> = { low: '▮▯▯▯', medium: '▮▮▯▯', high: '▮▮▮▯', critical: '▮▮▮▮' };

export function LevelBadge({ level, score }: { level: RiskLevel; score?: number }) {
  return (
    <span class={`risk-badge risk-${level}`}>
      <span aria-hidden="true">{BARS[level]} </span>
      {t(LEVEL_KEY[level])}
      {score !== undefined && <span class="muted"> · {number(score)}</span>}
    </span>
  );
}

export function reasonText(r: Reassessment['reasons'][number], count: number, nextReview?: string): string {
  if (r === 'never_assessed') return t('risk.dueNever', { count });
  if (r === 'serious_incident') return t('risk.dueIncident', { count });
  return t('risk.dueReview', { day: partialDate(nextReview) });
}

export function IncidentLinks({ ids, labels }: { ids: string[]; labels: IncidentLabels }) {
  const shown = ids.filter((id) => labels[id]);
  if (!shown.length) return null;
  return (
    <ul class="inline-list">
      {shown.map((id) => (
        <li key={id}>
          <Link href={`/incidents/${id}`}>
            {labels[id]!.ref}
            {labels[id]!.day ? ` (${partialDate(labels[id]!.day)})` : ''}
          </Link>
        </li>
      ))}
    </ul>
  );
}
