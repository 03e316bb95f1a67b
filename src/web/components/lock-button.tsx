/**
 * "Lock everything": seals the workspace (keys dropped from memory, every session ended). One
 * click opens a single confirmation whose default-focused button locks; Enter confirms.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n/i18n';
import { markSealed } from '../state';
import { LockIcon } from './icons';

export function LockButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      confirm.current?.focus();
    } else if (!open && d.open) d.close();
  }, [open]);

  const lock = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await api('POST', '/api/v1/seal');
      markSealed('sealed');
    } catch {
      // a 503 "sealed" already moved the app to the sealed screen
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" class="btn btn-lock" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <LockIcon />
        {t('lock.button')}
      </button>
      <dialog ref={dialog} class="lock-dialog" aria-labelledby="lock-title" aria-describedby="lock-text" onClose={() => setOpen(false)}>
        <h2 id="lock-title">{t('lock.title')}</h2>
        <p id="lock-text">{t('lock.text')}</p>
        {failed && (
          <p class="field-error" role="alert">
            {t('lock.failed')}
          </p>
        )}
        <div class="actions">
          <button type="button" ref={confirm} class="btn btn-lock" autoFocus onClick={() => void lock()} disabled={busy}>
            <LockIcon />
            {busy ? t('lock.locking') : t('lock.confirm')}
          </button>
          <button type="button" class="btn" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}
