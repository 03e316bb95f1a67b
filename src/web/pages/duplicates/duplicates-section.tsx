/**
 * "Posibles duplicados" on an incident's page (ADR 0023): the incidents the reader may see that look
 * like the same event, best first — each side by side with this one and the reasons — and, for those
 * who may edit any incident, "merge it into this one" (after a confirmation that says what will move)
 * and "not a duplicate". Also lists the incidents already merged into this one.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { can } from '../../state';
import { Link } from '../../router';
import { Alert } from '../../components/ui';
import { dateTime } from '../../lib/format';
import { errorText } from '../../lib/problems';
import type { IncidentView } from '../../types';
import { Compare, MergeConfirm, Reasons } from './compare';
import { refusalText, scoreText } from './words';
import { sideOf, sideOfView, type Merges, type Suggestions } from './types';
import './duplicates.css';

export function DuplicatesSection({ incident, onMerged }: { incident: IncidentView; onMerged: (v: IncidentView) => void }) {
  const [list, setList] = useState<Suggestions | null>(null);
  const [merges, setMerges] = useState<Merges | null>(null);
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const mayChange = can('incident.edit_any') && incident.canEdit === true;

  useEffect(() => {
    let live = true;
    setList(null);
    setError('');
    api<Suggestions>('GET', `/api/v1/incidents/${incident.id}/duplicates`).then(
      (r) => live && setList(r),
      (e: unknown) => live && setError(errorText(e)),
    );
    api<Merges>('GET', `/api/v1/incidents/${incident.id}/merges`).then(
      (r) => live && setMerges(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [incident.id, incident.version]);

  const dismiss = async (otherId: string, ref: string) => {
    setNotice('');
    try {
      await api('POST', '/api/v1/duplicates/dismiss', { a: incident.id, b: otherId });
      setList((l) => (l ? { ...l, items: l.items.filter((s) => s.incident.id !== otherId) } : l));
      setNotice(t('duplicates.dismissed', { ref }));
    } catch (e) {
      setNotice(refusalText(e));
    }
  };

  const merged = async (ref: string) => {
    setConfirming(null);
    setNotice(t('duplicates.mergedNotice', { ref }));
    // the page shows this incident as it now is (its parts, version and history)
    onMerged(await api<IncidentView>('GET', `/api/v1/incidents/${incident.id}`));
  };

  return (
    <section class="duplicates" aria-labelledby="dup-h">
      <h2 id="dup-h">{t('duplicates.section.title')}</h2>
      {merges && merges.mergedFrom.length > 0 && (
        <p class="dup-merged-from">
          {t('duplicates.section.mergedFrom')}{' '}
          {merges.mergedFrom.map((m, i) => (
            <span key={m.id}>
              {i > 0 ? ', ' : ''}
              <Link href={`/incidents/${m.id}`}>{m.ref}</Link> ({dateTime(m.at)})
            </span>
          ))}
        </p>
      )}
      <div aria-live="polite">{notice && <Alert kind="info">{notice}</Alert>}</div>
      {error && <Alert kind="error">{error}</Alert>}
      {!list && !error && <p class="muted">{t('duplicates.section.looking')}</p>}
      {list && !list.dated && <p class="muted">{t('duplicates.section.undated')}</p>}
      {list && list.dated && list.items.length === 0 && <p class="muted">{t('duplicates.section.none')}</p>}
      {list && list.partial && <p class="muted">{t('duplicates.partial')}</p>}
      {list && list.items.length > 0 && (
        <ul class="dup-list">
          {list.items.map((s) => (
            <li key={s.incident.id} class="dup-card">
              <h3 class="dup-card-title">
                <Link href={`/incidents/${s.incident.id}`}>
                  {s.incident.ref} — {s.incident.title}
                </Link>
              </h3>
              <p class="dup-score">{scoreText(s.score)}</p>
              <Reasons reasons={s.reasons} />
              <Compare left={sideOfView(incident)} right={sideOf(s.incident)} caption={t('duplicates.compare.caption', { a: incident.ref, b: s.incident.ref })} />
              {mayChange &&
                (confirming === s.incident.id ? (
                  <MergeConfirm keep={incident} other={s.incident} moves={s.incident.moves} onMerged={() => void merged(s.incident.ref)} onCancel={() => setConfirming(null)} />
                ) : (
                  <div class="dup-actions">
                    <button type="button" class="btn" onClick={() => setConfirming(s.incident.id)}>
                      {t('duplicates.mergeHere', { ref: s.incident.ref })}
                    </button>
                    <button type="button" class="btn btn-quiet" onClick={() => void dismiss(s.incident.id, s.incident.ref)}>
                      {t('duplicates.dismiss')}
                    </button>
                  </div>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
