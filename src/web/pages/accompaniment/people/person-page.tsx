/**
 * One person accompanied (/accompaniment/people/:id): the pseudonym and reference as the heading
 * (the browser's title stays generic), what the plan counts (age group, languages, needs, family),
 * where they stay at its public precision, their hearings at each court's time. Their identity and
 * the note on their needs stay on the server until "Mostrar datos identificativos" (an audited
 * look, for those who may read identifying data); which fields hold something is said without
 * their values.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../i18n/i18n';
import { can, useAppState } from '../../../state';
import { Link } from '../../../router';
import { Alert, IdentBadge, Loading, PageTitle, Row } from '../../../components/ui';
import { countryName, placeText } from '../../../lib/format';
import { errorText } from '../../../lib/problems';
import { getFamilies, getPerson, revealIdentity, type Family, type HearingSummary, type Identity, type PersonView } from './api';
import { ageName, attendanceName, hearingStatusName, identityFieldName, IDENTITY_FIELDS, kindName, outcomeName, placeName, reminderLangName, roleName } from './words';
import { BackLink, NeedBadges, usePlaces, ZoneTime } from './parts';
import type { AccPlace } from './api';
import './people.css';

export function PersonPage({ id }: { id: string }) {
  const { places: world } = useAppState();
  const places = usePlaces();
  const [p, setP] = useState<PersonView | null>(null);
  const [family, setFamily] = useState<Family | null>(null);
  const [error, setError] = useState('');
  const [shown, setShown] = useState<{ identity: Identity; needsNote: string | null } | null>(null);
  const [showError, setShowError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getPerson(id).then(
      (v) => {
        setP(v);
        if (v.familyId) getFamilies().then((fs) => setFamily(fs.find((f) => f.id === v.familyId) ?? null), () => undefined);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [id]);

  const back = <BackLink href="/accompaniment/people" label={t('acc.people.back')} />;
  if (!p)
    return (
      <>
        {back}
        <PageTitle>{t('acc.person.title')}</PageTitle>
        {error ? <Alert kind="error">{error}</Alert> : <Loading />}
      </>
    );

  const show = async () => {
    setBusy(true);
    setShowError('');
    try {
      setShown(await revealIdentity(id));
    } catch (e) {
      setShowError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const stay = p.stayingAt;
  const others = family?.members.filter((m) => m.id !== p.id) ?? [];

  return (
    <article class="detail acc-person-page">
      {back}
      <PageTitle>
        {p.pseudonym} <span class="ref">{p.ref}</span>
      </PageTitle>
      <p class="meta">
        <span>{p.status === 'active' ? t('acc.people.active') : t('acc.people.closed')}</span>
        <span>{ageName(p.ageGroup)}</span>
      </p>
      {can('accompaniment.write') && (
        <div class="detail-actions">
          <Link href={`/accompaniment/people/${p.id}/edit`} class="btn btn-primary">
            {t('acc.person.edit')}
          </Link>
          <Link href={`/accompaniment/hearings/new?person=${p.id}`} class="btn">
            {t('acc.hearing.new')}
          </Link>
        </div>
      )}

      <section aria-labelledby="acc-summary-h">
        <h2 id="acc-summary-h">{t('acc.person.summary')}</h2>
        <dl class="facts">
          <Row label={t('acc.person.nationality')}>{p.nationality ? countryName(world, p.nationality) : ''}</Row>
          <Row label={t('acc.person.languages')}>{p.languages.join(', ')}</Row>
          <Row label={t('acc.person.reminderLang')}>{reminderLangName(p.reminderLang)}</Row>
          <Row label={t('acc.person.needs')}>{p.needs.length ? <NeedBadges needs={p.needs} /> : t('acc.person.noNeeds')}</Row>
          <Row label={t('acc.person.stayingAt')}>{stay ? [stay.pseudonym, placeText(world, { locality: stay.locality, state: stay.state, country: stay.country })].filter(Boolean).join(' · ') : ''}</Row>
        </dl>
      </section>

      {p.familyId && (
        <section aria-labelledby="acc-family-h">
          <h2 id="acc-family-h">{t('acc.people.family', { label: p.familyLabel ?? '' })}</h2>
          {p.familyRole && <p>{t('acc.person.roleIs', { role: roleName(p.familyRole) })}</p>}
          {others.length > 0 ? (
            <ul class="acc-members">
              {others.map((m) => (
                <li key={m.id}>
                  <Link href={`/accompaniment/people/${m.id}`}>{m.pseudonym}</Link> <span class="ref">{m.ref}</span>
                  {m.familyRole && <span class="muted"> · {roleName(m.familyRole)}</span>}
                  <span class="muted"> · {ageName(m.ageGroup)}</span>
                </li>
              ))}
            </ul>
          ) : family ? (
            <p class="muted">{t('acc.person.familyAlone')}</p>
          ) : null}
        </section>
      )}

      <section aria-labelledby="acc-ident-h" class="acc-ident">
        <h2 id="acc-ident-h">
          {t('acc.person.identitySection')} <IdentBadge />
        </h2>
        {!p.hasIdentity && !p.hasNeedsNote ? (
          <p class="muted">{t('acc.person.identityNone')}</p>
        ) : (
          <>
            <p class="hint">{t('acc.person.identityHeld', { list: [...IDENTITY_FIELDS.filter((f) => p.identityFields.includes(f)).map(identityFieldName), ...(p.hasNeedsNote ? [t('acc.person.needsNote')] : [])].join(', ') })}</p>
            {shown ? (
              <IdentityShown identity={shown.identity} needsNote={shown.needsNote} onHide={() => setShown(null)} />
            ) : can('identifying.read') ? (
              <button type="button" class="btn" onClick={() => void show()} disabled={busy}>
                {t('acc.person.showIdentity')}
              </button>
            ) : (
              <p class="muted">{t('acc.person.identityNoAccess')}</p>
            )}
            {showError && <Alert kind="error">{showError}</Alert>}
          </>
        )}
      </section>

      <section aria-labelledby="acc-hearings-h">
        <h2 id="acc-hearings-h">{t('acc.person.hearings')}</h2>
        {p.hearings.length === 0 ? <p class="muted">{t('acc.person.noHearings')}</p> : <HearingCards items={p.hearings} places={places} personId={p.id} />}
      </section>
    </article>
  );
}

function IdentityShown({ identity, needsNote, onHide }: { identity: Identity; needsNote: string | null; onHide: () => void }) {
  const list = (v: string[] | undefined) => (v?.length ? v.join(', ') : '');
  return (
    <div class="acc-ident-shown">
      <dl class="facts">
        <Row label={t('acc.ident.names')}>{identity.names ?? ''}</Row>
        <Row label={t('acc.ident.caseNumbers')}>{list(identity.caseNumbers)}</Row>
        <Row label={t('acc.ident.registrationNumbers')}>{list(identity.registrationNumbers)}</Row>
        <Row label={t('acc.ident.dateOfBirth')}>{identity.dateOfBirth ?? ''}</Row>
        <Row label={t('acc.ident.phones')}>{list(identity.phones)}</Row>
        <Row label={t('acc.ident.messaging')}>{list(identity.messaging)}</Row>
        <Row label={t('acc.ident.documents')}>{identity.documents ? <span class="prewrap">{identity.documents}</span> : ''}</Row>
        <Row label={t('acc.person.needsNote')}>{needsNote ? <span class="prewrap">{needsNote}</span> : ''}</Row>
      </dl>
      <button type="button" class="btn" onClick={onHide}>
        {t('acc.person.hideIdentity')}
      </button>
    </div>
  );
}

/** Hearings as cards: reference, court's time, court, kind, status, and this person's attendance. */
export function HearingCards({ items, places, personId }: { items: HearingSummary[]; places: AccPlace[] | null; personId?: string }) {
  return (
    <ul class="cards">
      {items.map((h) => {
        const mine = personId ? h.people.find((x) => x.id === personId) : undefined;
        return (
          <li class="card" key={h.id}>
            <h3 class="card-title">
              <Link href={`/accompaniment/hearings/${h.id}`}>
                <ZoneTime at={h.startsAt} zone={h.courtZone} />
              </Link>{' '}
              <span class="ref">{h.ref}</span>
            </h3>
            <p class="meta">
              <span>{placeName(places, h.court)}</span>
              <span>{kindName(h.kind)}</span>
              <span class="status">{hearingStatusName(h.status)}</span>
              {h.outcome && <span>{outcomeName(h.outcome)}</span>}
              {mine && <span>{t('acc.hearing.attendanceIs', { value: attendanceName(mine.attendance) })}</span>}
            </p>
            {h.presentAt && h.presentZone && (
              <p class="acc-present">
                {t('acc.hearing.presentAt', { place: placeName(places, h.presentPlace) })} <ZoneTime at={h.presentAt} zone={h.presentZone} />
              </p>
            )}
            {!personId && h.people.length > 0 && <p class="muted">{h.people.map((x) => `${x.pseudonym} (${x.ref})`).join(', ')}</p>}
          </li>
        );
      })}
    </ul>
  );
}
