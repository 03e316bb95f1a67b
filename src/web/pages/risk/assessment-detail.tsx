/** One version of a risk assessment: the formula with its numbers, each factor with its rating, evidence and incidents, and the conclusions. */
import { t } from '../../i18n/i18n';
import { number } from '../../lib/format';
import { FACTOR_KINDS, type RiskAssessmentAnswer } from './types';
import { IncidentLinks, LevelBadge } from './words';

const HEADINGS = { threats: 'risk.threats', vulnerabilities: 'risk.vulnerabilities', capacities: 'risk.capacities' } as const;

export function AssessmentDetail({ answer, latestVersion, onClose }: { answer: RiskAssessmentAnswer; latestVersion: number; onClose: () => void }) {
  const a = answer.assessment;
  return (
    <div class="risk-detail">
      <h3 id="risk-detail-h" tabIndex={-1}>
        {a.version === latestVersion ? t('risk.latestVersion', { version: a.version }) : t('risk.earlierVersion', { version: a.version })}
      </h3>
      <p>
        <LevelBadge level={a.level} />
      </p>
      <p class="risk-formula">
        {t('risk.formula', { threat: number(a.factors.threat), vulnerability: number(a.factors.vulnerability), capacity: number(a.factors.capacity), score: number(a.score) })}
      </p>
      {FACTOR_KINDS.map((kind) => (
        <section key={kind} aria-label={t(HEADINGS[kind])}>
          <h4>{t(HEADINGS[kind])}</h4>
          {a[kind].length === 0 ? (
            <p class="muted">{t('risk.noFactors')}</p>
          ) : (
            <ul class="cards">
              {a[kind].map((f, i) => (
                <li class="card" key={i}>
                  <p class="prewrap">{f.description}</p>
                  <p class="muted">{t('risk.rated', { level: f.level })}</p>
                  {f.evidence && (
                    <p class="prewrap">
                      <span class="label">{t('risk.evidence')}: </span>
                      {f.evidence}
                    </p>
                  )}
                  <IncidentLinks ids={f.incidents} labels={answer.incidentLabels} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {a.summary && (
        <>
          <h4>{t('risk.summary')}</h4>
          <p class="prewrap">{a.summary}</p>
        </>
      )}
      <p>
        <button type="button" class="btn" onClick={onClose}>
          {t('risk.hide')}
        </button>
      </p>
    </div>
  );
}
