/** The sealed workspace: a custodian opens it with their passphrase, or with the recovery key. */
import { useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n/i18n';
import { refresh, update, type AppState } from '../state';
import { BareLayout } from '../components/bare-layout';
import { Alert, TextField } from '../components/ui';
import { LockIcon } from '../components/icons';
import { errorText } from '../lib/problems';

export function UnsealPage({ notice }: { notice: AppState['notice'] }) {
  const [useKey, setUseKey] = useState(false);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!secret.trim()) {
      setError(useKey ? t('unseal.keyRequired') : t('unseal.passphraseRequired'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', '/api/v1/unseal', useKey ? { recoveryKey: secret.trim() } : { passphrase: secret });
      setSecret('');
      update({ notice: null });
      await refresh();
    } catch (err) {
      setError(errorText(err));
      setSecret('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <BareLayout>
      <div class="sealed-banner">
        <LockIcon />
        <div>
          <h1 tabIndex={-1}>{t('unseal.title')}</h1>
          <p>{notice === 'sealed' ? t('unseal.justSealed') : notice === 'sealedElsewhere' ? t('unseal.sealedElsewhere') : t('unseal.intro')}</p>
        </div>
      </div>
      <form onSubmit={submit} noValidate>
        <div aria-live="assertive" class="live-slot">
          {error && <Alert kind="error">{error}</Alert>}
        </div>
        {useKey ? (
          <TextField id="f-recoveryKey" label={t('unseal.recoveryKey')} hint={t('unseal.recoveryKeyHint')} value={secret} onValue={setSecret} autoComplete="off" required />
        ) : (
          <TextField id="f-passphrase" type="password" label={t('unseal.passphrase')} value={secret} onValue={setSecret} autoComplete="current-password" required />
        )}
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('unseal.opening') : t('unseal.submit')}
          </button>
          <button
            type="button"
            class="btn-link"
            onClick={() => {
              setUseKey(!useKey);
              setSecret('');
              setError(undefined);
            }}
          >
            {useKey ? t('unseal.usePassphrase') : t('unseal.useKey')}
          </button>
        </div>
      </form>
    </BareLayout>
  );
}
