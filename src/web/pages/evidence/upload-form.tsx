/**
 * "Adjuntar archivo": one file sent to the incident (or person) with what the person knows about
 * it — for images whether it is a photo or a screenshot, the testimony it belongs to, a description
 * (sealed: identifying), and consent per use. Sent as multipart (text fields first, then the file)
 * with its progress shown; a refused file is explained next to the file field, in the reader's
 * language. On success the reference and the SHA-256 taken on arrival are shown.
 */
import { useRef, useState } from 'preact/hooks';
import { upload, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { Alert, SelectField, TextField } from '../../components/ui';
import { errorText, type Problems } from '../../lib/problems';
import { CONSENT_USES, type Consent, type EvidenceDetail } from '../../types';
import { consentLabel } from '../incident-form/others';
import { CONSENT_VALUES, consentValueName, placeProblems, uploadErrorText } from './words';
import { UploadProgress, type Progress } from './upload-progress';

export interface EvidenceOwner {
  kind: 'incidents' | 'actors';
  id: string;
}

/** A testimony the file may belong to (an incident's source), worded without identifying values. */
export interface SourceChoice {
  id: string;
  label: string;
}

const NOT_ASKED: Consent = { internal_analysis: 'not_asked', share_partners: 'not_asked', anonymous_publication: 'not_asked', named_publication: 'not_asked', legal_action: 'not_asked' };
const IMAGE_KINDS = ['photo', 'screenshot'] as const;

/** Where a server problem is shown: the form's own fields by their path. */
const FIELD_OF: Record<string, string> = { file: 'file', kind: 'kind', description: 'description', sourceId: 'source', consent: 'consent' };
export function uploadFieldOf(path: string): string | undefined {
  if (path.startsWith('consent.')) return `consent.${path.slice('consent.'.length)}`;
  return FIELD_OF[path];
}

export function UploadForm({ owner, sources, onSaved }: { owner: EvidenceOwner; sources: SourceChoice[]; onSaved: (item: EvidenceDetail) => void }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<(typeof IMAGE_KINDS)[number]>('photo');
  const [sourceId, setSourceId] = useState('');
  const [description, setDescription] = useState('');
  const [consent, setConsent] = useState<Consent>(NOT_ASKED);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problems, setProblems] = useState<Problems>(new Map());
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<EvidenceDetail | null>(null);
  const isImage = !!file && file.type.startsWith('image/');
  const pid = (k: string) => problems.get(k);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setSaved(null);
    if (!file) {
      setProblems(new Map([['file', [t('evidence.upload.chooseFile')]]]));
      fileInput.current?.focus();
      return;
    }
    setProblems(new Map());
    // text fields first: the server reads them before the file's bytes arrive
    const form = new FormData();
    if (isImage) form.append('kind', kind);
    if (description.trim()) form.append('description', description);
    if (sourceId) form.append('sourceId', sourceId);
    form.append('consent', JSON.stringify(consent));
    form.append('file', file, file.name);
    setBusy(true);
    setProgress({ sent: 0, total: file.size });
    try {
      const item = await upload<EvidenceDetail>(`/api/v1/${owner.kind}/${owner.id}/evidence`, form, (sent, total) => setProgress({ sent, total }));
      setSaved(item);
      setFile(null);
      setDescription('');
      setSourceId('');
      setConsent(NOT_ASKED);
      if (fileInput.current) fileInput.current.value = '';
      onSaved(item);
    } catch (err) {
      const own = err instanceof ApiError ? (uploadErrorText(err.code) ?? (err.code === 'too_large' ? uploadErrorText('file_too_large') : undefined)) : undefined;
      if (err instanceof ApiError && err.problems.length) {
        const { fields, rest } = placeProblems(err.problems, uploadFieldOf);
        if (own && !fields.has('file')) fields.set('file', [own]);
        setProblems(fields);
        if (rest.length || !fields.size) setError(rest.join(' ') || errorText(err));
      } else if (own) {
        setProblems(new Map([['file', [own]]]));
      } else {
        setError(errorText(err));
      }
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <details class="section evidence-upload">
      <summary>{t('evidence.upload.title')}</summary>
      <form class="section-body" onSubmit={(e) => void submit(e)} noValidate>
        <p class="hint">
          {t('evidence.upload.intro')}
        </p>
        <div class={`field ${pid('file') ? 'has-error' : ''}`}>
          <label for="evidence-file" class="label">
            {t('evidence.upload.file')}
            <span class="req"> {t('field.required')}</span>
          </label>
          <input
            ref={fileInput}
            type="file"
            id="evidence-file"
            name="file"
            accept="image/*,audio/*,video/*,application/pdf,.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt"
            aria-describedby={`evidence-file-hint${pid('file') ? ' evidence-file-err' : ''}`}
            aria-invalid={pid('file') ? 'true' : undefined}
            aria-required="true"
            disabled={busy}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setProblems(new Map());
              setSaved(null);
            }}
          />
          <p class="hint" id="evidence-file-hint">
            {t('evidence.upload.fileHint')}
          </p>
          {pid('file') && (
            <p class="field-error" id="evidence-file-err">
              {pid('file')!.join(' ')}
            </p>
          )}
        </div>
        {isImage && (
          <SelectField
            id="evidence-kind"
            label={t('evidence.upload.kind')}
            value={kind}
            onValue={(v) => setKind(v === 'screenshot' ? 'screenshot' : 'photo')}
            options={IMAGE_KINDS.map((k) => ({ value: k, label: k === 'photo' ? t('evidence.kind.photo') : t('evidence.kind.screenshot') }))}
            errors={pid('kind')}
          />
        )}
        {owner.kind === 'incidents' && sources.length > 0 && (
          <SelectField id="evidence-source" label={t('evidence.upload.source')} hint={t('evidence.upload.sourceHint')} value={sourceId} onValue={setSourceId} empty={t('evidence.upload.noSource')} options={sources.map((s) => ({ value: s.id, label: s.label }))} errors={pid('source')} />
        )}
        <TextField id="evidence-description" label={t('evidence.description')} hint={t('evidence.descriptionHint')} value={description} onValue={setDescription} multiline rows={3} identifying maxLength={5000} errors={pid('description')} />
        <ConsentFields idPrefix="evidence-consent" consent={consent} onConsent={setConsent} problems={problems} />
        {busy && <UploadProgress id="evidence-upload-progress" progress={progress} />}
        {error && <Alert kind="error">{error}</Alert>}
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('evidence.upload.sendingButton') : t('evidence.upload.submit')}
          </button>
        </div>
        <div aria-live="polite" class="live-slot">
          {saved && (
            <Alert kind="success">
              {t('evidence.upload.saved', { ref: saved.ref })} <span class="evidence-hash-line">SHA-256: <code class="hash-full">{saved.sha256}</code></span>
            </Alert>
          )}
        </div>
      </form>
    </details>
  );
}

/** Consent per use as five selects (given, refused, not asked, withdrawn). */
export function ConsentFields({ idPrefix, consent, onConsent, problems, legend }: { idPrefix: string; consent: Consent; onConsent: (c: Consent) => void; problems: Problems; legend?: string }) {
  return (
    <fieldset class="group evidence-consent">
      <legend class="group-legend">{legend ?? t('evidence.consent.legend')}</legend>
      <p class="hint">{t('evidence.consent.hint')}</p>
      {problems.get('consent') && <p class="field-error">{problems.get('consent')!.join(' ')}</p>}
      <div class="evidence-consent-grid">
        {CONSENT_USES.map((u) => (
          <SelectField
            key={u}
            id={`${idPrefix}-${u}`}
            label={consentLabel(u)}
            value={consent[u]}
            onValue={(v) => onConsent({ ...consent, [u]: CONSENT_VALUES.find((x) => x === v) ?? 'not_asked' })}
            options={CONSENT_VALUES.map((v) => ({ value: v, label: consentValueName(v) }))}
            errors={problems.get(`consent.${u}`)}
          />
        ))}
      </div>
    </fieldset>
  );
}
