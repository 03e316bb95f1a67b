/**
 * Record or change an incident. The essentials first (only "¿Qué pasó?" is required), the rest
 * in sections to open when there is time. The form is saved as a draft on the server every few
 * seconds while typing (never in browser storage); saving the incident removes the draft.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { api, ApiError, type Problem } from '../../api';
import { t } from '../../i18n/i18n';
import { can, getState } from '../../state';
import { Link, navigate } from '../../router';
import { Alert, ErrorSummary, Loading, PageTitle, TextField } from '../../components/ui';
import { FuzzyDateField } from '../../components/date-fields';
import { clock, dateTime } from '../../lib/format';
import { errorText, problemMap, type Problems } from '../../lib/problems';
import { pathLabel } from '../../lib/fields';
import { randomId } from '../../lib/uuid';
import type { DraftSummary, IncidentView } from '../../types';
import { emptyForm, fromDraft, fromView, toInput, type FormState } from './model';
import { PlaceFields } from './place';
import { VictimsSection } from './victims';
import { ActsSection } from './acts';
import { SourcesSection, InterventionsSection, ClassificationSection } from './others';

type Section = 'victims' | 'acts' | 'sources' | 'interventions' | 'classification' | 'placeMore';
type DraftState = { state: 'idle' | 'saving' | 'saved' | 'error'; at?: string };

const AUTOSAVE_MS = 2500;

function sectionOf(path: string): Section | null {
  const head = path.split(/[.[]/)[0];
  if (head === 'victims' || head === 'acts' || head === 'sources' || head === 'interventions') return head;
  if (head === 'context' || head === 'status' || head === 'followUp' || head === 'confidentiality' || head === 'counts') return 'classification';
  if (/^place\.(crossing|routeSegment|precision|private)/.test(path)) return 'placeMore';
  return null;
}

/**
 * The incident with its identifying values, to build the edit form from (an audited read). Never
 * from the masked answer: the form sends the whole incident back, so a value missing from the
 * form would be erased. Null when this person may not edit it.
 */
async function loadForEdit(id: string): Promise<IncidentView | null> {
  if (!can('identifying.read') || !(can('incident.edit_own') || can('incident.edit_any'))) return null;
  try {
    const inc = await api<IncidentView>('GET', `/api/v1/incidents/${id}?for=edit`);
    // defence in depth: an answer with withheld values must never become a form
    if (inc.masked?.length || inc.redacted?.length) return null;
    return inc;
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return null;
    throw e;
  }
}

/** Whether the workspace treats this free-text field as identifying (admin setting). */
function markedIdentifying(field: string): boolean {
  return getState().session?.identifyingFields?.includes(field) ?? false;
}

export function IncidentFormPage({ incidentId, draftId }: { incidentId?: string | undefined; draftId?: string | undefined }) {
  const editing = !!incidentId;
  const [form, setForm] = useState<FormState>(emptyForm);
  const [version, setVersion] = useState<number | undefined>();
  const [loading, setLoading] = useState(editing || !!draftId);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [problems, setProblems] = useState<Problems>(new Map());
  const [message, setMessage] = useState<string | undefined>();
  const [open, setOpen] = useState<Set<Section>>(new Set());
  const [draft, setDraft] = useState<DraftState>({ state: 'idle' });
  const [offers, setOffers] = useState<DraftSummary[]>([]);
  const [conflict, setConflict] = useState(false);
  const [staleDraft, setStaleDraft] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [canEdit, setCanEdit] = useState(true);

  const formRef = useRef(form);
  formRef.current = form;
  const versionRef = useRef(version);
  versionRef.current = version;
  const draftRef = useRef<string | null>(draftId ?? null);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const closed = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const saveDraft = async (): Promise<void> => {
    timer.current = null;
    if (closed.current || !dirty.current) return;
    if (inflight.current) await inflight.current;
    dirty.current = false;
    const id = (draftRef.current ??= randomId());
    setDraft((d) => ({ ...d, state: 'saving' }));
    const p = api<{ updatedAt: string }>('PUT', `/api/v1/drafts/${id}`, { incidentId: incidentId ?? null, data: { title: formRef.current.title.slice(0, 120), form: formRef.current, ...(versionRef.current ? { version: versionRef.current } : {}) } })
      .then((r) => {
        if (!closed.current) setDraft({ state: 'saved', at: r.updatedAt });
      })
      .catch(() => {
        dirty.current = true;
        if (!closed.current) {
          setDraft((d) => ({ ...d, state: 'error' }));
          timer.current = setTimeout(() => void saveDraft(), AUTOSAVE_MS * 4);
        }
      });
    inflight.current = p;
    await p;
    inflight.current = null;
  };

  const change = (next: FormState) => {
    setForm(next);
    dirty.current = true;
    if (!timer.current) timer.current = setTimeout(() => void saveDraft(), AUTOSAVE_MS);
  };
  const patch = (p: Partial<FormState>) => change({ ...formRef.current, ...p });

  // load: the incident (edit), the draft (resume), and drafts to offer
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        if (draftId) {
          const d = await api<{ id: string; incidentId: string | null; data: Record<string, unknown> }>('GET', `/api/v1/drafts/${draftId}`);
          if (d.incidentId) {
            navigate(`/incidents/${d.incidentId}/edit`, { replace: true });
            return;
          }
          const f = fromDraft(d.data);
          if (live && f) setForm(f);
        } else if (incidentId) {
          const [inc, drafts] = await Promise.all([
            loadForEdit(incidentId),
            api<{ drafts: DraftSummary[] }>('GET', '/api/v1/drafts').catch(() => ({ drafts: [] as DraftSummary[] })),
          ]);
          if (!live) return;
          if (!inc) {
            setCanEdit(false);
            return;
          }
          setForm(fromView(inc));
          setVersion(inc.version);
          setOffers(drafts.drafts.filter((x) => x.incidentId === incidentId));
        } else {
          const drafts = await api<{ drafts: DraftSummary[] }>('GET', '/api/v1/drafts');
          if (live) setOffers(drafts.drafts.filter((x) => !x.incidentId));
        }
      } catch (e) {
        if (live) setLoadError(errorText(e));
      } finally {
        if (live) setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  // leaving the page: save what was typed since the last autosave
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (!closed.current && dirty.current) void saveDraft();
      closed.current = true;
    },
    [],
  );

  const resume = async (d: DraftSummary) => {
    if (!d.incidentId) {
      navigate(`/drafts/${d.id}`);
      return;
    }
    try {
      const full = await api<{ data: Record<string, unknown> }>('GET', `/api/v1/drafts/${d.id}`);
      const f = fromDraft(full.data);
      if (f) {
        setForm(f);
        draftRef.current = d.id;
        const v = (full.data as { version?: number }).version;
        if (v !== undefined && v !== versionRef.current) setStaleDraft(true);
      }
      setOffers([]);
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const discard = async (d: DraftSummary) => {
    if (!window.confirm(t('form.discardConfirm'))) return;
    try {
      await api('DELETE', `/api/v1/drafts/${d.id}`);
      setOffers((o) => o.filter((x) => x.id !== d.id));
    } catch (e) {
      setMessage(errorText(e));
    }
  };

  const showProblems = (list: Problem[]) => {
    const map = problemMap(list);
    setProblems(map);
    const next = new Set(open);
    for (const p of list) {
      const s = sectionOf(p.path);
      if (s) next.add(s);
    }
    setOpen(next);
    requestAnimationFrame(() => summaryRef.current?.querySelector<HTMLElement>('.error-summary')?.focus());
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (submitting) return;
    setMessage(undefined);
    setConflict(false);
    const { input, problems: local } = toInput(form);
    if (local.length) {
      showProblems(local);
      return;
    }
    setProblems(new Map());
    setSubmitting(true);
    try {
      const saved = await api<IncidentView>(editing ? 'PUT' : 'POST', editing ? `/api/v1/incidents/${incidentId}` : '/api/v1/incidents', editing ? { ...input, version } : input);
      closed.current = true;
      if (timer.current) clearTimeout(timer.current);
      if (inflight.current) await inflight.current;
      if (draftRef.current) await api('DELETE', `/api/v1/drafts/${draftRef.current}`).catch(() => undefined);
      navigate(`/incidents/${saved.id}`, { replace: editing });
    } catch (err) {
      setSubmitting(false);
      if (err instanceof ApiError && err.status === 409) {
        setConflict(true);
        requestAnimationFrame(() => document.getElementById('conflict')?.focus());
      } else if (err instanceof ApiError && err.problems.length) showProblems(err.problems);
      else {
        setMessage(errorText(err));
        requestAnimationFrame(() => summaryRef.current?.querySelector<HTMLElement>('.error-summary')?.focus());
      }
    }
  };

  const reload = async () => {
    if (!incidentId) return;
    try {
      const inc = await loadForEdit(incidentId);
      if (!inc) {
        setCanEdit(false);
        return;
      }
      setForm(fromView(inc));
      setVersion(inc.version);
      setConflict(false);
      setStaleDraft(false);
      setProblems(new Map());
      dirty.current = false;
      if (draftRef.current) {
        await api('DELETE', `/api/v1/drafts/${draftRef.current}`).catch(() => undefined);
        draftRef.current = null;
      }
    } catch (e) {
      setMessage(errorText(e));
    }
  };

  const discardAndLeave = async () => {
    if (!window.confirm(t('form.discardConfirm'))) return;
    closed.current = true;
    if (timer.current) clearTimeout(timer.current);
    if (inflight.current) await inflight.current;
    if (draftRef.current) await api('DELETE', `/api/v1/drafts/${draftRef.current}`).catch(() => undefined);
    navigate(editing ? `/incidents/${incidentId}` : '/');
  };

  const title = editing ? t('form.editTitle') : t('form.newTitle');
  if (!can('incident.create') && !editing) {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <Alert kind="error">{t('error.forbidden')}</Alert>
      </>
    );
  }
  if (loading) {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <Loading />
      </>
    );
  }
  if (loadError || !canEdit) {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <Alert kind="error">{loadError ?? t('form.cannotEdit')}</Alert>
        <p>
          <Link href={incidentId ? `/incidents/${incidentId}` : '/'}>{t('common.back')}</Link>
        </p>
      </>
    );
  }

  const section = (id: Section, label: string, count: number | null, body: ComponentChildren) => (
    <details
      class="section"
      open={open.has(id)}
      onToggle={(e) => {
        const isOpen = (e.currentTarget as HTMLDetailsElement).open;
        if (isOpen !== open.has(id)) {
          const next = new Set(open);
          if (isOpen) next.add(id);
          else next.delete(id);
          setOpen(next);
        }
      }}
    >
      <summary>
        <span class="section-title">{label}</span>
        {count !== null && <span class="section-count">{t('form.sectionCount', { count })}</span>}
      </summary>
      {body}
    </details>
  );

  const labelOf = (path: string) => pathLabel(path);

  return (
    <div class="form-page">
      <PageTitle>{title}</PageTitle>
      {offers.length > 0 && (
        <div class="drafts-box" role="region" aria-label={t('drafts.regionLabel')}>
          <p class="h-small">{editing ? t('drafts.editOffer') : t('drafts.title', { count: offers.length })}</p>
          <ul class="plain">
            {offers.map((d) => (
              <li key={d.id} class="draft-offer">
                <span>
                  <strong>{d.title || t('drafts.untitled')}</strong> <span class="muted">{t('drafts.savedAt', { time: dateTime(d.updatedAt) })}</span>
                </span>
                <span class="actions-inline">
                  <button type="button" class="btn btn-small btn-primary" onClick={() => void resume(d)}>
                    {t('drafts.resume')}
                  </button>
                  <button type="button" class="btn btn-small" onClick={() => void discard(d)}>
                    {t('drafts.discard')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {staleDraft && <Alert kind="warning">{t('form.staleDraft')}</Alert>}
      {conflict && (
        <div class="alert alert-error" role="alert" id="conflict" tabIndex={-1}>
          <p>{t('form.conflict')}</p>
          <button type="button" class="btn" onClick={() => void reload()}>
            {t('form.reload')}
          </button>
        </div>
      )}
      <form onSubmit={submit} noValidate class="incident-form" aria-describedby="form-intro">
        <p id="form-intro" class="hint">
          {t('form.intro')}
        </p>
        <div ref={summaryRef}>
          <ErrorSummary problems={problems} message={message} labelOf={labelOf} />
        </div>

        <TextField id="f-title" label={t('form.titleLabel')} hint={t('form.titleHint')} value={form.title} onValue={(title) => patch({ title })} errors={problems.get('title')} required maxLength={300} />
        <TextField id="f-summary" label={t('form.summaryLabel')} hint={t('form.summaryHint')} value={form.summary} onValue={(summary) => patch({ summary })} errors={problems.get('summary')} multiline rows={5} identifying={markedIdentifying('summary')} />
        <div class="group">
          <h2 class="group-legend">{t('form.when')}</h2>
          <FuzzyDateField path="date" legend={t('form.whenDate')} hint={t('form.whenHint')} value={form.date} onValue={(date) => patch({ date })} problems={problems} />
        </div>
        <PlaceFields
          value={form.place}
          onValue={(place) => patch({ place })}
          problems={problems}
          detailsOpen={open.has('placeMore')}
          onDetails={(o) => {
            if (o !== open.has('placeMore')) {
              const next = new Set(open);
              if (o) next.add('placeMore');
              else next.delete('placeMore');
              setOpen(next);
            }
          }}
        />

        {section('victims', t('form.victims'), form.victims.length, (
          <VictimsSection
            victims={form.victims}
            onVictims={(victims) => patch({ victims })}
            onRemove={(i) => {
              const key = form.victims[i]!.key;
              patch({ victims: form.victims.filter((_, j) => j !== i), acts: form.acts.map((a) => (a.victimKey === key ? { ...a, victimKey: '' } : a)) });
            }}
            problems={problems}
          />
        ))}
        {section('acts', t('form.acts'), form.acts.length, <ActsSection acts={form.acts} onActs={(acts) => patch({ acts })} victims={form.victims} problems={problems} />)}
        {section('sources', t('form.sources'), form.sources.length, <SourcesSection sources={form.sources} onSources={(sources) => patch({ sources })} problems={problems} />)}
        {section('interventions', t('form.interventions'), form.interventions.length, <InterventionsSection items={form.interventions} onItems={(interventions) => patch({ interventions })} problems={problems} />)}
        {section('classification', t('form.classification'), null, <ClassificationSection form={form} onForm={patch} problems={problems} />)}

        <div class="form-bar">
          <button type="submit" class="btn btn-primary" disabled={submitting}>
            {submitting ? t('form.saving') : editing ? t('form.saveChanges') : t('form.save')}
          </button>
          <Link href={editing ? `/incidents/${incidentId}` : '/'} class="btn-link">
            {t('form.leave')}
          </Link>
          {draftRef.current && (
            <button type="button" class="btn-link danger" onClick={() => void discardAndLeave()}>
              {t('form.discard')}
            </button>
          )}
          <p class="draft-status" role="status">
            {draft.state === 'error' ? t('draft.error') : draft.at ? t('draft.saved', { time: clock(draft.at) }) : ''}
          </p>
        </div>
      </form>
    </div>
  );
}
