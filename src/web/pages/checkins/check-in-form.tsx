/**
 * The one-tap check-in: an optional code field and the big "Estoy bien" button, and the
 * confirmation shown after it. Whatever was typed in the code field — nothing, any word, or the
 * duress code — the request, the answer and everything shown afterwards are the same (ADR 0018):
 * the confirmation is built from the answer's times only, and the field is emptied.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Alert } from '../../components/ui';
import { errorText } from '../../lib/problems';
import { clock, dateTime } from '../../lib/format';
import type { CheckInAnswer, CheckinPlan } from './types';
import './checkins.css';

export function CheckInForm({ plan, onDone }: { plan: Pick<CheckinPlan, 'id' | 'ref'>; onDone: (answer: CheckInAnswer) => void | Promise<void> }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const id = `checkin-code-${plan.id}`;

  async function submit() {
    if (busy) return;
    setBusy(true);
    setError('');
    let answer: CheckInAnswer;
    try {
      answer = await api<CheckInAnswer>('POST', `/api/v1/checkins/${plan.id}/check-in`, code ? { code } : {});
    } catch (e) {
      setBusy(false);
      setError(errorText(e));
      return;
    }
    setCode('');
    setBusy(false);
    await onDone(answer);
  }

  return (
    <form
      class="checkin-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div class="field">
        <label for={id} class="label">
          {t('checkin.codeLabel')}
        </label>
        <input id={id} name="code" type="password" inputMode="text" autoComplete="off" autoCapitalize="off" spellcheck={false} maxLength={200} value={code} onInput={(e) => setCode(e.currentTarget.value)} />
      </div>
      <button type="submit" class="btn btn-primary btn-checkin" disabled={busy} aria-label={t('checkin.imFineLabel', { ref: plan.ref })}>
        {t('checkin.imFine')}
      </button>
      {error && <Alert kind="error">{error}</Alert>}
    </form>
  );
}

/** "Registrado: todo bien, 14:05. Próximo registro: …" — times only. */
export function CheckInConfirmation({ answer }: { answer: CheckInAnswer | null }) {
  return (
    <div class="checkin-confirmation" aria-live="polite">
      {answer && (
        <Alert kind="success">
          <p class="strong">{t('checkin.done', { time: clock(answer.at) })}</p>
          <p>{answer.nextDueAt ? t('checkin.doneNext', { next: dateTime(answer.nextDueAt) }) : t('checkin.doneLast')}</p>
        </Alert>
      )}
    </div>
  );
}
