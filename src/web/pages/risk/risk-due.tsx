/** Re-assessments due (/risk): people and organisations with a serious incident recorded since their latest risk assessment, or past its review day; highest level first. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, Loading, PageTitle } from '../../components/ui';
import { errorText } from '../../lib/problems';
import { dateTime } from '../../lib/format';
import type { DueAssessment } from './types';
import { LevelBadge, reasonText } from './words';

export function RiskDuePage() {
  const [items, setItems] = useState<DueAssessment[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api<{ items: DueAssessment[] }>('GET', '/api/v1/risk/due').then((r) => setItems(r.items), (e: unknown) => setError(errorText(e)));
  }, []);
  return (
    <>
      <PageTitle>{t('risk.dueTitle')}</PageTitle>
      <p class="hint">{t('risk.dueIntro')}</p>
      {error ? (
        <Alert kind="error">{error}</Alert>
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p class="muted">{t('risk.noneDue')}</p>
      ) : (
        <ul class="cards">
          {items.map((d) => (
            <li class="card" key={d.actorId}>
              <h2 class="card-title">
                <Link href={`/people/${d.actorId}`}>{d.pseudonym}</Link>
              </h2>
              <p>
                <LevelBadge level={d.latest.level} score={d.latest.score} /> <span class="muted">{t('risk.assessedOn', { date: dateTime(d.latest.assessedAt) })}</span>
              </p>
              {d.reassessment.reasons.map((r) => (
                <p key={r}>{reasonText(r, d.reassessment.incidents.length, d.latest.nextReview)}</p>
              ))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
