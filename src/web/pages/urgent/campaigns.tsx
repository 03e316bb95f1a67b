/**
 * A case's campaigns (a detained or threatened defender): each with its name, when it ran (dates
 * as precise as known), its actions and how it ended; add one, or change one (someone else's newer
 * change is refused rather than overwritten).
 */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { ErrorSummary, SelectField, TextField } from '../../components/ui';
import { errorText, fieldId, problemMap, type Problems } from '../../lib/problems';
import { partialDate } from '../../lib/format';
import { CAMPAIGN_ACTION_KINDS, CAMPAIGN_OUTCOMES, type CampaignActionKind, type CampaignOutcome } from '../../../domain/urgent/campaign';
import type { CampaignView, UrgentCaseView } from '../../../domain/urgent/view';
import { actionName, campaignOutcomeName, PARTIAL_DATE } from './words';

interface ActionDraft { kind: CampaignActionKind | ''; date: string; description: string }
interface Draft { title: string; started: string; ended: string; outcome: CampaignOutcome | ''; actions: ActionDraft[] }

const emptyDraft = (): Draft => ({ title: '', started: '', ended: '', outcome: '', actions: [] });
const draftOf = (c: CampaignView): Draft => ({
  title: c.title, started: c.started ?? '', ended: c.ended ?? '', outcome: c.outcome ?? '',
  actions: c.actions.map((a) => ({ kind: a.kind, date: a.date ?? '', description: a.description ?? '' })),
});

function CampaignForm({ caseId, campaign, onSaved, onCancel }: { caseId: string; campaign: CampaignView | null; onSaved: () => void; onCancel: () => void }) {
  const [d, setD] = useState<Draft>(campaign ? draftOf(campaign) : emptyDraft());
  const [problems, setProblems] = useState<Problems>(new Map());
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const setAction = (i: number, patch: Partial<ActionDraft>) => set({ actions: d.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });

  async function save() {
    const list: Problems = new Map();
    if (!d.title.trim()) list.set('title', [t('problem.required')]);
    for (const k of ['started', 'ended'] as const) if (d[k].trim() && !PARTIAL_DATE.test(d[k].trim())) list.set(k, [t('problem.dateFormat')]);
    d.actions.forEach((a, i) => {
      if (!a.kind) list.set(`actions[${i}].kind`, [t('problem.required')]);
      if (a.date.trim() && !PARTIAL_DATE.test(a.date.trim())) list.set(`actions[${i}].date`, [t('problem.dateFormat')]);
    });
    setProblems(list);
    setMessage(undefined);
    if (list.size) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.urgent-campaign-form .error-summary')?.focus());
      return;
    }
    const body = {
      title: d.title,
      ...(d.started.trim() ? { started: d.started.trim() } : {}),
      ...(d.ended.trim() ? { ended: d.ended.trim() } : {}),
      ...(d.outcome ? { outcome: d.outcome } : {}),
      actions: d.actions.map((a) => ({ kind: a.kind, ...(a.date.trim() ? { date: a.date.trim() } : {}), ...(a.description.trim() ? { description: a.description } : {}) })),
    };
    setBusy(true);
    try {
      if (campaign) await api('PUT', `/api/v1/campaigns/${campaign.id}`, { ...body, version: campaign.version });
      else await api('POST', `/api/v1/urgent/${caseId}/campaigns`, body);
      onSaved();
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.problems.length) setProblems(problemMap(e.problems));
      else setMessage(e instanceof ApiError && e.status === 409 ? t('urgent.campaign.conflict') : errorText(e));
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.urgent-campaign-form .error-summary')?.focus());
    }
  }

  const labelOf = (path: string) => {
    const m = /^actions\[(\d+)\]\.(\w+)$/.exec(path);
    if (m) return `${t('urgent.campaign.action', { n: Number(m[1]) + 1 })}: ${m[2] === 'kind' ? t('urgent.campaign.actionKind') : m[2] === 'date' ? t('urgent.campaign.actionDate') : t('urgent.campaign.actionDescription')}`;
    return path === 'title' ? t('urgent.campaign.title') : path === 'started' ? t('urgent.campaign.started') : path === 'ended' ? t('urgent.campaign.ended') : path === 'outcome' ? t('urgent.campaign.outcome') : path;
  };

  return (
    <form
      class="urgent-campaign-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{campaign ? t('urgent.campaign.editTitle') : t('urgent.campaign.add')}</h3>
      <ErrorSummary problems={problems} message={message} labelOf={labelOf} />
      <TextField id={fieldId('title')} label={t('urgent.campaign.title')} value={d.title} onValue={(v) => set({ title: v })} maxLength={200} required errors={problems.get('title')} />
      <div class="urgent-row">
        <TextField id={fieldId('started')} label={t('urgent.campaign.started')} hint={t('urgent.campaign.dateHint')} value={d.started} onValue={(v) => set({ started: v })} maxLength={10} errors={problems.get('started')} />
        <TextField id={fieldId('ended')} label={t('urgent.campaign.ended')} hint={t('urgent.campaign.dateHint')} value={d.ended} onValue={(v) => set({ ended: v })} maxLength={10} errors={problems.get('ended')} />
      </div>
      <SelectField
        id={fieldId('outcome')}
        label={t('urgent.campaign.outcome')}
        value={d.outcome}
        onValue={(v) => set({ outcome: v as CampaignOutcome | '' })}
        empty={t('urgent.campaignOutcome.none')}
        options={CAMPAIGN_OUTCOMES.map((o) => ({ value: o, label: campaignOutcomeName(o) }))}
        errors={problems.get('outcome')}
      />
      <fieldset>
        <legend class="label">{t('urgent.campaign.actions')}</legend>
        {d.actions.length === 0 && <p class="muted">{t('urgent.campaign.noActions')}</p>}
        {d.actions.map((a, i) => (
          <div class="urgent-action" key={i}>
            <p class="strong">{t('urgent.campaign.action', { n: i + 1 })}</p>
            <div class="urgent-row">
              <SelectField
                id={fieldId(`actions[${i}].kind`)}
                label={t('urgent.campaign.actionKind')}
                value={a.kind}
                onValue={(v) => setAction(i, { kind: v as CampaignActionKind })}
                empty={t('common.choose')}
                options={CAMPAIGN_ACTION_KINDS.map((k) => ({ value: k, label: actionName(k) }))}
                errors={problems.get(`actions[${i}].kind`)}
              />
              <TextField id={fieldId(`actions[${i}].date`)} label={t('urgent.campaign.actionDate')} hint={t('urgent.campaign.dateHint')} value={a.date} onValue={(v) => setAction(i, { date: v })} maxLength={10} errors={problems.get(`actions[${i}].date`)} />
            </div>
            <TextField id={fieldId(`actions[${i}].description`)} label={t('urgent.campaign.actionDescription')} value={a.description} onValue={(v) => setAction(i, { description: v })} multiline rows={2} maxLength={2000} errors={problems.get(`actions[${i}].description`)} />
            <button type="button" class="btn-link" onClick={() => set({ actions: d.actions.filter((_, j) => j !== i) })}>
              {t('urgent.campaign.removeAction', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" class="btn" onClick={() => set({ actions: [...d.actions, { kind: '', date: '', description: '' }] })}>
          {t('urgent.campaign.addAction')}
        </button>
      </fieldset>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('urgent.campaign.save')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function Campaigns({ c, onChanged }: { c: UrgentCaseView; onChanged: () => void }) {
  /** the campaign being edited, 'new', or none */
  const [editing, setEditing] = useState<string | null>(null);
  const done = () => {
    setEditing(null);
    onChanged();
  };
  return (
    <section class="urgent-campaigns" aria-labelledby="urgent-campaigns-h">
      <h2 id="urgent-campaigns-h">{t('urgent.case.campaigns')}</h2>
      {c.campaigns.length === 0 && editing !== 'new' && <p class="muted">{t('urgent.case.noCampaigns')}</p>}
      {c.campaigns.map((k) =>
        editing === k.id ? (
          <CampaignForm key={k.id} caseId={c.id} campaign={k} onSaved={done} onCancel={() => setEditing(null)} />
        ) : (
          <article class="card urgent-campaign" key={k.id}>
            <h3 class="card-title">{k.title}</h3>
            <p class="meta">
              {k.started && <span>{t('urgent.campaign.startedOn', { date: partialDate(k.started) })}</span>}
              {k.ended && <span>{t('urgent.campaign.endedOn', { date: partialDate(k.ended) })}</span>}
              <span>{k.outcome ? campaignOutcomeName(k.outcome) : t('urgent.campaignOutcome.none')}</span>
            </p>
            {k.actions.length > 0 && (
              <ul>
                {k.actions.map((a, i) => (
                  <li key={i}>
                    <strong>{actionName(a.kind)}</strong>
                    {a.date ? ` · ${partialDate(a.date)}` : ''}
                    {a.description && <span class="prewrap"> — {a.description}</span>}
                  </li>
                ))}
              </ul>
            )}
            {c.canWrite && editing === null && (
              <button type="button" class="btn-link" onClick={() => setEditing(k.id)}>
                {t('urgent.campaign.edit')}
                <span class="sr-only">: {k.title}</span>
              </button>
            )}
          </article>
        ),
      )}
      {editing === 'new' && <CampaignForm caseId={c.id} campaign={null} onSaved={done} onCancel={() => setEditing(null)} />}
      {c.canWrite && editing === null && (
        <button type="button" class="btn" onClick={() => setEditing('new')}>
          {t('urgent.campaign.add')}
        </button>
      )}
    </section>
  );
}
