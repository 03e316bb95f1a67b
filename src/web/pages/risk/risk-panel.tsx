/**
 * The risk section of a person's or organisation's page (ADR 0014), for roles that may read
 * assessments: the level and date of the latest, a prompt when a re-assessment is due (a serious
 * incident recorded since, the review day passed), and every earlier version. The factors and
 * evidence stay hidden until asked for, one version at a time — each such read is audited.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { can } from '../../state';
import { Link } from '../../router';
import { Alert } from '../../components/ui';
import { errorText } from '../../lib/problems';
import { dateTime, partialDate } from '../../lib/format';
import type { RiskAssessmentAnswer, RiskOverview } from './types';
import { IncidentLinks, LevelBadge, reasonText } from './words';
import { AssessmentDetail } from './assessment-detail';

export function RiskPanel({ id }: { id: string }) {
  const allowed = can('risk.read');
  const [overview, setOverview] = useState<RiskOverview | null>(null);
  const [shown, setShown] = useState<RiskAssessmentAnswer | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(0);
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    api<RiskOverview>('GET', `/api/v1/actors/${id}/risk`).then(
      (o) => live && setOverview(o),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [id, allowed]);
  if (!allowed || (!overview && !error)) return null;

  async function show(version: number) {
    setBusy(version);
    setError('');
    try {
      setShown(await api<RiskAssessmentAnswer>('GET', `/api/v1/actors/${id}/risk/${version}`));
      requestAnimationFrame(() => document.getElementById('risk-detail-h')?.focus());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(0);
    }
  }

  const latest = overview?.history[0];
  const due = overview?.reassessment;
  const write = can('risk.write');
  return (
    <section class="risk" aria-labelledby="risk-h">
      <h2 id="risk-h">{t('risk.title')}</h2>
      {error && <Alert kind="error">{error}</Alert>}
      {due?.due && (
        <Alert kind="warning">
          {due.reasons.map((r) => (
            <p key={r}>{reasonText(r, due.incidents.length, latest?.nextReview)}</p>
          ))}
          <IncidentLinks ids={due.incidents} labels={overview!.incidentLabels} />
          {write && (
            <p>
              <Link href={`/people/${id}/risk`} class="btn btn-primary">
                {latest ? t('risk.reassess') : t('risk.assess')}
              </Link>
            </p>
          )}
        </Alert>
      )}
      {overview && !latest && <p class="muted">{t('risk.none')}</p>}
      {latest && (
        <>
          <p class="risk-latest">
            <LevelBadge level={latest.level} score={latest.score} />{' '}
            <span class="muted">{t('risk.assessedBy', { date: dateTime(latest.assessedAt), who: latest.assessedBy || '—' })}</span>
          </p>
          {latest.nextReview && <p class="muted">{t('risk.nextReview', { day: partialDate(latest.nextReview) })}</p>}
          {shown ? (
            <AssessmentDetail answer={shown} latestVersion={latest.version} onClose={() => setShown(null)} />
          ) : (
            <p>
              <button type="button" class="btn" onClick={() => void show(latest.version)} disabled={busy !== 0}>
                {t('risk.show')}
              </button>{' '}
              <span class="hint">{t('risk.showHint')}</span>
            </p>
          )}
          {overview!.history.length > 1 && (
            <>
              <h3>{t('risk.history')}</h3>
              <ol class="risk-history" reversed>
                {overview!.history.map((h) => (
                  <li key={h.version}>
                    {dateTime(h.assessedAt)} · <LevelBadge level={h.level} score={h.score} />{' '}
                    <button type="button" class="btn-link" onClick={() => void show(h.version)} disabled={busy !== 0}>
                      {t('risk.showVersion', { version: h.version })}
                    </button>
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
      {write && !due?.due && overview && (
        <p>
          <Link href={`/people/${id}/risk`} class="btn">
            {latest ? t('risk.reassess') : t('risk.assess')}
          </Link>
        </p>
      )}
    </section>
  );
}
