/**
 * The organisation's reminder channel (admins of alerts): the address of the messaging bridge it
 * runs (Signal, WhatsApp …) that receives each reminder as a signed POST, on or off, and its signing
 * secret — shown once when made, never again. Not the responders' alert webhooks: those must never
 * receive migrants' phone numbers.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../../api';
import { t } from '../../../i18n/i18n';
import { Alert, CheckField, TextField } from '../../../components/ui';
import { errorText, problemMap, type Problems } from '../../../lib/problems';

interface View { url: string | null; enabled: boolean; hasSecret: boolean; newSecret?: string }
const PATH = '/api/v1/accompaniment/reminder-webhook';

export function ReminderWebhookSection() {
  const [view, setView] = useState<View | null>(null);
  const [url, setUrl] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [secret, setSecret] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [shown, setShown] = useState('');

  useEffect(() => {
    api<View>('GET', PATH).then(
      (v) => { setView(v); setUrl(v.url ?? ''); setEnabled(v.url ? v.enabled : true); },
      (e: unknown) => setMessage({ kind: 'error', text: errorText(e) }),
    );
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    setShown('');
    try {
      const v = await api<View>('PUT', PATH, { url: url.trim(), enabled, ...(secret ? { secret } : {}) });
      setView(v);
      setSecret('');
      setProblems(new Map());
      if (v.newSecret) setShown(v.newSecret);
      setMessage({ kind: 'success', text: t('acc.remhook.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.problems.length) setProblems(problemMap(err.problems));
      else setMessage({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <section class="card-edit" aria-labelledby="acc-remhook-h">
      <h2 id="acc-remhook-h">{t('acc.remhook.title')}</h2>
      <p class="hint">{t('acc.remhook.intro')}</p>
      <p>{view?.url ? (view.enabled ? t('acc.remhook.on') : t('acc.remhook.off')) : t('acc.remhook.none')}</p>
      <form onSubmit={save} noValidate>
        <TextField id="acc-remhook-url" type="text" inputMode="text" label={t('acc.remhook.url')} hint={t('acc.remhook.urlHint')} value={url} onValue={setUrl} errors={problems.get('url')} maxLength={500} autoComplete="off" required />
        <CheckField id="acc-remhook-enabled" label={t('acc.remhook.enabled')} checked={enabled} onValue={setEnabled} />
        <TextField id="acc-remhook-secret" type="password" label={view?.hasSecret ? t('acc.remhook.secretReplace') : t('acc.remhook.secret')} hint={t('acc.remhook.secretHint')} value={secret} onValue={setSecret} errors={problems.get('secret')} autoComplete="off" maxLength={200} />
        <button type="submit" class="btn">{t('acc.remhook.save')}</button>
      </form>
      <div aria-live="polite">
        {message && <Alert kind={message.kind}>{message.text}</Alert>}
        {shown && (
          <Alert kind="info">
            {t('acc.remhook.newSecret')} <code>{shown}</code>
          </Alert>
        )}
      </div>
    </section>
  );
}
