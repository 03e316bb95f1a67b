/**
 * Identifying values on reading pages. The server leaves them out of every answer and lists their
 * paths: in `masked` when the reader may see them (dots until "Mostrar", which asks the server —
 * an audited reveal — for that one value), in `redacted` when the reader's role may not.
 * A revealed value lives only in this component while shown; hiding it drops it.
 */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { t } from '../i18n/i18n';
import { EyeIcon } from './icons';
import { IdentBadge } from './ui';
import { errorText, localiseProblem } from '../lib/problems';

/** The record whose identifying values a page shows, as the server presented it. */
export interface IdentSource {
  kind: 'incidents' | 'actors';
  id: string;
  masked?: string[] | undefined;
  redacted?: string[] | undefined;
}

/** Whether a page should give a field a row: it has a value, or the server listed it. */
export function identListed(src: IdentSource, path: string, value?: unknown): boolean {
  return value !== undefined || !!src.masked?.includes(path) || !!src.redacted?.includes(path);
}

/** A revealed value as text: strings as they are, the private place as "address — lat, lon". */
export function identText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') {
    const p = value as { address?: string; lat?: number; lon?: number };
    return [p.address, p.lat !== undefined && p.lon !== undefined ? `${p.lat}, ${p.lon}` : ''].filter(Boolean).join(' — ');
  }
  return String(value);
}

async function reveal(src: IdentSource, path: string): Promise<string> {
  const r = await api<{ values: Record<string, unknown> }>('POST', `/api/v1/${src.kind}/${src.id}/reveal`, { paths: [path] });
  return identText(r.values[path]);
}

/**
 * One identifying field: "Oculto para tu rol" when redacted, dots and "Mostrar" when masked (or
 * when the answer carried the value), nothing when the record has no such value.
 */
export function Ident({ src, path, value, multiline }: { src: IdentSource; path: string; value?: unknown; multiline?: boolean }) {
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (src.redacted?.includes(path)) return <span class="muted">{t('ident.redacted')}</span>;
  if (value === undefined && !src.masked?.includes(path)) return null;

  const toggle = async () => {
    if (shown !== null) {
      setShown(null);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      setShown(value !== undefined ? identText(value) : await reveal(src, path));
    } catch (e) {
      setError(e instanceof ApiError && e.problems[0] ? localiseProblem(e.problems[0]) : errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class={`masked ${shown !== null ? 'is-shown' : ''}`}>
      {shown !== null ? (
        <span class={multiline ? 'prewrap' : undefined}>{shown}</span>
      ) : (
        <span aria-label={t('ident.hiddenValue')} role="img">
          •••••
        </span>
      )}{' '}
      <button type="button" class="btn-link reveal" aria-pressed={shown !== null} disabled={busy} onClick={() => void toggle()}>
        <EyeIcon />
        {shown !== null ? t('ident.hide') : t('ident.show')}
      </button>
      {error && (
        <span class="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

/**
 * A free-text field an admin may have marked identifying (summary, descriptions, notes): plain text
 * when the answer carries it, the masked/redacted control when the server withheld it.
 */
export function FreeText({ src, path, value, class: cls }: { src: IdentSource; path: string; value?: string | undefined; class?: string }) {
  if (src.masked?.includes(path) || src.redacted?.includes(path)) {
    return (
      <p class={cls}>
        <IdentBadge /> <Ident src={src} path={path} multiline />
      </p>
    );
  }
  return value ? <p class={`prewrap ${cls ?? ''}`}>{value}</p> : null;
}
