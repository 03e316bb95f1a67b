/**
 * "Exportar paquete verificable" (evidence.export): the items ticked in the list go into a zip
 * signed with the organisation's key, for legal action or for sharing with partners. Only items
 * whose consent for that use is given may go; those that lack it are named before anything is
 * asked of the server (and the server's own refusal is shown if the list was stale). The bundle
 * needs a recent password (the re-authentication dialog asks for it). The signing key's
 * fingerprint (the key is made the first time it is asked for) is shown so it can be given to the
 * recipient by another channel.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { Alert, SelectField } from '../../components/ui';
import { withReauth, ReauthCancelled } from '../../components/reauth';
import { errorText } from '../../lib/problems';
import type { EvidenceSummary, SigningKeyView } from '../../types';
import { consentLabel } from '../incident-form/others';
import { BUNDLE_PURPOSES, type BundlePurpose } from './words';
import { postBundle } from './download';
import { today } from './format';

export function BundleExport({ items, selected, onClear }: { items: EvidenceSummary[]; selected: Set<string>; onClear: () => void }) {
  const [purpose, setPurpose] = useState<BundlePurpose | ''>('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ purpose?: string; items?: string } | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [key, setKey] = useState<SigningKeyView | null | undefined>(undefined);

  const loadKey = () =>
    api<SigningKeyView>('GET', '/api/v1/evidence/signing-key').then(
      (k) => setKey(k),
      () => setKey(null),
    );
  useEffect(() => {
    void loadKey();
  }, []);

  const chosen = items.filter((i) => selected.has(i.id));
  const lacking = purpose ? chosen.filter((i) => i.consent[purpose] !== 'given') : [];

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setDone(undefined);
    const p: { purpose?: string; items?: string } = {};
    if (!purpose) p.purpose = t('evidence.bundle.choosePurpose');
    if (!chosen.length) p.items = t('evidence.bundle.chooseItems');
    else if (lacking.length && purpose) p.items = t('evidence.bundle.lacking', { use: consentLabel(purpose), refs: lacking.map((i) => i.ref).join(', ') });
    setProblem(Object.keys(p).length ? p : null);
    if (Object.keys(p).length || !purpose) return;
    setBusy(true);
    try {
      const body = { itemIds: chosen.map((i) => i.id), purpose };
      await withReauth(() => postBundle('/api/v1/evidence/bundles', body, `evidence-bundle-${today()}.zip`));
      setDone(t('evidence.bundle.done', { count: chosen.length }));
      onClear();
      if (!key) void loadKey();
    } catch (err) {
      if (err instanceof ReauthCancelled) return;
      if (err instanceof ApiError && err.status === 409) setProblem({ items: t('evidence.bundle.refused', { reason: err.message || errorText(err) }) });
      else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="evidence-export card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="evidence-export-title">
      <h3 id="evidence-export-title" class="card-title">
        {t('evidence.bundle.title')}
      </h3>
      <p class="hint">{t('evidence.bundle.intro')}</p>
      <SelectField
        id="evidence-bundle-purpose"
        label={t('evidence.bundle.purpose')}
        value={purpose}
        onValue={(v) => setPurpose(BUNDLE_PURPOSES.find((x) => x === v) ?? '')}
        empty={t('common.choose')}
        options={BUNDLE_PURPOSES.map((u) => ({ value: u, label: consentLabel(u) }))}
        errors={problem?.purpose ? [problem.purpose] : undefined}
        required
      />
      <p class="evidence-export-count" aria-live="polite">
        {t('evidence.bundle.selected', { count: chosen.length })}
      </p>
      {lacking.length > 0 && purpose && !problem?.items && (
        <Alert kind="warning">{t('evidence.bundle.lacking', { use: consentLabel(purpose), refs: lacking.map((i) => i.ref).join(', ') })}</Alert>
      )}
      {problem?.items && <Alert kind="error">{problem.items}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('evidence.bundle.preparing') : t('evidence.bundle.submit')}
        </button>
      </div>
      <div aria-live="polite" class="live-slot">
        {done && <Alert kind="success">{done}</Alert>}
      </div>
      <p class="small evidence-key">
        {key ? (
          <>
            {t('evidence.bundle.fingerprint')} <code class="hash-full">{key.fingerprint}</code>
            <br />
            <span class="muted">{t('evidence.bundle.fingerprintHint')}</span>
          </>
        ) : key === null ? (
          <span class="muted">{t('evidence.bundle.keyUnavailable')}</span>
        ) : null}
      </p>
    </form>
  );
}
