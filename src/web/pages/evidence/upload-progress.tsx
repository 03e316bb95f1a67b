/**
 * "Enviando… 45 %" with a progress bar while a file goes up (a shelter on a slow link sees it move).
 * The bar follows every step; what screen readers hear changes only every tenth, so they are not
 * flooded.
 */
import { t } from '../../i18n/i18n';

export interface Progress {
  sent: number;
  total: number;
}

export function percent(p: Progress | null): number {
  return p && p.total > 0 ? Math.min(100, Math.floor((p.sent / p.total) * 100)) : 0;
}

export function UploadProgress({ progress, id }: { progress: Progress | null; id: string }) {
  const pct = percent(progress);
  const spoken = Math.floor(pct / 10) * 10;
  return (
    <div class="upload-progress">
      <label for={id} class="upload-progress-label">
        {progress && pct >= 100 ? t('evidence.upload.checking') : t('evidence.upload.sending')}
      </label>
      <progress id={id} max={100} value={pct} />
      <span class="upload-progress-pct" aria-hidden="true">
        {t('evidence.upload.percent', { pct })}
      </span>
      <span class="sr-only" role="status">
        {progress && pct >= 100 ? t('evidence.upload.checking') : t('evidence.upload.sentPercent', { pct: spoken })}
      </span>
    </div>
  );
}
