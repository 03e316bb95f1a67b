/**
 * /evidence/:id — one evidence item. Everyone who may see its incident or person sees what it is
 * (reference, kind, type, size, full SHA-256, when and by whom it was received, consent). Who has
 * identifying access also sees its description (editable with evidence.write), its original name,
 * the original's metadata kept as evidence (capture time, device, GPS as numbers — no map, nothing
 * fetched from elsewhere), an online capture, the metadata-free viewing copy on request, the
 * original for a stated purpose, and the chain of custody. Others are told the details are
 * restricted. Identifying values stay masked on screen until "Mostrar". The page title and URL
 * carry only the generic title and the item's random id.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { can } from '../../state';
import { Link } from '../../router';
import { Alert, IdentBadge, Loading, PageTitle, Row, SaveCancel, TextField } from '../../components/ui';
import { Ident, type IdentSource } from '../../components/ident';
import { dateTime, partialDate } from '../../lib/format';
import { errorText, type Problems } from '../../lib/problems';
import type { EvidenceDetail, EvidenceList, EvidenceSummary } from '../../types';
import { kindName, platformName, sizeOf } from './words';
import { coordinates } from './format';
import { ConsentPanel } from './consent-panel';
import { CustodyTimeline } from './custody-timeline';
import { patchEvidence } from './patch-evidence';
import { RemoveItem, mayRemove } from './remove-item';
import { OriginalDownload, ViewCopy } from './item-files';
import './evidence.css';

export function EvidenceItemPage({ id }: { id: string }) {
  const [item, setItem] = useState<EvidenceDetail | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [conflict, setConflict] = useState(false);
  const [stamp, setStamp] = useState(0);
  const [parts, setParts] = useState<EvidenceSummary[]>([]);
  const [parentRef, setParentRef] = useState<string | undefined>();

  const load = () =>
    api<EvidenceDetail>('GET', `/api/v1/evidence/${id}`).then(
      (x) => {
        setItem(x);
        setError(undefined);
      },
      (e) => setError(errorText(e)),
    );
  useEffect(() => {
    void load();
  }, [id]);

  // a capture's screenshots (and a screenshot's capture) from the record's list: summaries only
  const owner = item ? (item.incidentId ? `/api/v1/incidents/${item.incidentId}/evidence` : item.actorId ? `/api/v1/actors/${item.actorId}/evidence` : null) : null;
  useEffect(() => {
    if (!owner || !item || (item.kind !== 'online_capture' && !item.parentId)) return;
    let live = true;
    api<EvidenceList>('GET', owner).then(
      (l) => {
        if (!live) return;
        setParts(l.items.filter((x) => x.parentId === item.id));
        setParentRef(item.parentId ? l.items.find((x) => x.id === item.parentId)?.ref : undefined);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [owner, item?.id]);

  if (error)
    return (
      <>
        <PageTitle>{t('title.evidence')}</PageTitle>
        <Alert kind="error">{error}</Alert>
        <p>
          <Link href="/">{t('detail.back')}</Link>
        </p>
      </>
    );
  if (!item)
    return (
      <>
        <PageTitle>{t('title.evidence')}</PageTitle>
        <Loading />
      </>
    );

  const back = item.incidentId ? { href: `/incidents/${item.incidentId}`, label: t('evidence.item.backIncident') } : item.actorId ? { href: `/people/${item.actorId}`, label: t('evidence.item.backPerson') } : { href: '/', label: t('detail.back') };
  const logged = () => setStamp((n) => n + 1);
  const saved = (x: EvidenceDetail) => {
    setConflict(false);
    setItem(x);
    logged();
  };
  const stale = () => {
    setConflict(true);
    void load().then(logged);
  };

  return (
    <article class="detail evidence-page">
      <p class="back">
        <Link href={back.href}>← {back.label}</Link>
      </p>
      <PageTitle>{t('evidence.item.heading', { ref: item.ref })}</PageTitle>
      <p class="meta">
        {kindName(item.kind)} · {item.mediaType} · {sizeOf(item.size)}
      </p>
      {conflict && <Alert kind="warning">{t('evidence.item.conflict')}</Alert>}
      <dl class="facts">
        <Row label="SHA-256">
          <code class="hash-full">{item.sha256}</code>
        </Row>
        <Row label={t('evidence.received')}>{t('evidence.receivedValue', { when: dateTime(item.receivedAt), who: item.receivedBy.name || '—' })}</Row>
        {item.parentId && (
          <Row label={t('evidence.partOf')}>
            <Link href={`/evidence/${item.parentId}`}>{parentRef ?? t('evidence.item.capture')}</Link>
          </Row>
        )}
      </dl>

      {item.restricted ? (
        <Alert kind="info">{t('evidence.item.restricted')}</Alert>
      ) : (
        <Details item={item} onSaved={saved} onConflict={stale} onViewed={logged} />
      )}

      {parts.length > 0 && (
        <section aria-labelledby="parts-heading">
          <h2 id="parts-heading">{t('evidence.item.screenshots')}</h2>
          <ul class="evidence-parts">
            {parts.map((p) => (
              <li key={p.id}>
                <Link href={`/evidence/${p.id}`}>{p.ref}</Link> · {kindName(p.kind)} · {sizeOf(p.size)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <ConsentPanel key={item.id} item={item} editable={can('evidence.write') && !item.restricted} onSaved={saved} onConflict={stale} />

      {!item.restricted && <CustodyTimeline id={item.id} stamp={stamp} />}

      {!item.restricted && mayRemove(item) && <RemoveItem item={item} back={back.href} onConflict={stale} />}
    </article>
  );
}

/** What only readers with identifying access see. */
function Details({ item, onSaved, onConflict, onViewed }: { item: EvidenceDetail; onSaved: (x: EvidenceDetail) => void; onConflict: () => void; onViewed: () => void }) {
  // values come with the answer (its read is already in the chain of custody): masked on screen until
  // shown; each mask is keyed by its value, so a reloaded or edited item never shows a stale one
  const src: IdentSource = { kind: 'incidents', id: item.id };
  const m = item.metadata;
  const c = item.capture;
  const device = [m?.make, m?.model].filter(Boolean).join(' ');
  return (
    <>
      <Description item={item} src={src} onSaved={onSaved} onConflict={onConflict} />
      {item.originalName !== undefined && (
        <dl class="facts">
          <Row
            label={
              <>
                {t('evidence.item.originalName')} <IdentBadge />
              </>
            }
          >
            <Ident key={item.originalName} src={src} path="originalName" value={item.originalName} />
          </Row>
        </dl>
      )}
      {c && (
        <section aria-labelledby="capture-heading">
          <h2 id="capture-heading">{t('evidence.item.captureTitle')}</h2>
          <dl class="facts">
            <Row label={t('evidence.capture.platform')}>{platformName(c.platform)}</Row>
            {c.account && (
              <Row label={<>{t('evidence.capture.account')} <IdentBadge /></>}>
                <Ident key={c.account} src={src} path="capture.account" value={c.account} />
              </Row>
            )}
            {c.url && (
              <Row label={<>{t('evidence.capture.url')} <IdentBadge /></>}>
                <Ident key={c.url} src={src} path="capture.url" value={c.url} />
              </Row>
            )}
            {c.text && (
              <Row label={<>{t('evidence.capture.text')} <IdentBadge /></>}>
                <Ident key={c.text} src={src} path="capture.text" value={c.text} multiline />
              </Row>
            )}
            <Row label={t('evidence.capture.seenAt')}>{c.seenAt.length === 10 ? partialDate(c.seenAt) : c.seenAt.replace('T', ' ')}</Row>
            <Row label={t('evidence.capture.capturedAt')}>{dateTime(c.capturedAt)}</Row>
          </dl>
        </section>
      )}
      {item.kind !== 'online_capture' && (
        <section class="evidence-metadata" aria-labelledby="metadata-heading">
          <h2 id="metadata-heading">{t('evidence.meta.title')}</h2>
          <p class="hint">{t('evidence.meta.hint')}</p>
          {m && (m.takenAt || device || m.software || m.gps || m.width) ? (
            <dl class="facts">
              <Row label={t('evidence.meta.takenAt')}>{m.takenAt ? m.takenAt.replace('T', ' ') : ''}</Row>
              <Row label={t('evidence.meta.device')}>{device}</Row>
              <Row label={t('evidence.meta.software')}>{m.software}</Row>
              {m.gps && (
                <Row label={<>{t('evidence.meta.gps')} <IdentBadge /></>}>
                  <Ident src={src} path="metadata.gps" value={m.gps.alt !== undefined ? t('evidence.meta.gpsWithAltitude', { coordinates: coordinates(m.gps), alt: String(m.gps.alt) }) : coordinates(m.gps)} />
                </Row>
              )}
              <Row label={t('evidence.meta.dimensions')}>{m.width && m.height ? t('evidence.meta.dimensionsValue', { width: String(m.width), height: String(m.height) }) : ''}</Row>
            </dl>
          ) : (
            <p class="muted">{t('evidence.meta.none')}</p>
          )}
        </section>
      )}
      {item.hasViewCopy && <ViewCopy item={item} onViewed={onViewed} />}
      <OriginalDownload item={item} />
    </>
  );
}

function Description({ item, src, onSaved, onConflict }: { item: EvidenceDetail; src: IdentSource; onSaved: (x: EvidenceDetail) => void; onConflict: () => void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problems>(new Map());
  const [error, setError] = useState<string | undefined>();

  const open = () => {
    setText(item.description ?? '');
    setProblems(new Map());
    setError(undefined);
    setEditing(true);
    requestAnimationFrame(() => document.getElementById('evidence-edit-description')?.focus());
  };
  const save = async (e: Event) => {
    e.preventDefault();
    await patchEvidence(item, { description: text.trim() ? text : null }, { setBusy, setError, setProblems, setEditing, onSaved, onConflict });
  };

  return (
    <section class="evidence-description" aria-labelledby="description-heading">
      <h2 id="description-heading">
        {t('evidence.description')} <IdentBadge />
      </h2>
      {!editing && (item.description ? <p><Ident key={item.description} src={src} path="description" value={item.description} multiline /></p> : <p class="muted">{t('evidence.item.noDescription')}</p>)}
      {!editing && can('evidence.write') && (
        <p>
          <button type="button" class="btn" onClick={open}>
            {t('evidence.item.editDescription')}
          </button>
        </p>
      )}
      {editing && (
        <form onSubmit={(e) => void save(e)} noValidate>
          <TextField id="evidence-edit-description" label={t('evidence.description')} hint={t('evidence.descriptionHint')} value={text} onValue={setText} multiline rows={4} identifying maxLength={5000} errors={problems.get('description')} />
          {error && <Alert kind="error">{error}</Alert>}
          <SaveCancel save={t('common.save')} onCancel={() => setEditing(false)} busy={busy} />
        </form>
      )}
    </section>
  );
}
