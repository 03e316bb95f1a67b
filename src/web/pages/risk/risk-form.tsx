/**
 * A new risk assessment of a person or organisation (/people/:id/risk), for coordinators and
 * admins. Starts from the latest version when there is one (reading it is audited like any other
 * read), and saves a new version: the earlier ones are kept. Someone else's newer version is
 * refused (409) rather than overwritten.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { Link, navigate } from '../../router';
import { Alert, ErrorSummary, Loading, PageTitle, TextField, type Option } from '../../components/ui';
import { errorText, fieldId, problemMap, type Problems } from '../../lib/problems';
import { partialDate } from '../../lib/format';
import type { ActorIncident, ActorView } from '../../types';
import { FACTOR_KINDS, type FactorKind, type RiskAssessmentAnswer, type RiskFactor, type RiskOverview } from './types';
import { FactorFields, emptyFactor, type FactorDraft } from './factor-fields';

type Drafts = Record<FactorKind, FactorDraft[]>;
const draftOf = (f: RiskFactor): FactorDraft => ({ description: f.description, level: String(f.level), evidence: f.evidence ?? '', incidents: f.incidents });

export function RiskFormPage({ id }: { id: string }) {
  const [actor, setActor] = useState<{ actor: ActorView; incidents: ActorIncident[] } | null>(null);
  const [replaces, setReplaces] = useState<number | null>(null);
  const [factors, setFactors] = useState<Drafts>({ threats: [emptyFactor()], vulnerabilities: [emptyFactor()], capacities: [emptyFactor()] });
  const [summary, setSummary] = useState('');
  const [nextReview, setNextReview] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  const [message, setMessage] = useState<string | undefined>();
  const [conflict, setConflict] = useState(false);
  const [loadError, setLoadError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    (async () => {
      const [a, o] = await Promise.all([api<{ actor: ActorView; incidents: ActorIncident[] }>('GET', `/api/v1/actors/${id}`), api<RiskOverview>('GET', `/api/v1/actors/${id}/risk`)]);
      const latest = o.history[0];
      if (latest) {
        const { assessment } = await api<RiskAssessmentAnswer>('GET', `/api/v1/actors/${id}/risk/${latest.version}`);
        setFactors({ threats: assessment.threats.map(draftOf), vulnerabilities: assessment.vulnerabilities.map(draftOf), capacities: assessment.capacities.map(draftOf) });
        setSummary(assessment.summary ?? '');
      }
      setActor(a);
      setReplaces(latest?.version ?? 0);
    })().catch((e: unknown) => setLoadError(errorText(e)));
  }, [id]);

  if (!actor || replaces === null)
    return (
      <>
        <PageTitle>{t('risk.formTitle')}</PageTitle>
        {loadError ? <Alert kind="error">{loadError}</Alert> : <Loading />}
      </>
    );

  const incidents: Option[] = actor.incidents.map((i) => ({ value: i.id, label: `${i.ref}${i.dateStart ? ` · ${partialDate(i.dateStart)}` : ''}` }));

  async function save() {
    const list = new Map<string, string[]>();
    for (const kind of FACTOR_KINDS)
      factors[kind].forEach((f, i) => {
        if (!f.description.trim()) list.set(`${kind}[${i}].description`, [t('problem.required')]);
        if (!f.level) list.set(`${kind}[${i}].level`, [t('problem.required')]);
      });
    for (const kind of ['threats', 'vulnerabilities'] as const) if (!factors[kind].length) list.set(kind, [t('risk.needOne')]);
    setProblems(list);
    setMessage(undefined);
    setConflict(false);
    if (list.size) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.error-summary')?.focus());
      return;
    }
    const body = {
      ...Object.fromEntries(FACTOR_KINDS.map((kind) => [kind, factors[kind].map((f) => ({ description: f.description, level: Number(f.level), ...(f.evidence.trim() ? { evidence: f.evidence } : {}), incidents: f.incidents }))])),
      ...(summary.trim() ? { summary } : {}),
      ...(nextReview ? { nextReview } : {}),
      replaces,
    };
    setBusy(true);
    try {
      await api('POST', `/api/v1/actors/${id}/risk`, body);
      navigate(`/people/${id}`, { replace: true });
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.status === 409) setConflict(true);
      else if (e instanceof ApiError && e.problems.length) setProblems(problemMap(e.problems));
      else setMessage(errorText(e));
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.error-summary, [role=alert]')?.focus());
    }
  }

  return (
    <>
      <p class="back">
        <Link href={`/people/${id}`}>← {t('common.back')}</Link>
      </p>
      <PageTitle>{t('risk.formTitle')}</PageTitle>
      <p class="meta">{actor.actor.pseudonym}</p>
      <p class="hint">{t('risk.formIntro')}</p>
      {conflict && <Alert kind="error">{t('risk.conflict')}</Alert>}
      <ErrorSummary problems={problems} message={message} />
      <form
        class="risk-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {FACTOR_KINDS.map((kind) => (
          <FactorFields key={kind} kind={kind} items={factors[kind]} onItems={(items) => setFactors({ ...factors, [kind]: items })} incidents={incidents} problems={problems} />
        ))}
        <TextField id={fieldId('summary')} label={t('risk.summary')} hint={t('risk.summaryHint')} value={summary} onValue={setSummary} multiline rows={4} maxLength={5000} errors={problems.get('summary')} />
        <TextField id={fieldId('nextReview')} type="date" label={t('risk.nextReviewLabel')} value={nextReview} onValue={setNextReview} errors={problems.get('nextReview')} />
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('risk.save')}
          </button>
          <Link href={`/people/${id}`} class="btn">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
