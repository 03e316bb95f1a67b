/**
 * "Pruebas" on an incident's page and on a person's page (ADR 0019): every item that exists, as
 * everyone who may read the record sees it — reference (linking to the item), kind, type, size, a
 * short SHA-256 with the full one a click away, when and by whom it was received, its consent — with
 * no description, name, metadata or image (those are on the item's page, for who may see them).
 * Those who may add evidence get the upload form (and, on an incident, the online-threat capture);
 * those who may export choose items for a signed bundle.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { can } from '../../state';
import { Link } from '../../router';
import { Alert, Loading, Row } from '../../components/ui';
import { dateTime } from '../../lib/format';
import { errorText } from '../../lib/problems';
import type { EvidenceList, EvidenceSummary } from '../../types';
import { consentSummary, kindName, sizeOf } from './words';
import { shortHash } from './format';
import { UploadForm, type EvidenceOwner, type SourceChoice } from './upload-form';
import { BundleExport } from './bundle-export';
import './evidence.css';

export type { EvidenceOwner, SourceChoice };

/** Items in list order with each capture's screenshots right after it. */
function ordered(items: EvidenceSummary[]): EvidenceSummary[] {
  const ids = new Set(items.map((i) => i.id));
  const out: EvidenceSummary[] = [];
  for (const i of items) {
    if (i.parentId && ids.has(i.parentId)) continue;
    out.push(i, ...items.filter((c) => c.parentId === i.id));
  }
  return out;
}

export function EvidenceSection({ owner, sources = [] }: { owner: EvidenceOwner; sources?: SourceChoice[] }) {
  const [list, setList] = useState<EvidenceList | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const mayExport = can('evidence.export');
  const mayWrite = can('evidence.write');

  const load = () =>
    api<EvidenceList>('GET', `/api/v1/${owner.kind}/${owner.id}/evidence`).then(
      (l) => {
        setList(l);
        setError(undefined);
      },
      (e) => setError(errorText(e)),
    );
  useEffect(() => {
    void load();
  }, [owner.kind, owner.id]);

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const items = list ? ordered(list.items) : [];
  const refOf = new Map(items.map((i) => [i.id, i.ref]));

  return (
    <section class="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">
        {t('evidence.title')} {list && <span class="section-count">{list.items.length}</span>}
      </h2>
      {error && <Alert kind="error">{error}</Alert>}
      {!list && !error && <Loading />}
      {list && items.length === 0 && <p class="muted">{t('evidence.none')}</p>}
      {list && items.length > 0 && !list.mayOpen && <p class="hint">{t('evidence.restrictedList')}</p>}
      {items.length > 0 && (
        <ul class="cards evidence-list">
          {items.map((i) => (
            <EvidenceRow key={i.id} item={i} parentRef={i.parentId ? refOf.get(i.parentId) : undefined} selectable={mayExport} selected={selected.has(i.id)} onSelect={(on) => toggle(i.id, on)} />
          ))}
        </ul>
      )}
      {mayExport && items.length > 0 && <BundleExport items={items} selected={selected} onClear={() => setSelected(new Set())} />}
      {mayWrite && (
        <div class="evidence-add">
          <UploadForm owner={owner} sources={sources} onSaved={() => void load()} />
          {owner.kind === 'incidents' && (
            <p>
              <Link href={`/incidents/${owner.id}/evidence/capture`} class="btn">
                {t('evidence.capture.open')}
              </Link>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function EvidenceRow({ item, parentRef, selectable, selected, onSelect }: { item: EvidenceSummary; parentRef: string | undefined; selectable: boolean; selected: boolean; onSelect: (on: boolean) => void }) {
  const check = `evidence-pick-${item.id}`;
  return (
    <li class={`card evidence-item ${item.parentId ? 'is-child' : ''}`}>
      <h3 class="card-title">
        <Link href={`/evidence/${item.id}`}>{item.ref}</Link> <span class="muted">· {kindName(item.kind)}</span>
      </h3>
      <dl class="facts small">
        {parentRef && <Row label={t('evidence.partOf')}>{parentRef}</Row>}
        <Row label={t('evidence.file')}>
          {item.mediaType} · {sizeOf(item.size)}
        </Row>
        <Row label="SHA-256">
          <details class="evidence-hash">
            <summary>
              <code>{shortHash(item.sha256)}…</code> <span class="small">{t('evidence.fullHash')}</span>
            </summary>
            <code class="hash-full">{item.sha256}</code>
          </details>
        </Row>
        <Row label={t('evidence.received')}>{t('evidence.receivedValue', { when: dateTime(item.receivedAt), who: item.receivedBy.name || '—' })}</Row>
        <Row label={t('evidence.consent.title')}>{consentSummary(item.consent)}</Row>
      </dl>
      {selectable && (
        <div class="check evidence-pick">
          <input type="checkbox" id={check} checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} />
          <label for={check}>{t('evidence.bundle.include', { ref: item.ref })}</label>
        </div>
      )}
    </li>
  );
}
