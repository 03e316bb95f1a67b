/**
 * /incidents/:id/evidence/capture — "Preservar amenaza en línea": a threat seen online (a post, a
 * message, a profile), preserved before it is deleted or the person deletes it to stop seeing it.
 * A quick form — platform, account, address, the text as it appeared, the day it was seen, notes
 * and up to ten screenshots — hashed and timestamped by the server on arrival. After saving, the
 * reference and the SHA-256 are shown, with the way back to the incident. The account, address,
 * text and notes are sealed (identifying), masked on screen until "Mostrar".
 */
import { useEffect, useState } from 'preact/hooks';
import { api, upload, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { Link, navigate } from '../../router';
import { Alert, ErrorSummary, PageTitle, SelectField, TextField } from '../../components/ui';
import { errorText, fieldId, type Problems } from '../../lib/problems';
import type { EvidenceDetail, IncidentView, Platform } from '../../types';
import { PLATFORM_KEYS, placeProblems, platformName } from './words';
import { seenAtValue, today } from './format';
import { UploadProgress, type Progress } from './upload-progress';
import './evidence.css';

const PLATFORMS = Object.keys(PLATFORM_KEYS) as Platform[];
const MAX_SCREENSHOTS = 10;
/** An address must be a web link (as the server requires): never javascript:, data: or file:. */
const HTTP_LINK = /^https?:\/\/[^\s/]/i;
/** The form's fields by the server's problem paths ("capture.url", "url", "screenshot" …). */
const FIELDS = ['platform', 'account', 'url', 'text', 'seenAt', 'description', 'screenshot'] as const;
type Field = (typeof FIELDS)[number];
/** Field ids as the error summary links to them (fieldId of the field's name). */
const ID_OF = Object.fromEntries(FIELDS.map((f) => [f, fieldId(f)])) as Record<Field, string>;
function fieldOf(path: string): Field | undefined {
  const last = path.replace(/^capture\./, '').replace(/\[\d+\]$/, '').replace(/^screenshots?$/, 'screenshot').replace(/^files?$/, 'screenshot');
  return FIELDS.find((f) => f === last);
}

export function CapturePage({ incidentId }: { incidentId: string }) {
  const [ref, setRef] = useState<string | undefined>();
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [account, setAccount] = useState('');
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [seenDay, setSeenDay] = useState(today());
  const [seenTime, setSeenTime] = useState('');
  const [description, setDescription] = useState('');
  const [shots, setShots] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problems, setProblems] = useState<Problems>(new Map());
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<EvidenceDetail | null>(null);

  useEffect(() => {
    // the incident's reference (never its title) for context; a missing incident says so
    api<IncidentView>('GET', `/api/v1/incidents/${incidentId}`).then(
      (i) => setRef(i.ref),
      (e) => setError(errorText(e)),
    );
  }, [incidentId]);
  useEffect(() => {
    if (saved) requestAnimationFrame(() => document.getElementById('capture-saved-title')?.focus());
  }, [saved]);

  const labelOf = (path: string) => {
    const f = fieldOf(path);
    return f ? labels()[f] : path;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    const local: Problems = new Map();
    if (!platform) local.set('platform', [t('problem.required')]);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(seenDay)) local.set('seenAt', [t('problem.required')]);
    if (url.trim() && !HTTP_LINK.test(url.trim())) local.set('url', [t('evidence.capture.urlHttp')]);
    if (shots.length > MAX_SCREENSHOTS) local.set('screenshot', [t('evidence.capture.tooMany', { max: MAX_SCREENSHOTS })]);
    setProblems(local);
    if (local.size || !platform) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.error-summary')?.focus());
      return;
    }
    const capture = {
      platform,
      ...(account.trim() ? { account: account.trim() } : {}),
      ...(url.trim() ? { url: url.trim() } : {}),
      ...(text.trim() ? { text } : {}),
      seenAt: seenAtValue(seenDay, seenTime),
      ...(description.trim() ? { description } : {}),
    };
    // the capture's text first, then the screenshots
    const form = new FormData();
    form.append('capture', JSON.stringify(capture));
    for (const f of shots) form.append('screenshot', f, f.name);
    setBusy(true);
    setProgress({ sent: 0, total: shots.reduce((n, f) => n + f.size, 0) });
    try {
      const item = await upload<EvidenceDetail>(`/api/v1/incidents/${incidentId}/evidence/captures`, form, (sent, total) => setProgress({ sent, total }));
      setSaved(item);
    } catch (err) {
      if (err instanceof ApiError && err.problems.length) {
        const { fields, rest } = placeProblems(err.problems, fieldOf);
        if (fields.has('url') && err.problems.some((p) => p.path === 'url' && p.code === 'bad_format')) fields.set('url', [t('evidence.capture.urlHttp')]);
        setProblems(fields);
        if (rest.length) setError(rest.join(' '));
        requestAnimationFrame(() => document.querySelector<HTMLElement>('.error-summary')?.focus());
      } else setError(errorText(err));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  if (saved)
    return (
      <article class="detail evidence-capture">
        <PageTitle>{t('evidence.capture.title')}</PageTitle>
        <div class="card evidence-saved" role="status">
          <h2 id="capture-saved-title" tabIndex={-1}>
            {t('evidence.capture.saved', { ref: saved.ref })}
          </h2>
          <p>
            SHA-256: <code class="hash-full">{saved.sha256}</code>
          </p>
          <p class="hint">{t('evidence.capture.savedHint')}</p>
          <div class="actions">
            <button type="button" class="btn btn-primary" onClick={() => navigate(`/incidents/${incidentId}`)}>
              {t('evidence.capture.backToIncident')}
            </button>
            <Link href={`/evidence/${saved.id}`} class="btn">
              {t('evidence.capture.openItem')}
            </Link>
          </div>
        </div>
      </article>
    );

  const L = labels();
  const err = (f: Field) => problems.get(f);
  return (
    <article class="detail evidence-capture">
      <p class="back">
        <Link href={`/incidents/${incidentId}`}>← {t('evidence.item.backIncident')}</Link>
      </p>
      <PageTitle>{t('evidence.capture.title')}</PageTitle>
      {ref && <p class="meta">{t('evidence.capture.forIncident', { ref })}</p>}
      <p class="hint">{t('evidence.capture.intro')}</p>
      <ErrorSummary problems={problems} labelOf={labelOf} />
      <form class="evidence-capture-form" onSubmit={(e) => void submit(e)} noValidate>
        <SelectField id={ID_OF.platform} label={L.platform} value={platform} onValue={(v) => setPlatform(PLATFORMS.find((p) => p === v) ?? '')} empty={t('common.choose')} options={PLATFORMS.map((p) => ({ value: p, label: platformName(p) }))} errors={err('platform')} required />
        <TextField id={ID_OF.account} label={L.account} hint={t('evidence.capture.accountHint')} value={account} onValue={setAccount} identifying maxLength={300} errors={err('account')} />
        <TextField id={ID_OF.url} label={L.url} hint={t('evidence.capture.urlHint')} value={url} onValue={setUrl} identifying maxLength={2000} errors={err('url')} />
        <TextField id={ID_OF.text} label={L.text} hint={t('evidence.capture.textHint')} value={text} onValue={setText} identifying multiline rows={5} maxLength={20000} errors={err('text')} />
        <div class="evidence-seen">
          <TextField id={ID_OF.seenAt} type="date" label={L.seenAt} value={seenDay} onValue={setSeenDay} errors={err('seenAt')} required />
          <div class="field">
            <label for="f-seenTime" class="label">
              {t('evidence.capture.seenTime')}
            </label>
            <input type="time" id="f-seenTime" name="seenTime" value={seenTime} onInput={(e) => setSeenTime(e.currentTarget.value)} aria-describedby="f-seenTime-hint" />
            <p class="hint" id="f-seenTime-hint">
              {t('evidence.capture.seenTimeHint')}
            </p>
          </div>
        </div>
        <TextField id={ID_OF.description} label={L.description} hint={t('evidence.capture.notesHint')} value={description} onValue={setDescription} identifying multiline rows={3} maxLength={5000} errors={err('description')} />
        <div class={`field ${err('screenshot') ? 'has-error' : ''}`}>
          <label for={ID_OF.screenshot} class="label">
            {L.screenshot}
          </label>
          <input
            type="file"
            id={ID_OF.screenshot}
            name="screenshot"
            multiple
            accept="image/png,image/jpeg,image/webp,image/gif,image/heic,image/tiff"
            aria-describedby={`${ID_OF.screenshot}-hint${err('screenshot') ? ` ${ID_OF.screenshot}-err` : ''}`}
            aria-invalid={err('screenshot') ? 'true' : undefined}
            disabled={busy}
            onChange={(e) => setShots(Array.from(e.currentTarget.files ?? []))}
          />
          <p class="hint" id={`${ID_OF.screenshot}-hint`}>
            {t('evidence.capture.screenshotsHint', { max: MAX_SCREENSHOTS })}
          </p>
          {shots.length > 0 && <p class="small">{t('evidence.capture.screenshotsChosen', { count: shots.length })}</p>}
          {err('screenshot') && (
            <p class="field-error" id={`${ID_OF.screenshot}-err`}>
              {err('screenshot')!.join(' ')}
            </p>
          )}
        </div>
        {busy && <UploadProgress id="capture-progress" progress={progress} />}
        {error && <Alert kind="error">{error}</Alert>}
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('evidence.upload.sendingButton') : t('evidence.capture.submit')}
          </button>
          <Link href={`/incidents/${incidentId}`} class="btn">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </article>
  );
}

function labels(): Record<Field, string> {
  return {
    platform: t('evidence.capture.platform'),
    account: t('evidence.capture.account'),
    url: t('evidence.capture.url'),
    text: t('evidence.capture.text'),
    seenAt: t('evidence.capture.seenAt'),
    description: t('evidence.capture.notes'),
    screenshot: t('evidence.capture.screenshots'),
  };
}
