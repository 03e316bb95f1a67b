/**
 * Where alerts go (/admin/alerts, alerts.admin): the responders (accounts), the e-mail server (its
 * password write-only), webhooks (a generated secret shown once, to copy to the bridge), the
 * workspace's address for links, how many days ahead measures are reminded, a test alert, and
 * the record of every delivery (target names only, never an address; short error codes).
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { Alert, CheckField, CheckGroup, ErrorSummary, Loading, PageTitle, SelectField, TextField } from '../../components/ui';
import { errorText, fieldId, problemMap, type Problems } from '../../lib/problems';
import { dateTime } from '../../lib/format';
import { channelName, kindName, statusName, type AlertSettings, type DeliveryRecord, type SmtpTls } from './words';
import './alerts.css';

interface HookDraft { key: string; id?: string; name: string; url: string; enabled: boolean; secret: string }
interface Form {
  baseUrl: string;
  responders: string[];
  emailEnabled: boolean;
  host: string;
  port: string;
  tls: SmtpTls;
  user: string;
  from: string;
  password: string;
  removePassword: boolean;
  hooks: HookDraft[];
  renewalDays: string;
}

let keys = 0;
const formOf = (s: AlertSettings): Form => ({
  baseUrl: s.baseUrl ?? '',
  responders: s.responders,
  emailEnabled: s.email?.enabled ?? false,
  host: s.email?.host ?? '',
  port: String(s.email?.port ?? 587),
  tls: s.email?.tls ?? 'starttls',
  user: s.email?.user ?? '',
  from: s.email?.from ?? '',
  password: '',
  removePassword: false,
  hooks: s.webhooks.map((w) => ({ key: `h${++keys}`, id: w.id, name: w.name, url: w.url, enabled: w.enabled, secret: '' })),
  renewalDays: String(s.renewalDays),
});

function bodyOf(f: Form): Record<string, unknown> {
  const port = /^\d+$/.test(f.port.trim()) ? Number(f.port.trim()) : f.port;
  const days = /^\d+$/.test(f.renewalDays.trim()) ? Number(f.renewalDays.trim()) : f.renewalDays;
  // the e-mail server is sent when anything of it is filled in; all empty and off removes it
  const email = f.emailEnabled || f.host.trim() !== '' || f.from.trim() !== '';
  return {
    ...(f.baseUrl.trim() ? { baseUrl: f.baseUrl.trim() } : {}),
    responders: f.responders,
    ...(email
      ? {
          email: {
            enabled: f.emailEnabled, host: f.host.trim(), port, tls: f.tls, ...(f.user.trim() ? { user: f.user.trim() } : {}), from: f.from.trim(),
            ...(f.removePassword ? { password: '' } : f.password ? { password: f.password } : {}),
          },
        }
      : {}),
    webhooks: f.hooks.map((h) => ({ ...(h.id ? { id: h.id } : {}), name: h.name.trim(), url: h.url.trim(), enabled: h.enabled, ...(h.secret ? { secret: h.secret } : {}) })),
    renewalDays: days,
  };
}

export function AlertSettingsPage() {
  const [settings, setSettings] = useState<AlertSettings | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [loadError, setLoadError] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  const [saveError, setSaveError] = useState('');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [newSecrets, setNewSecrets] = useState<{ name: string; secret: string }[]>([]);
  const [testMessage, setTestMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [recordVersion, setRecordVersion] = useState(0);

  useEffect(() => {
    api<AlertSettings>('GET', '/api/v1/alerts/settings').then(
      (s) => {
        setSettings(s);
        setForm(formOf(s));
      },
      (e: unknown) => setLoadError(errorText(e)),
    );
  }, []);

  if (loadError) return (<><PageTitle>{t('title.alertSettings')}</PageTitle><Alert kind="error">{loadError}</Alert></>);
  if (!settings || !form) return (<><PageTitle>{t('title.alertSettings')}</PageTitle><Loading /></>);

  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const setHook = (key: string, patch: Partial<HookDraft>) => set({ hooks: form.hooks.map((h) => (h.key === key ? { ...h, ...patch } : h)) });
  const errs = (path: string) => problems.get(path);
  const responderErrors = [...problems.entries()].filter(([p]) => p === 'responders' || p.startsWith('responders[')).flatMap(([p, m]) => {
    const i = /^responders\[(\d+)\]$/.exec(p);
    const who = i ? settings.people.find((x) => x.id === form.responders[Number(i[1])])?.displayName : undefined;
    return who ? m.map((x) => `${who}: ${x}`) : m;
  });

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setSaveError('');
    setBusy(true);
    try {
      const s = await api<AlertSettings>('PUT', '/api/v1/alerts/settings', bodyOf(form));
      setNewSecrets(s.webhooks.filter((w) => w.newSecret).map((w) => ({ name: w.name, secret: w.newSecret! })));
      setSettings(s);
      setForm(formOf(s));
      setProblems(new Map());
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.problems.length) {
        setProblems(problemMap(err.problems));
        setSaveError('');
        setTimeout(() => document.querySelector<HTMLElement>('.error-summary')?.focus(), 0);
      } else setSaveError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const sendTest = async () => {
    setTestMessage(null);
    try {
      await api<{ alertId: string }>('POST', '/api/v1/alerts/test');
      setTestMessage({ kind: 'success', text: t('alerts.testSent') });
      setRecordVersion((v) => v + 1);
    } catch (err) {
      setTestMessage({ kind: 'error', text: errorText(err) });
    }
  };

  const fieldLabels: Record<string, string> = {
    'email.enabled': t('alerts.emailEnabled'), 'email.host': t('alerts.host'), 'email.port': t('alerts.port'), 'email.tls': t('alerts.tls'),
    'email.user': t('alerts.user'), 'email.password': t('alerts.password'), 'email.from': t('alerts.from'),
    name: t('alerts.webhookName'), url: t('alerts.webhookUrl'), id: t('alerts.webhookUrl'), enabled: t('alerts.webhookEnabled'), secret: t('alerts.webhookSecret'),
  };
  const labelOf = (path: string) => {
    if (path.startsWith('responders')) return t('alerts.responders');
    if (path === 'baseUrl') return t('alerts.baseUrl');
    if (path === 'renewalDays') return t('alerts.renewalDays');
    if (path.startsWith('email')) return `${t('alerts.emailTitle')}: ${fieldLabels[path] ?? path}`;
    const w = /^webhooks\[(\d+)\]\.?(.*)$/.exec(path);
    if (w) return `${t('alerts.webhook', { n: Number(w[1]) + 1 })}${w[2] ? `: ${fieldLabels[w[2]] ?? w[2]}` : ''}`;
    return path;
  };

  return (
    <>
      <PageTitle>{t('title.alertSettings')}</PageTitle>
      <p class="hint">{t('alerts.settingsIntro')}</p>
      <form onSubmit={(e) => void save(e)} noValidate>
        <ErrorSummary problems={problems} labelOf={labelOf} />
        <section class="card-edit" aria-labelledby="al-responders-title">
          <h2 id="al-responders-title">{t('alerts.responders')}</h2>
          <p class="hint">{t('alerts.respondersHint')}</p>
          <CheckGroup id={fieldId('responders')} legend={t('alerts.respondersLegend')} options={settings.people.map((p) => ({ value: p.id, label: p.displayName }))} values={form.responders} onValues={(v) => set({ responders: v })} errors={responderErrors.length ? responderErrors : undefined} />
        </section>

        <section class="card-edit" aria-labelledby="al-email-title">
          <h2 id="al-email-title">{t('alerts.emailTitle')}</h2>
          <p class="hint">{t('alerts.emailHint')}</p>
          <CheckField id={fieldId('email.enabled')} label={t('alerts.emailEnabled')} checked={form.emailEnabled} onValue={(v) => set({ emailEnabled: v })} />
          <div class="grid-2">
            <TextField id={fieldId('email.host')} label={t('alerts.host')} value={form.host} onValue={(v) => set({ host: v })} errors={errs('email.host')} maxLength={253} />
            <TextField id={fieldId('email.port')} label={t('alerts.port')} value={form.port} onValue={(v) => set({ port: v })} errors={errs('email.port')} inputMode="numeric" maxLength={5} />
          </div>
          <SelectField id={fieldId('email.tls')} label={t('alerts.tls')} value={form.tls} onValue={(v) => set({ tls: v === 'tls' || v === 'none' ? v : 'starttls' })} errors={errs('email.tls')}
            options={[{ value: 'starttls', label: t('alerts.tls.starttls') }, { value: 'tls', label: t('alerts.tls.tls') }, { value: 'none', label: t('alerts.tls.none') }]} />
          <div class="grid-2">
            <TextField id={fieldId('email.user')} label={t('alerts.user')} value={form.user} onValue={(v) => set({ user: v })} errors={errs('email.user')} maxLength={200} />
            <TextField id={fieldId('email.password')} type="password" autoComplete="off" label={t('alerts.password')} hint={settings.email?.hasPassword ? t('alerts.passwordStored') : t('alerts.passwordNone')} value={form.password} onValue={(v) => set({ password: v, removePassword: false })} errors={errs('email.password')} maxLength={500} />
          </div>
          {settings.email?.hasPassword && <CheckField id="al-remove-password" label={t('alerts.removePassword')} checked={form.removePassword} onValue={(v) => set({ removePassword: v, password: v ? '' : form.password })} />}
          <TextField id={fieldId('email.from')} type="email" label={t('alerts.from')} hint={t('alerts.fromHint')} value={form.from} onValue={(v) => set({ from: v })} errors={errs('email.from')} maxLength={254} />
        </section>

        <section class="card-edit" aria-labelledby="al-hooks-title">
          <h2 id="al-hooks-title">{t('alerts.webhooksTitle')}</h2>
          <p class="hint">{t('alerts.webhooksHint')}</p>
          {form.hooks.length === 0 && <p class="muted">{t('alerts.noWebhooks')}</p>}
          {form.hooks.map((h, i) => (
            <fieldset class="card-edit webhook-fields" key={h.key}>
              <legend>{t('alerts.webhook', { n: i + 1 })}</legend>
              <TextField id={fieldId(`webhooks[${i}].name`)} label={t('alerts.webhookName')} value={h.name} onValue={(v) => setHook(h.key, { name: v })} errors={errs(`webhooks[${i}].name`)} maxLength={80} />
              <TextField id={fieldId(`webhooks[${i}].url`)} label={t('alerts.webhookUrl')} hint={t('alerts.webhookUrlHint')} value={h.url} onValue={(v) => setHook(h.key, { url: v })} errors={errs(`webhooks[${i}].url`) ?? errs(`webhooks[${i}].id`)} maxLength={2000} />
              <CheckField id={fieldId(`webhooks[${i}].enabled`)} label={t('alerts.webhookEnabled')} checked={h.enabled} onValue={(v) => setHook(h.key, { enabled: v })} />
              <TextField id={fieldId(`webhooks[${i}].secret`)} type="password" autoComplete="off" label={t('alerts.webhookSecret')} hint={h.id ? t('alerts.webhookSecretKept') : t('alerts.webhookSecretNew')} value={h.secret} onValue={(v) => setHook(h.key, { secret: v })} errors={errs(`webhooks[${i}].secret`)} maxLength={500} />
              <div class="actions">
                <button type="button" class="btn btn-danger-quiet" onClick={() => set({ hooks: form.hooks.filter((x) => x.key !== h.key) })}>
                  {t('alerts.removeWebhook', { n: i + 1 })}
                </button>
              </div>
            </fieldset>
          ))}
          <div class="actions">
            <button type="button" class="btn" onClick={() => set({ hooks: [...form.hooks, { key: `h${++keys}`, name: '', url: '', enabled: true, secret: '' }] })}>
              {t('alerts.addWebhook')}
            </button>
          </div>
        </section>

        <section class="card-edit" aria-labelledby="al-general-title">
          <h2 id="al-general-title">{t('alerts.generalTitle')}</h2>
          <TextField id={fieldId('baseUrl')} label={t('alerts.baseUrl')} hint={t('alerts.baseUrlHint')} value={form.baseUrl} onValue={(v) => set({ baseUrl: v })} errors={errs('baseUrl')} maxLength={300} />
          <TextField id={fieldId('renewalDays')} label={t('alerts.renewalDays')} hint={t('alerts.renewalDaysHint')} value={form.renewalDays} onValue={(v) => set({ renewalDays: v })} errors={errs('renewalDays')} inputMode="numeric" maxLength={3} />
        </section>

        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('alerts.save')}
          </button>
        </div>
        <div aria-live="polite">
          {saved && <Alert kind="success">{t('alerts.saved')}</Alert>}
          {saveError && <Alert kind="error">{saveError}</Alert>}
          {newSecrets.length > 0 && (
            <Alert kind="warning">
              <p>{t('alerts.newSecretIntro')}</p>
              {newSecrets.map((s) => (
                <p class="new-secret" key={s.name}>
                  <strong>{s.name}</strong>: <code class="secret-text">{s.secret}</code>
                </p>
              ))}
            </Alert>
          )}
        </div>
      </form>

      <section class="card-edit" aria-labelledby="al-test-title">
        <h2 id="al-test-title">{t('alerts.testTitle')}</h2>
        <p class="hint">{t('alerts.testHint')}</p>
        <div class="actions">
          <button type="button" class="btn" onClick={() => void sendTest()}>
            {t('alerts.sendTest')}
          </button>
        </div>
        <div aria-live="polite">{testMessage && <Alert kind={testMessage.kind}>{testMessage.text}</Alert>}</div>
      </section>

      <DeliveryTable version={recordVersion} />
    </>
  );
}

/** The delivery record; loaded again when `version` changes (after a test alert) or on request. */
function DeliveryTable({ version }: { version: number }) {
  const [items, setItems] = useState<DeliveryRecord[] | null>(null);
  const [error, setError] = useState('');
  const load = () => api<{ items: DeliveryRecord[] }>('GET', '/api/v1/alerts/deliveries').then((r) => { setItems(r.items); setError(''); }, (e: unknown) => setError(errorText(e)));
  useEffect(() => { void load(); }, [version]);
  return (
    <section aria-labelledby="al-record-title">
      <h2 id="al-record-title">{t('alerts.recordTitle')}</h2>
      <p class="hint">{t('alerts.recordHint')}</p>
      <div class="actions">
        <button type="button" class="btn btn-small" onClick={() => void load()}>
          {t('alerts.reload')}
        </button>
      </div>
      {error ? (
        <Alert kind="error">{error}</Alert>
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p class="empty">{t('alerts.noDeliveries')}</p>
      ) : (
        <table class="audit-table delivery-table">
          <caption class="sr-only">{t('alerts.recordTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('alerts.col.kind')}</th>
              <th scope="col">{t('alerts.col.ref')}</th>
              <th scope="col">{t('alerts.col.channel')}</th>
              <th scope="col">{t('alerts.col.target')}</th>
              <th scope="col">{t('alerts.col.status')}</th>
              <th scope="col">{t('alerts.col.attempts')}</th>
              <th scope="col">{t('alerts.col.error')}</th>
              <th scope="col">{t('alerts.col.created')}</th>
              <th scope="col">{t('alerts.col.sentOrNext')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <td data-label={t('alerts.col.kind')}>{kindName(d.kind)}</td>
                <td data-label={t('alerts.col.ref')}>{d.ref}</td>
                <td data-label={t('alerts.col.channel')}>{channelName(d.channel)}</td>
                <td data-label={t('alerts.col.target')}>{d.targetName ?? t('alerts.targetGone')}</td>
                <td data-label={t('alerts.col.status')}>{statusName(d.status)}</td>
                <td data-label={t('alerts.col.attempts')}>{d.attempts}</td>
                <td data-label={t('alerts.col.error')}>{d.lastError ? <code>{d.lastError}</code> : ''}</td>
                <td data-label={t('alerts.col.created')}>{dateTime(d.createdAt)}</td>
                <td data-label={t('alerts.col.sentOrNext')}>{d.sentAt ? dateTime(d.sentAt) : d.nextAttemptAt ? t('alerts.nextAttempt', { time: dateTime(d.nextAttemptAt) }) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
