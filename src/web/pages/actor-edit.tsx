/** Change a person's or organisation's profile and protection measures (saved with its version). */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Problem } from '../api';
import { t } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { Alert, ErrorSummary, Loading, PageTitle, TextField } from '../components/ui';
import { ActorFields } from '../components/actor-fields';
import { VocabSelect } from '../components/vocab-select';
import { PartialDateField } from '../components/date-fields';
import { PlusIcon } from '../components/icons';
import { errorText, fieldId, problemMap, type Problems } from '../lib/problems';
import { pathLabel } from '../lib/fields';
import type { ActorView, ProtectionMeasure } from '../types';
import { actorInput, actorToForm, emptyParts, joinParts, partsOf, uid, type DateParts, type FActor } from './incident-form/model';

interface FMeasure {
  uid: string;
  id?: string;
  kind: string;
  status: string;
  reference: string;
  granted: DateParts;
  expires: DateParts;
  includes: string;
  notes: string;
}

const measureToForm = (m: ProtectionMeasure): FMeasure => ({
  uid: uid(), ...(m.id ? { id: m.id } : {}), kind: m.kind, status: m.status, reference: m.reference ?? '', granted: partsOf(m.granted), expires: partsOf(m.expires), includes: m.includes ?? '', notes: m.notes ?? '',
});

export function ActorEditPage({ id }: { id: string }) {
  const [actor, setActor] = useState<FActor | null>(null);
  const [measures, setMeasures] = useState<FMeasure[]>([]);
  const [version, setVersion] = useState(0);
  const [problems, setProblems] = useState<Problems>(new Map());
  const [message, setMessage] = useState<string | undefined>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);

  // built from the ?for=edit answer (identifying values included, an audited read), never from the
  // masked one: the whole profile is sent back, so a value missing here would be erased
  const load = async () => {
    try {
      const r = await api<{ actor: ActorView }>('GET', `/api/v1/actors/${id}?for=edit`);
      if (r.actor.masked?.length || r.actor.redacted?.length) {
        setMessage(t('error.forbidden'));
        return;
      }
      setActor(actorToForm(r.actor));
      setMeasures(r.actor.protectionMeasures.map(measureToForm));
      setVersion(r.actor.version);
      setConflict(false);
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  useEffect(() => {
    void load();
  }, [id]);

  if (!actor)
    return (
      <>
        <PageTitle>{t('people.editTitle')}</PageTitle>
        {message ? <Alert kind="error">{message}</Alert> : <Loading />}
      </>
    );

  const setM = (i: number, patch: Partial<FMeasure>) => setMeasures(measures.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const submit = async (e: Event) => {
    e.preventDefault();
    const list: Problem[] = [];
    const input = actorInput(actor, '', list);
    input.protectionMeasures = measures.map((m, i) => {
      if (!m.kind) list.push({ path: `protectionMeasures[${i}].kind`, message: t('problem.required') });
      if (!m.status) list.push({ path: `protectionMeasures[${i}].status`, message: t('problem.required') });
      const g = joinParts(m.granted);
      const x = joinParts(m.expires);
      if (g.problem) list.push({ path: `protectionMeasures[${i}].granted`, message: g.problem });
      if (x.problem) list.push({ path: `protectionMeasures[${i}].expires`, message: x.problem });
      const out: ProtectionMeasure = { kind: m.kind, status: m.status };
      if (m.id) out.id = m.id;
      if (m.reference.trim()) out.reference = m.reference.trim();
      if (g.value) out.granted = g.value;
      if (x.value) out.expires = x.value;
      if (m.includes.trim()) out.includes = m.includes.trim();
      if (m.notes.trim()) out.notes = m.notes.trim();
      return out;
    });
    // paths from actorInput start with "." when the base path is empty
    const fixed = list.map((p) => ({ ...p, path: p.path.replace(/^\./, '') }));
    setProblems(problemMap(fixed));
    setMessage(undefined);
    if (fixed.length) return;
    setBusy(true);
    try {
      await api('PUT', `/api/v1/actors/${id}`, { ...input, version });
      navigate(`/people/${id}`, { replace: true });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 409) setConflict(true);
      else if (err instanceof ApiError && err.problems.length) setProblems(problemMap(err.problems));
      else setMessage(errorText(err));
    }
  };

  return (
    <>
      <p class="back">
        <Link href={`/people/${id}`}>← {t('common.back')}</Link>
      </p>
      <PageTitle>{t('people.editTitle')}</PageTitle>
      {conflict && (
        <div class="alert alert-error" role="alert">
          <p>{t('people.conflict')}</p>
          <button type="button" class="btn" onClick={() => void load()}>
            {t('form.reload')}
          </button>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <ErrorSummary problems={problems} message={message} labelOf={(p) => pathLabel(p)} />
        <ActorFields value={actor} onValue={setActor} problems={problems} path="" kindFixed />
        <h2>{t('people.measures')}</h2>
        <p class="hint">{t('people.measuresHint')}</p>
        {measures.map((m, i) => {
          const base = `protectionMeasures[${i}]`;
          const pe = (k: string) => problems.get(`${base}.${k}`);
          return (
            <fieldset class="card-edit" key={m.uid}>
              <legend>{t('people.measureN', { n: i + 1 })}</legend>
              <div class="grid-2">
                <VocabSelect id={fieldId(`${base}.kind`)} label={t('field.kind')} scheme="protection_kind" value={m.kind} onValue={(kind) => setM(i, { kind })} errors={pe('kind')} required />
                <VocabSelect id={fieldId(`${base}.status`)} label={t('field.status')} scheme="protection_status" value={m.status} onValue={(status) => setM(i, { status })} errors={pe('status')} required />
                <TextField id={fieldId(`${base}.reference`)} label={t('field.reference')} hint={t('people.referenceHint')} value={m.reference} onValue={(reference) => setM(i, { reference })} errors={pe('reference')} />
              </div>
              <div class="grid-2">
                <PartialDateField path={`${base}.granted`} legend={t('field.granted')} value={m.granted} onValue={(granted) => setM(i, { granted })} errors={pe('granted')} />
                <PartialDateField path={`${base}.expires`} legend={t('field.expires')} value={m.expires} onValue={(expires) => setM(i, { expires })} errors={pe('expires')} />
              </div>
              <TextField id={fieldId(`${base}.includes`)} label={t('field.includes')} hint={t('people.includesHint')} value={m.includes} onValue={(includes) => setM(i, { includes })} errors={pe('includes')} multiline rows={2} />
              <TextField id={fieldId(`${base}.notes`)} label={t('field.notes')} value={m.notes} onValue={(notes) => setM(i, { notes })} errors={pe('notes')} multiline rows={2} />
              <div class="card-actions">
                <button type="button" class="btn btn-small btn-danger-quiet" onClick={() => setMeasures(measures.filter((_, j) => j !== i))}>
                  {t('people.removeMeasure', { n: i + 1 })}
                </button>
              </div>
            </fieldset>
          );
        })}
        <div class="add-row">
          <button type="button" class="btn" onClick={() => setMeasures([...measures, { uid: uid(), kind: '', status: '', reference: '', granted: emptyParts(), expires: emptyParts(), includes: '', notes: '' }])}>
            <PlusIcon />
            {t('people.addMeasure')}
          </button>
        </div>
        <div class="form-bar">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('people.save')}
          </button>
          <Link href={`/people/${id}`} class="btn btn-quiet">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
