/**
 * Removing an item attached by mistake (who received it, a coordinator or an admin): one confirmation
 * that says what goes and what stays (the removal in its chain of custody), then back to its incident
 * or person. A change made elsewhere meanwhile (409) is said and the page reloads.
 */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { can, getState } from '../../state';
import { navigate } from '../../router';
import { Alert } from '../../components/ui';
import { errorText } from '../../lib/problems';
import type { EvidenceDetail } from '../../types';

export function mayRemove(item: EvidenceDetail): boolean {
  return can('evidence.write') && (can('incident.delete') || getState().session?.user.id === item.receivedBy.id);
}

export function RemoveItem({ item, back, onConflict }: { item: EvidenceDetail; back: string; onConflict: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const remove = async () => {
    if (!window.confirm(t('evidence.remove.confirm', { ref: item.ref }))) return;
    setBusy(true);
    setError(undefined);
    try {
      await api('DELETE', `/api/v1/evidence/${item.id}?version=${item.version}`);
      navigate(back, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) onConflict();
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="remove-heading">
      <h2 id="remove-heading">{t('evidence.remove.title')}</h2>
      <p class="muted">{t('evidence.remove.hint')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <button type="button" class="btn btn-danger-quiet" disabled={busy} onClick={() => void remove()}>
        {t('evidence.remove.button')}
      </button>
    </section>
  );
}
