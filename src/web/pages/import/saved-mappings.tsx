/**
 * Saved mappings of the organisation: "Usar una asignación guardada" at the mapping step (its
 * columns this file lacks are named), removing one, and "Guardar esta asignación" after the
 * values — as a new one under a name, or as the new version of the one in use.
 */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { Alert, SelectField, TextField } from '../../components/ui';
import { errorText, localiseProblem } from '../../lib/problems';
import { mappingBody, type ImportMapping, type SavedMapping } from './model';

export type SavedRef = { id: string; name: string; version: number };

export function UseSaved({ saved, current, onApply, onRemoved }: {
  saved: SavedMapping[];
  current: SavedRef | null;
  /** resolves with the headers of the saved mapping this file does not have */
  onApply: (s: SavedMapping) => Promise<string[] | null>;
  onRemoved: (id: string) => void;
}) {
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = saved.find((s) => s.id === chosen);

  const apply = async () => {
    if (!pick) {
      setMessage({ kind: 'error', text: t('import.saved.chooseFirst') });
      return;
    }
    setBusy(true);
    try {
      const missing = await onApply(pick);
      if (missing === null) return;
      setMessage(missing.length ? { kind: 'warning', text: t('import.saved.appliedMissing', { name: pick.name, columns: missing.join(', ') }) } : { kind: 'success', text: t('import.saved.applied', { name: pick.name }) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!pick) {
      setMessage({ kind: 'error', text: t('import.saved.chooseFirst') });
      return;
    }
    setBusy(true);
    try {
      await api('DELETE', `/api/v1/import-mappings/${pick.id}`);
      setMessage({ kind: 'success', text: t('import.saved.removed', { name: pick.name }) });
      setChosen('');
      onRemoved(pick.id);
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const said = <div aria-live="polite">{message && <Alert kind={message.kind}>{message.text}</Alert>}</div>;
  // none saved (or the last one just removed): only what was said
  if (!saved.length) return <div class="import-use-saved">{said}</div>;
  return (
    <div class="import-use-saved">
      <SelectField
        id="import-saved"
        label={t('import.saved.use')}
        hint={current ? t('import.saved.inUse', { name: current.name }) : t('import.saved.useHint')}
        value={chosen}
        empty={t('common.choose')}
        options={saved.map((s) => ({ value: s.id, label: s.name }))}
        onValue={(v) => {
          setChosen(v);
          setMessage(null);
        }}
      />
      <div class="actions">
        <button type="button" class="btn" disabled={busy} onClick={() => void apply()}>
          {t('import.saved.apply')}
        </button>
        <button type="button" class="btn btn-danger-quiet" disabled={busy} onClick={() => void remove()}>
          {t('import.saved.remove')}
        </button>
      </div>
      {said}
    </div>
  );
}

export function SaveMapping({ mapping, current, onSaved }: { mapping: ImportMapping; current: SavedRef | null; onSaved: (s: SavedRef) => void }) {
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string[] | undefined>();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const done = (s: SavedMapping) => {
    onSaved({ id: s.id, name: s.name, version: s.version });
    setMessage({ kind: 'success', text: t('import.save.saved', { name: s.name }) });
    setName('');
  };
  const failed = (e: unknown) => {
    if (e instanceof ApiError) {
      const p = e.problems.find((x) => x.path === 'name');
      if (p) {
        setNameError([p.code === 'name_taken' ? t('import.save.nameTaken') : localiseProblem(p)]);
        document.getElementById('import-save-name')?.focus();
        return;
      }
      if (e.status === 409) {
        setMessage({ kind: 'error', text: t('import.save.changedMeanwhile') });
        return;
      }
    }
    setMessage({ kind: 'error', text: errorText(e) });
  };

  const saveNew = async (e: Event) => {
    e.preventDefault();
    setNameError(undefined);
    setMessage(null);
    if (!name.trim()) {
      setNameError([t('problem.required')]);
      document.getElementById('import-save-name')?.focus();
      return;
    }
    setBusy(true);
    try {
      done(await api<SavedMapping>('POST', '/api/v1/import-mappings', { name: name.trim(), mapping: mappingBody(mapping) }));
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };

  const update = async () => {
    if (!current) return;
    setNameError(undefined);
    setMessage(null);
    setBusy(true);
    try {
      done(await api<SavedMapping>('PUT', `/api/v1/import-mappings/${current.id}`, { name: current.name, mapping: mappingBody(mapping), version: current.version }));
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="import-save card-edit" onSubmit={(e) => void saveNew(e)} noValidate aria-labelledby="import-save-h">
      <h3 id="import-save-h">{t('import.save.heading')}</h3>
      <p class="hint">{t('import.save.hint')}</p>
      <TextField id="import-save-name" label={t('import.save.name')} value={name} onValue={setName} maxLength={120} errors={nameError} />
      <div class="actions">
        <button type="submit" class="btn" disabled={busy}>
          {t('import.save.asNew')}
        </button>
        {current && (
          <button type="button" class="btn" disabled={busy} onClick={() => void update()}>
            {t('import.save.update', { name: current.name })}
          </button>
        )}
      </div>
      <div aria-live="polite">{message && <Alert kind={message.kind}>{message.text}</Alert>}</div>
    </form>
  );
}
