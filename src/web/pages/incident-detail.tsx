/**
 * One incident: the story first (what, when, where, summary, a timeline of acts with victims
 * and perpetrators), details below (victims, sources, interventions, context), then history.
 * Identifying values stay masked until the reader asks for them (each reveal is audited).
 */
import { useEffect, useState } from 'preact/hooks';
import { SharesPanel } from '../components/shares';
import { api, ApiError } from '../api';
import { t, lang } from '../i18n/i18n';
import { can, useAppState } from '../state';
import { Link, navigate } from '../router';
import { Alert, Loading, PageTitle, IdentBadge, Row } from '../components/ui';
import { Ident, FreeText, identListed, type IdentSource } from '../components/ident';
import { History } from '../components/history';
import { consentLabel, countLabel } from './incident-form/others';
import { countryName, dateTime, fuzzyDate, partialDate, placeText } from '../lib/format';
import { errorText } from '../lib/problems';
import { CONSENT_USES, COUNT_FIELDS, type ActorView, type IncidentView } from '../types';
import { UrgentLink } from './urgent/urgent-link';
import { EvidenceSection } from './evidence/evidence-section';
import { DuplicatesSection, MergedNotice } from './duplicates/lazy';

export function IncidentDetailPage({ id }: { id: string }) {
  const { vocab, places } = useAppState();
  const [inc, setInc] = useState<IncidentView | null>(null);
  /** the record was merged into another: its notice says where, instead of "not found" */
  const [merged, setMerged] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [actionError, setActionError] = useState<string | undefined>();

  useEffect(() => {
    api<IncidentView>('GET', `/api/v1/incidents/${id}`)
      .then(setInc)
      .catch((e) => setError(errorText(e)));
  }, [id]);

  if (!vocab) return null;
  if (error)
    return (
      <>
        <PageTitle>{t('title.incident')}</PageTitle>
        <MergedNotice id={id} onMerged={() => setMerged(true)} />
        {!merged && <Alert kind="error">{error}</Alert>}
        <Link href="/">{t('detail.back')}</Link>
      </>
    );
  if (!inc)
    return (
      <>
        <PageTitle>{t('title.incident')}</PageTitle>
        <Loading />
      </>
    );

  const victimOf = (key: string | undefined) => (key ? inc.victims.find((v) => v.key === key || v.actorId === key) : undefined);
  const src: IdentSource = { kind: 'incidents', id: inc.id, masked: inc.masked, redacted: inc.redacted };
  const place = placeText(places, inc.place);
  const remove = async () => {
    if (!window.confirm(t('detail.deleteConfirm'))) return;
    try {
      await api('DELETE', `/api/v1/incidents/${inc.id}?version=${inc.version}`);
      navigate('/', { replace: true });
    } catch (e) {
      setActionError(e instanceof ApiError && e.status === 409 ? t('detail.deleteConflict') : errorText(e));
    }
  };

  return (
    <article class="detail">
      <p class="back">
        <Link href="/">← {t('detail.back')}</Link>
      </p>
      <header class="detail-head">
        <PageTitle>{inc.title}</PageTitle>
        <p class="meta">
          <span class="ref">{inc.ref}</span>
          <span class={`status status-${inc.status}`}>{vocab.label('incident_status', inc.status)}</span>
          <span class="followup">
            {t('field.followUp')}: {vocab.label('follow_up', inc.followUp)}
          </span>
        </p>
        <div class="detail-actions">
          {inc.canEdit && can('identifying.read') && (
            <Link href={`/incidents/${inc.id}/edit`} class="btn btn-primary">
              {t('detail.edit')}
            </Link>
          )}
          <UrgentLink incidentId={inc.id} canEdit={inc.canEdit === true} />
          {can('incident.delete') && (
            <button type="button" class="btn btn-danger-quiet" onClick={() => void remove()}>
              {t('detail.delete')}
            </button>
          )}
        </div>
        {actionError && <Alert kind="error">{actionError}</Alert>}
      </header>

      <section class="story" aria-label={t('detail.story')}>
        <dl class="facts">
          <Row label={t('detail.when')}>{fuzzyDate(inc.date) || t('incident.noDate')}</Row>
          <Row label={t('detail.where')}>{place || t('incident.noPlace')}</Row>
          <Row label={t('field.routeSegment')}>{inc.place.routeSegment ? vocab.label('route_segment', inc.place.routeSegment) : ''}</Row>
          {identListed(src, 'place.private', inc.place.private) && (
            <Row
              label={
                <>
                  {t('form.privatePoint')} <IdentBadge />
                </>
              }
            >
              <Ident src={src} path="place.private" value={inc.place.private} multiline />
            </Row>
          )}
        </dl>
        <FreeText src={src} path="summary" value={inc.summary} class="summary" />

        <h2>{t('detail.timeline')}</h2>
        {inc.acts.length === 0 ? (
          <p class="muted">{t('detail.noActs')}</p>
        ) : (
          <ol class="timeline">
            {inc.acts.map((a, i) => {
              const victim = victimOf(a.victimKey);
              return (
                <li key={a.id ?? i} class="act">
                  <p class="act-title">
                    {a.date && <span class="act-date">{fuzzyDate(a.date)} · </span>}
                    <strong>{vocab.label('act', a.kind)}</strong>
                  </p>
                  {victim && (
                    <p>
                      {t('detail.against')}{' '}
                      <Link href={`/people/${victim.actorId}`}>{victim.actor.pseudonym}</Link>
                      {victim.actor.role ? ` (${vocab.label('victim_role', victim.actor.role)})` : ''}
                    </p>
                  )}
                  {a.perpetrators.length > 0 && (
                    <ul class="perp-list">
                      {a.perpetrators.map((p, j) => (
                        <li key={p.id ?? j}>
                          {t('detail.by')} <strong>{vocab.shortPath('perpetrator', p.perpetrator)}</strong>
                          {p.degree ? ` — ${vocab.label('involvement_degree', p.degree)}` : ''}
                          {p.country ? ` (${countryName(places, p.country)})` : ''}
                          {identListed(src, `acts[${i}].perpetrators[${j}].identifiedIndividuals`, p.identifiedIndividuals) && (
                            <div class="ident-line">
                              {t('field.identifiedIndividuals')} <IdentBadge />:{' '}
                              <Ident src={src} path={`acts[${i}].perpetrators[${j}].identifiedIndividuals`} value={p.identifiedIndividuals} multiline />
                            </div>
                          )}
                          <FreeText src={src} path={`acts[${i}].perpetrators[${j}].description`} value={p.description} class="small" />
                        </li>
                      ))}
                    </ul>
                  )}
                  {(a.methods.length > 0 || a.consequences.length > 0) && (
                    <dl class="facts small">
                      <Row label={t('field.methods')}>{a.methods.map((m) => vocab.label('act_method', m)).join(', ')}</Row>
                      <Row label={t('field.consequences')}>{a.consequences.map((m) => vocab.label('consequence', m)).join(', ')}</Row>
                    </dl>
                  )}
                  <FreeText src={src} path={`acts[${i}].description`} value={a.description} />
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section class="details-block">
        <h2>{t('detail.victims')}</h2>
        {inc.victims.length === 0 ? (
          <p class="muted">{t('detail.noVictims')}</p>
        ) : (
          <ul class="cards">
            {inc.victims.map((v, i) => (
              <VictimCard key={v.actorId} actor={v.actor} index={i} src={src} />
            ))}
          </ul>
        )}

        <h2>{t('detail.sources')}</h2>
        {inc.sources.length === 0 ? (
          <p class="muted">{t('detail.noSources')}</p>
        ) : (
          <ul class="cards">
            {inc.sources.map((s, i) => (
              <li class="card" key={s.id ?? i}>
                <h3 class="card-title">
                  {vocab.label('source_kind', s.kind)}
                  {s.pseudonym ? ` — ${s.pseudonym}` : ''}
                </h3>
                <dl class="facts">
                  <Row label={t('field.sourceMethod')}>{vocab.label('source_method', s.method)}</Row>
                  <Row label={t('field.receivedOn')}>{partialDate(s.receivedOn)}</Row>
                  <Row label={t('field.reliability')}>{vocab.label('reliability', s.reliability)}</Row>
                  {identListed(src, `sources[${i}].testimony`, s.testimony) && (
                    <Row
                      label={
                        <>
                          {t('field.testimony')} <IdentBadge />
                        </>
                      }
                    >
                      <Ident src={src} path={`sources[${i}].testimony`} value={s.testimony} multiline />
                    </Row>
                  )}
                </dl>
                <table class="consent-table">
                  <caption>{t('source.consent')}</caption>
                  <tbody>
                    {CONSENT_USES.map((u) => (
                      <tr key={u}>
                        <th scope="row">{consentLabel(u)}</th>
                        <td>{vocab.label('consent_value', s.consent[u] ?? 'not_asked')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </li>
            ))}
          </ul>
        )}

        <h2>{t('detail.interventions')}</h2>
        {inc.interventions.length === 0 ? (
          <p class="muted">{t('detail.noInterventions')}</p>
        ) : (
          <ul class="cards">
            {inc.interventions.map((x, i) => (
              <li class="card" key={x.id ?? i}>
                <h3 class="card-title">{vocab.label('intervention_kind', x.kind)}</h3>
                <dl class="facts">
                  <Row label={t('intervention.date')}>{partialDate(x.date)}</Row>
                  <Row label={t('intervention.actor')}>{x.actor}</Row>
                  <Row label={t('intervention.addressee')}>{x.addressee}</Row>
                  <Row label={t('field.outcome')}>{vocab.label('intervention_outcome', x.outcome)}</Row>
                  <Row label={t('field.followUp')}>{vocab.label('follow_up', x.followUp)}</Row>
                </dl>
                <FreeText src={src} path={`interventions[${i}].notes`} value={x.notes} />
              </li>
            ))}
          </ul>
        )}

        <h2>{t('detail.context')}</h2>
        <dl class="facts">
          <Row label={t('field.context')}>{inc.context.length ? inc.context.map((c) => vocab.label('context', c)).join(', ') : t('history.empty')}</Row>
          <Row label={t('field.confidentiality')}>{vocab.label('confidentiality', inc.confidentiality)}</Row>
          {inc.counts && Object.keys(inc.counts).length > 0 && (
            <Row label={t('counts.legend')}>{COUNT_FIELDS.filter((k) => inc.counts?.[k] !== undefined).map((k) => `${countLabel(k)}: ${inc.counts![k]!.toLocaleString(lang())}`).join(' · ')}</Row>
          )}
          <Row label={t('detail.recorded')}>{dateTime(inc.createdAt)}</Row>
          <Row label={t('detail.updated')}>{t('detail.updatedValue', { time: dateTime(inc.updatedAt), version: inc.version })}</Row>
        </dl>
      </section>

      <EvidenceSection owner={{ kind: 'incidents', id: inc.id }} sources={inc.sources.flatMap((s, i) => (s.id ? [{ id: s.id, label: t('evidence.upload.sourceN', { n: i + 1, kind: vocab.label('source_kind', s.kind) }) }] : []))} />

      <DuplicatesSection incident={inc} onMerged={setInc} />

      <SharesPanel incidentId={inc.id} />

      <History incident={inc} />
    </article>
  );
}

function VictimCard({ actor, index, src }: { actor: ActorView; index: number; src: IdentSource }) {
  const { vocab, places } = useAppState();
  if (!vocab) return null;
  const base = `victims[${index}].actor`;
  const showIdent = (k: 'realName' | 'contact' | 'privateAddress') => identListed(src, `${base}.${k}`, actor[k]);
  return (
    <li class="card">
      <h3 class="card-title">
        <Link href={`/people/${actor.id}`}>{actor.pseudonym}</Link>{' '}
        <span class="muted small">{actor.kind === 'person' ? t('actor.person') : t('actor.organisation')}</span>
      </h3>
      <dl class="facts">
        <Row label={t('field.role')}>{vocab.label('victim_role', actor.role)}</Row>
        <Row label={t('field.genderIdentity')}>{vocab.label('gender_identity', actor.genderIdentity)}</Row>
        <Row label={t('field.lgbti')}>{vocab.label('lgbti', actor.lgbti)}</Row>
        <Row label={t('field.migrationStatus')}>{vocab.label('migration_status', actor.migrationStatus)}</Row>
        <Row label={t('field.ageGroup')}>{vocab.label('age_group', actor.ageGroup)}</Row>
        <Row label={t('field.nationality')}>{countryName(places, actor.nationality)}</Row>
        <Row label={t('field.orgType')}>{vocab.label('org_type', actor.orgType)}</Row>
        <Row label={t('detail.where')}>{placeText(places, { locality: actor.locality ?? null, state: actor.state ?? null, country: actor.country ?? null })}</Row>
        {showIdent('realName') && (
          <Row label={<>{actor.kind === 'person' ? t('field.realName') : t('field.legalName')} <IdentBadge /></>}>
            <Ident src={src} path={`${base}.realName`} value={actor.realName} />
          </Row>
        )}
        {showIdent('contact') && (
          <Row label={<>{t('field.contact')} <IdentBadge /></>}>
            <Ident src={src} path={`${base}.contact`} value={actor.contact} multiline />
          </Row>
        )}
        {showIdent('privateAddress') && (
          <Row label={<>{t('field.privateAddress')} <IdentBadge /></>}>
            <Ident src={src} path={`${base}.privateAddress`} value={actor.privateAddress} multiline />
          </Row>
        )}
      </dl>
    </li>
  );
}

