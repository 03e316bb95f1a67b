/**
 * Step 1: the file. Chosen with the file picker and sent as multipart (the app's upload helper:
 * CSRF header, progress); a file refused as a whole (empty, not a table, too large) is explained
 * next to the picker, which gets the focus. Once read: the file's name (shown here only), its
 * format and rows, and "Cancelar" to make the server forget it.
 */
import { useRef, useState } from 'preact/hooks';
import { upload, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { errorText, localiseProblem } from '../../lib/problems';
import { UploadProgress, type Progress } from '../evidence/upload-progress';
import type { Upload, Work } from './model';
import { fileErrorText, formatLabel } from './words';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.json,text/csv,text/tab-separated-values,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function refusal(err: unknown): string {
  if (!(err instanceof ApiError)) return errorText(err);
  const p = err.problems.find((x) => x.path === 'file');
  const own = fileErrorText(p?.code ?? err.code) ?? (err.code === 'too_large' ? fileErrorText('file_too_large') : null);
  if (own) return own;
  return p ? localiseProblem(p) : errorText(err);
}

export function FileStep({ work, onUploaded, onCancel }: { work: Work | null; onUploaded: (u: Upload, fileName: string) => void; onCancel: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const send = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    if (!file) {
      setError(t('import.fileError.choose'));
      input.current?.focus();
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    setBusy(true);
    setProgress({ sent: 0, total: file.size });
    try {
      const u = await upload<Upload>('/api/v1/imports', form, (sent, total) => setProgress({ sent, total }));
      const name = file.name;
      setFile(null);
      if (input.current) input.current.value = '';
      onUploaded(u, name);
    } catch (err) {
      setError(refusal(err));
      // once the picker is enabled again (a disabled input takes no focus)
      setTimeout(() => input.current?.focus(), 0);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <section class="import-step" aria-labelledby="import-step1-h">
      <h2 id="import-step1-h" tabIndex={-1}>{t('import.step1')}</h2>
      {work ? (
        <div class="import-file">
          <p>
            <span class="import-file-name">{work.fileName}</span>{' '}
            <span class="muted">{t('import.file.read', { format: formatLabel(work.table.format === 'csv' && work.table.delimiter === '\t' ? 'tsv' : work.table.format), rows: work.table.rows })}</span>
          </p>
          {!work.commit && (
            <div class="actions">
              <button type="button" class="btn" onClick={onCancel}>
                {t('import.file.cancel')}
              </button>
            </div>
          )}
          <p class="hint">{t('import.file.held')}</p>
        </div>
      ) : (
        <form onSubmit={(e) => void send(e)} noValidate>
          <div class={`field ${error ? 'has-error' : ''}`}>
            <label for="import-file" class="label">
              {t('import.file.label')}
            </label>
            <input
              ref={input}
              type="file"
              id="import-file"
              name="file"
              accept={ACCEPT}
              aria-describedby={`import-file-hint${error ? ' import-file-err' : ''}`}
              aria-invalid={error ? 'true' : undefined}
              disabled={busy}
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setError(undefined);
              }}
            />
            <p class="hint" id="import-file-hint">
              {t('import.file.hint')}
            </p>
            {error && (
              <p class="field-error" id="import-file-err">
                {error}
              </p>
            )}
          </div>
          {busy && <UploadProgress id="import-upload-progress" progress={progress} />}
          <div class="actions">
            <button type="submit" class="btn btn-primary" disabled={busy}>
              {t('import.file.send')}
            </button>
          </div>
          <p class="hint">{t('import.file.privacy')}</p>
        </form>
      )}
    </section>
  );
}
