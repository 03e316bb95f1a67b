/**
 * One's duress code (/checkins/duress): what it is for (typed in the code field when someone forces
 * you to check in: the screen says all is well, your contacts get a silent alert), and setting,
 * changing or removing it with the account password.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, ErrorSummary, Loading, PageTitle, TextField } from '../../components/ui';
import { errorText, fieldId, problemMap, type Problems } from '../../lib/problems';
import type { CheckinList } from './types';

type Message = { kind: 'success' | 'error'; text: string } | undefined;

export function DuressCodePage() {
  const [has, setHas] = useState<boolean | null>(null);
  const [loadError, setLoadError] = useState('');
  const [message, setMessage] = useState<Message>();

  useEffect(() => {
    api<CheckinList>('GET', '/api/v1/checkins').then((r) => setHas(r.hasDuressCode), (e: unknown) => setLoadError(errorText(e)));
  }, []);

  return (
    <>
      <p class="back">
        <Link href="/checkins">← {t('checkin.allPlans')}</Link>
      </p>
      <PageTitle>{t('title.duressCode')}</PageTitle>
      <p>{t('duress.intro')}</p>
      <ul>
        <li>{t('duress.how1')}</li>
        <li>{t('duress.how2')}</li>
        <li>{t('duress.how3')}</li>
      </ul>
      <div aria-live="polite">{message && <Alert kind={message.kind}>{message.text}</Alert>}</div>
      {loadError && <Alert kind="error">{loadError}</Alert>}
      {has === null && !loadError && <Loading />}
      {has !== null && (
        <>
          <p class="strong" id="duress-status">{has ? t('duress.statusSet') : t('duress.statusNone')}</p>
          <SetCodeForm
            has={has}
            onSaved={() => {
              setHas(true);
              setMessage({ kind: 'success', text: t('duress.saved') });
            }}
          />
          {has && (
            <RemoveCodeForm
              onRemoved={() => {
                setHas(false);
                setMessage({ kind: 'success', text: t('duress.removed') });
              }}
            />
          )}
        </>
      )}
    </>
  );
}

function passwordProblems(e: unknown): Problems | undefined {
  if (!(e instanceof ApiError) || !e.problems.length) return undefined;
  return problemMap(e.problems);
}

function SetCodeForm({ has, onSaved }: { has: boolean; onSaved: () => void }) {
  const [code, setCode] = useState('');
  const [again, setAgain] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function save() {
    const list: Problems = new Map();
    const clean = code.normalize('NFC').trim();
    if ([...clean].length < 4 || clean.length > 32) list.set('code', [t('duress.codeLength')]);
    else if (again.normalize('NFC').trim() !== clean) list.set('again', [t('duress.codeMismatch')]);
    if (!password) list.set('password', [t('problem.required')]);
    setProblems(list);
    setMessage(undefined);
    if (list.size) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.duress-set .error-summary')?.focus());
      return;
    }
    setBusy(true);
    try {
      await api('PUT', '/api/v1/checkins/duress-code', { code, password });
      setCode('');
      setAgain('');
      setPassword('');
      onSaved();
    } catch (e) {
      const p = passwordProblems(e);
      if (p) setProblems(p);
      else setMessage(errorText(e));
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.duress-set .error-summary')?.focus());
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card-edit duress-set" aria-labelledby="duress-set-h">
      <h2 id="duress-set-h">{has ? t('duress.changeTitle') : t('duress.setTitle')}</h2>
      <ErrorSummary problems={problems} message={message} labelOf={(path) => (path === 'code' ? t('duress.codeLabel') : path === 'again' ? t('duress.againLabel') : t('duress.passwordLabel'))} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField id={fieldId('code')} type="password" label={t('duress.codeLabel')} hint={t('duress.codeHint')} value={code} onValue={setCode} autoComplete="off" maxLength={64} errors={problems.get('code')} required />
        <TextField id={fieldId('again')} type="password" label={t('duress.againLabel')} value={again} onValue={setAgain} autoComplete="off" maxLength={64} errors={problems.get('again')} required />
        <TextField id={fieldId('password')} type="password" label={t('duress.passwordLabel')} hint={t('duress.passwordHint')} value={password} onValue={setPassword} autoComplete="current-password" maxLength={200} errors={problems.get('password')} required />
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('duress.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function RemoveCodeForm({ onRemoved }: { onRemoved: () => void }) {
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function remove() {
    setMessage(undefined);
    if (!password) {
      setProblems(new Map([['password', [t('problem.required')]]]));
      return;
    }
    setProblems(new Map());
    setBusy(true);
    try {
      await api('DELETE', '/api/v1/checkins/duress-code', { password });
      setPassword('');
      onRemoved();
    } catch (e) {
      const p = passwordProblems(e);
      if (p) setProblems(p);
      else setMessage(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card-edit duress-remove" aria-labelledby="duress-remove-h">
      <h2 id="duress-remove-h">{t('duress.removeTitle')}</h2>
      <p>{t('duress.removeText')}</p>
      {message && <Alert kind="error">{message}</Alert>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void remove();
        }}
      >
        <TextField id="f-remove-password" type="password" label={t('duress.passwordLabel')} value={password} onValue={setPassword} autoComplete="current-password" maxLength={200} errors={problems.get('password')} required />
        <div class="actions">
          <button type="submit" class="btn" disabled={busy}>
            {t('duress.remove')}
          </button>
        </div>
      </form>
    </section>
  );
}
