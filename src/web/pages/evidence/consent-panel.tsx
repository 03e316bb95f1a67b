/**
 * An item's consent per use, as a table everyone who sees the item may read. Those who may add
 * evidence change it here — giving it, or withdrawing it, which takes the item out of every later
 * bundle for that use; each change is an entry in the chain of custody. Only the uses changed are
 * sent, with the version read (someone else's change meanwhile: 409, said so, and reloaded).
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { Alert, SaveCancel } from '../../components/ui';
import type { Problems } from '../../lib/problems';
import { patchEvidence } from './patch-evidence';
import { CONSENT_USES, type Consent, type EvidenceDetail } from '../../types';
import { consentLabel } from '../incident-form/others';
import { consentValueName } from './words';
import { ConsentFields } from './upload-form';

export function ConsentPanel({ item, editable, onSaved, onConflict }: { item: EvidenceDetail; editable: boolean; onSaved: (item: EvidenceDetail) => void; onConflict: () => void }) {
  const [editing, setEditing] = useState(false);
  const [consent, setConsent] = useState<Consent>(item.consent);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problems>(new Map());
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);

  const open = () => {
    setConsent(item.consent);
    setProblems(new Map());
    setError(undefined);
    setSaved(false);
    setEditing(true);
    requestAnimationFrame(() => document.getElementById(`consent-edit-${CONSENT_USES[0]}`)?.focus());
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const changed = Object.fromEntries(CONSENT_USES.filter((u) => consent[u] !== item.consent[u]).map((u) => [u, consent[u]]));
    if (!Object.keys(changed).length) {
      setEditing(false);
      return;
    }
    if (await patchEvidence(item, { consent: changed }, { setBusy, setError, setProblems, setEditing, onSaved, onConflict })) setSaved(true);
  };

  return (
    <section class="evidence-consent-panel" aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t('evidence.consent.title')}</h2>
      {!editing && (
        <table class="consent-table">
          <caption class="sr-only">{t('evidence.consent.legend')}</caption>
          <tbody>
            {CONSENT_USES.map((u) => (
              <tr key={u}>
                <th scope="row">{consentLabel(u)}</th>
                <td>{consentValueName(item.consent[u])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div aria-live="polite" class="live-slot">
        {saved && !editing && <Alert kind="success">{t('evidence.consent.saved')}</Alert>}
      </div>
      {editable && !editing && (
        <p>
          <button type="button" class="btn" onClick={open}>
            {t('evidence.consent.edit')}
          </button>
        </p>
      )}
      {editing && (
        <form onSubmit={(e) => void save(e)} noValidate class="evidence-consent-form">
          <ConsentFields idPrefix="consent-edit" consent={consent} onConsent={setConsent} problems={problems} legend={t('evidence.consent.legend')} />
          <p class="hint">{t('evidence.consent.withdrawHint')}</p>
          {error && <Alert kind="error">{error}</Alert>}
          <SaveCancel save={t('evidence.consent.save')} onCancel={() => setEditing(false)} busy={busy} />
        </form>
      )}
    </section>
  );
}
