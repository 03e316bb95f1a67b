/**
 * Two incidents side by side (title, date, place, what happened, victims, sources), the reasons they
 * look alike, and the merge confirmation that says what will move before anything does.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { useAppState } from '../../state';
import { Link } from '../../router';
import { Alert } from '../../components/ui';
import { fuzzyDate, placeText } from '../../lib/format';
import { movesText, reasonText, refusalText } from './words';
import type { DuplicateReason, MergeAnswer, Moves, Side } from './types';

export function Compare({ left, right, caption }: { left: Side; right: Side; caption: string }) {
  const { vocab, places } = useAppState();
  const rows: [string, (s: Side) => string][] = [
    [t('duplicates.compare.title'), (s) => s.title],
    [t('duplicates.compare.date'), (s) => fuzzyDate(s.date) || t('incident.noDate')],
    [t('duplicates.compare.place'), (s) => placeText(places, s.place, vocab) || t('incident.noPlace')],
    [t('duplicates.compare.acts'), (s) => s.acts.map((a) => vocab?.label('act', a) ?? a).join(', ') || '—'],
    [t('duplicates.compare.victims'), (s) => (s.victims === undefined ? '—' : s.victims.join(', ') || '—')],
    [t('duplicates.compare.sources'), (s) => (s.sources === undefined ? '—' : String(s.sources))],
  ];
  return (
    <table class="dup-compare">
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">
            <Link href={`/incidents/${left.id}`}>{left.ref}</Link>
          </th>
          <th scope="col">
            <Link href={`/incidents/${right.id}`}>{right.ref}</Link>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value(left)}</td>
            <td>{value(right)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Reasons({ reasons }: { reasons: DuplicateReason[] }) {
  const { vocab } = useAppState();
  return (
    <ul class="dup-reasons">
      {reasons.map((r, i) => (
        <li key={i}>{reasonText(r, vocab)}</li>
      ))}
    </ul>
  );
}

interface Party { id: string; ref: string; version: number }

/** "Merge B into A?" with what will move, then the merge itself (409s and 400s in words). */
export function MergeConfirm({ keep, other, moves, onMerged, onCancel }: { keep: Party; other: Party; moves: Moves; onMerged: (a: MergeAnswer) => void; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const lines = movesText(moves);
  const headingId = `dup-confirm-${other.id}`;
  const merge = async () => {
    setBusy(true);
    setError('');
    try {
      onMerged(await api<MergeAnswer>('POST', `/api/v1/incidents/${keep.id}/merge`, { other: other.id, version: keep.version, otherVersion: other.version }));
    } catch (e) {
      setError(refusalText(e));
      setBusy(false);
    }
  };
  return (
    <div class="dup-confirm" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('duplicates.confirm.title', { other: other.ref, keep: keep.ref })}</h4>
      {lines.length ? (
        <>
          <p>{t('duplicates.confirm.moves', { other: other.ref, keep: keep.ref })}</p>
          <ul>
            {lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('duplicates.confirm.nothing', { other: other.ref })}</p>
      )}
      <p>{t('duplicates.confirm.kept', { other: other.ref, keep: keep.ref })}</p>
      <p class="muted">{t('duplicates.confirm.final')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <div class="dup-actions">
        <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void merge()}>
          {t('duplicates.confirm.merge', { other: other.ref, keep: keep.ref })}
        </button>
        <button type="button" class="btn" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
