/** One person or organisation: profile, protection measures, warning signs (pattern flags) and the incidents that affected them. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n/i18n';
import { can, useAppState } from '../state';
import { Link } from '../router';
import { Alert, Loading, PageTitle, IdentBadge, Row } from '../components/ui';
import { Ident, FreeText, identListed, type IdentSource } from '../components/ident';
import { IncidentCard } from '../components/incident-card';
import { countryName, partialDate, placeText } from '../lib/format';
import { errorText } from '../lib/problems';
import type { ActorIncident, ActorView } from '../types';
import { ActorFlags } from './patterns/actor-flags';
import { RiskPanel } from './risk/risk-panel';
import { EvidenceSection } from './evidence/evidence-section';

export function ActorPage({ id }: { id: string }) {
  const { vocab, places } = useAppState();
  const [data, setData] = useState<{ actor: ActorView; incidents: ActorIncident[] } | null>(null);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    api<{ actor: ActorView; incidents: ActorIncident[] }>('GET', `/api/v1/actors/${id}`)
      .then(setData)
      .catch((e) => setError(errorText(e)));
  }, [id]);
  if (!vocab) return null;
  if (error || !data)
    return (
      <>
        <PageTitle>{t('title.person')}</PageTitle>
        {error ? <Alert kind="error">{error}</Alert> : <Loading />}
      </>
    );
  const a = data.actor;
  const src: IdentSource = { kind: 'actors', id: a.id, masked: a.masked, redacted: a.redacted };
  const ident = (k: 'realName' | 'contact' | 'privateAddress', label: string) =>
    identListed(src, k, a[k]) ? (
      <Row label={<>{label} <IdentBadge /></>}>
        <Ident src={src} path={k} value={a[k]} multiline={k !== 'realName'} />
      </Row>
    ) : null;
  return (
    <article class="detail">
      <p class="back">
        <Link href="/people">← {t('people.back')}</Link>
      </p>
      <PageTitle>{a.pseudonym}</PageTitle>
      <p class="meta">
        {a.kind === 'person' ? t('actor.person') : t('actor.organisation')}
        {a.role ? ` · ${vocab.label('victim_role', a.role)}` : ''}
      </p>
      <p class="tl-open"><Link href={`/people/${a.id}/timeline`}>{t('timeline.open')}</Link></p>
      {can('actor.write') && can('identifying.read') && (
        <p>
          <Link href={`/people/${a.id}/edit`} class="btn btn-primary">
            {t('people.edit')}
          </Link>
        </p>
      )}
      <section>
        <h2>{t('people.profile')}</h2>
        <dl class="facts">
          <Row label={t('field.genderIdentity')}>{vocab.label('gender_identity', a.genderIdentity)}</Row>
          <Row label={t('field.lgbti')}>{vocab.label('lgbti', a.lgbti)}</Row>
          <Row label={t('field.migrationStatus')}>{vocab.label('migration_status', a.migrationStatus)}</Row>
          <Row label={t('field.ageGroup')}>{vocab.label('age_group', a.ageGroup)}</Row>
          <Row label={t('field.nationality')}>{countryName(places, a.nationality)}</Row>
          <Row label={t('field.orgType')}>{vocab.label('org_type', a.orgType)}</Row>
          <Row label={t('detail.where')}>{placeText(places, { locality: a.locality ?? null, state: a.state ?? null, country: a.country ?? null })}</Row>
          {ident('realName', a.kind === 'person' ? t('field.realName') : t('field.legalName'))}
          {ident('contact', t('field.contact'))}
          {ident('privateAddress', t('field.privateAddress'))}
        </dl>
        <FreeText src={src} path="notes" value={a.notes} />
      </section>
      <section>
        <h2>{t('people.measures')}</h2>
        {a.protectionMeasures.length === 0 ? (
          <p class="muted">{t('people.noMeasures')}</p>
        ) : (
          <ul class="cards">
            {a.protectionMeasures.map((m, i) => (
              <li class="card" key={m.id ?? i}>
                <h3 class="card-title">{vocab.label('protection_kind', m.kind)}</h3>
                <dl class="facts">
                  <Row label={t('field.status')}>{vocab.label('protection_status', m.status)}</Row>
                  <Row label={t('field.reference')}>{m.reference}</Row>
                  <Row label={t('field.granted')}>{partialDate(m.granted)}</Row>
                  <Row label={t('field.expires')}>{partialDate(m.expires)}</Row>
                  <Row label={t('field.includes')}>{m.includes}</Row>
                </dl>
                {m.notes && <p class="prewrap">{m.notes}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ActorFlags id={a.id} />
      <RiskPanel id={a.id} />
      <EvidenceSection owner={{ kind: 'actors', id: a.id }} />
      <section>
        <h2>{t('people.incidents', { count: data.incidents.length })}</h2>
        {data.incidents.length === 0 ? (
          <p class="muted">{t('people.noIncidents')}</p>
        ) : (
          <ul class="cards">
            {data.incidents.map((x) => (
              <IncidentCard
                key={x.id}
                headingLevel={3}
                vocab={vocab}
                places={places}
                hit={{ id: x.id, ref: x.ref, title: x.title, date: x.dateStart ? { start: x.dateStart, ...(x.dateEnd ? { end: x.dateEnd } : {}), ...(x.dateApprox ? { approximate: true } : {}) } : undefined, place: { country: x.country, state: x.state, locality: x.locality, crossing: x.crossing, routeSegment: x.routeSegment }, status: x.status, acts: x.acts }}
              />
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
