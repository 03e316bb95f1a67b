/**
 * An item's files, for who may open it: the metadata-free viewing copy of an image, shown only when
 * asked for (each view is a custody entry), and the original as it arrived, downloaded for a stated
 * purpose (the purpose is asked first, then the browser saves the file under the neutral name the
 * server gives it — the item's reference).
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { SelectField } from '../../components/ui';
import type { CustodyPurpose, EvidenceDetail } from '../../types';
import { PURPOSE_KEYS, kindName, purposeName } from './words';

const PURPOSES = Object.keys(PURPOSE_KEYS) as CustodyPurpose[];

export function ViewCopy({ item, onViewed }: { item: EvidenceDetail; onViewed: () => void }) {
  const [shown, setShown] = useState(false);
  return (
    <section class="evidence-view" aria-labelledby="view-heading">
      <h2 id="view-heading">{t('evidence.view.title')}</h2>
      <p class="hint">{t('evidence.view.hint')}</p>
      <p>
        <button type="button" class="btn" aria-expanded={shown} aria-controls="evidence-view-figure" onClick={() => setShown(!shown)}>
          {shown ? t('evidence.view.hide') : t('evidence.view.show')}
        </button>
      </p>
      <div id="evidence-view-figure">
        {shown && (
          <figure class="evidence-figure">
            <img src={`/api/v1/evidence/${item.id}/view`} alt={t('evidence.view.alt', { ref: item.ref, kind: kindName(item.kind) })} onLoad={onViewed} />
            <figcaption class="small muted">{t('evidence.view.caption', { ref: item.ref })}</figcaption>
          </figure>
        )}
      </div>
    </section>
  );
}

export function OriginalDownload({ item }: { item: EvidenceDetail }) {
  const [purpose, setPurpose] = useState<CustodyPurpose | ''>('');
  const [problem, setProblem] = useState<string | undefined>();

  const submit = (e: Event) => {
    e.preventDefault();
    if (!purpose) {
      setProblem(t('evidence.original.choosePurpose'));
      document.getElementById('evidence-original-purpose')?.focus();
      return;
    }
    setProblem(undefined);
    // the browser saves it (an attachment under the server's neutral name): no copy held in the page
    const a = document.createElement('a');
    a.href = `/api/v1/evidence/${item.id}/original?purpose=${encodeURIComponent(purpose)}`;
    a.download = '';
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  return (
    <section class="evidence-original" aria-labelledby="original-heading">
      <h2 id="original-heading">{t('evidence.original.title')}</h2>
      <p class="hint">{t('evidence.original.hint')}</p>
      <form onSubmit={submit} noValidate class="evidence-original-form">
        <SelectField
          id="evidence-original-purpose"
          label={t('evidence.original.purpose')}
          value={purpose}
          onValue={(v) => setPurpose(PURPOSES.find((p) => p === v) ?? '')}
          empty={t('common.choose')}
          options={PURPOSES.map((p) => ({ value: p, label: purposeName(p) }))}
          errors={problem ? [problem] : undefined}
          required
        />
        <div class="actions">
          <button type="submit" class="btn btn-primary">
            {t('evidence.original.download')}
          </button>
        </div>
      </form>
    </section>
  );
}
