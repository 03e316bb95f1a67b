/**
 * A person accompanied, new or changed (/accompaniment/people/new, /accompaniment/people/:id/edit):
 * the pseudonym they are known by everywhere, their family, the plain details the day's plan
 * counts (age group, languages, needs), the shelter where they stay, the language of their
 * reminders, and — marked, masked, never autocompleted — their identity and the note on their
 * needs, sealed on the server. On an edit the sealed part is opened only on request (an audited
 * look) and sent only then: a form that never held it cannot erase it.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../api';
import { t } from '../../../i18n/i18n';
import { can, useAppState } from '../../../state';
import { Link, navigate } from '../../../router';
import { Alert, CheckGroup, ErrorSummary, IdentBadge, Loading, PageTitle, SelectField, TextField } from '../../../components/ui';
import { countryOptions } from '../../../lib/options';
import { errorText, fieldId, type Problems } from '../../../lib/problems';
import { createPerson, getFamilies, getPerson, revealIdentity, searchShelters, updatePerson, type Family, type PersonView, type ShelterItem } from './api';
import { emptyPerson, identityFormOf, personFormOf, personInputOf, personProblems, type IdentityForm, type PersonForm } from './model';
import { AGE_GROUPS, ageName, FAMILY_ROLES, NEEDS, needName, REMINDER_LANGS, reminderLangName, roleName } from './words';
import { accProblemMap } from './field-problems';
import { BackLink } from './parts';
import './people.css';
import { SearchRow } from '../../../components/search-row';

type Sealed = 'new' | 'opened' | 'closed';

const LABEL_KEYS = {
  pseudonym: 'acc.person.pseudonym',
  familyId: 'acc.person.familyExisting',
  newFamily: 'acc.person.familyNew',
  familyRole: 'acc.person.familyRole',
  nationality: 'acc.person.nationality',
  languages: 'acc.person.languages',
  ageGroup: 'acc.person.ageGroup',
  needs: 'acc.person.needs',
  needsNote: 'acc.person.needsNote',
  stayingAt: 'acc.person.stayingAt',
  reminderLang: 'acc.person.reminderLang',
  status: 'acc.person.status',
  'identity.names': 'acc.ident.names',
  'identity.caseNumbers': 'acc.ident.caseNumbers',
  'identity.registrationNumbers': 'acc.ident.registrationNumbers',
  'identity.dateOfBirth': 'acc.ident.dateOfBirth',
  'identity.phones': 'acc.ident.phones',
  'identity.messaging': 'acc.ident.messaging',
  'identity.documents': 'acc.ident.documents',
} as const;
const labelOf = (path: string) => (path in LABEL_KEYS ? t(LABEL_KEYS[path as keyof typeof LABEL_KEYS]) : path);

export function PersonFormPage({ id }: { id?: string }) {
  const { places } = useAppState();
  const [view, setView] = useState<PersonView | null>(null);
  const [form, setForm] = useState<PersonForm | null>(id ? null : emptyPerson());
  const [families, setFamilies] = useState<Family[]>([]);
  const [sealed, setSealed] = useState<Sealed>('new');
  const [loadError, setLoadError] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState('');

  useEffect(() => {
    getFamilies().then(setFamilies, () => setFamilies([]));
    if (!id) return;
    getPerson(id).then(
      (v) => {
        setView(v);
        setForm(personFormOf(v));
        setSealed(v.hasIdentity || v.hasNeedsNote ? 'closed' : 'new');
      },
      (e: unknown) => setLoadError(errorText(e)),
    );
  }, [id]);

  const back = id ? <BackLink href={`/accompaniment/people/${id}`} label={t('acc.person.backToPerson')} /> : <BackLink href="/accompaniment/people" label={t('acc.people.back')} />;
  const title = id ? t('acc.person.editTitle') : t('acc.person.newTitle');
  if (!form)
    return (
      <>
        {back}
        <PageTitle>{title}</PageTitle>
        {loadError ? <Alert kind="error">{loadError}</Alert> : <Loading />}
      </>
    );

  const set = (patch: Partial<PersonForm>) => setForm({ ...form, ...patch });
  const setIdent = (patch: Partial<IdentityForm>) => setForm({ ...form, identity: { ...form.identity, ...patch } });
  const err = (path: string) => problems.get(path);

  const openSealed = async () => {
    if (!id) return;
    setOpening(true);
    setOpenError('');
    try {
      const r = await revealIdentity(id);
      setForm({ ...form, identity: identityFormOf(r.identity ?? {}), needsNote: r.needsNote ?? '' });
      setSealed('opened');
    } catch (e) {
      setOpenError(errorText(e));
    } finally {
      setOpening(false);
    }
  };

  const focusSummary = () => requestAnimationFrame(() => document.querySelector<HTMLElement>('.error-summary')?.focus());

  async function submit() {
    if (!form) return;
    const own = personProblems(form);
    const list: Problems = new Map();
    for (const [path, code] of own) list.set(path, [code === 'required' ? t('problem.required') : code === 'language' ? t('acc.problem.language') : t('problem.dateFormat')]);
    setProblems(list);
    setMessage(undefined);
    if (list.size) return focusSummary();
    setBusy(true);
    try {
      const input = personInputOf(form, sealed);
      const saved = id && view ? await updatePerson(id, { ...input, version: view.version }) : await createPerson(input);
      navigate(`/accompaniment/people/${saved.id}`, { replace: !!id });
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.problems.length) setProblems(accProblemMap(e.problems));
      else setMessage(e instanceof ApiError && (e.status === 409 || e.code === 'stale') ? t('acc.problem.stale') : errorText(e));
      focusSummary();
    }
  }

  const canOpen = can('identifying.read');
  const showSealedFields = sealed !== 'closed';

  return (
    <>
      {back}
      <PageTitle>{title}</PageTitle>
      {view && (
        <p class="meta">
          <span class="ref">{view.ref}</span>
        </p>
      )}
      <ErrorSummary problems={problems} message={message} labelOf={labelOf} />
      <form
        class="acc-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField id={fieldId('pseudonym')} label={t('acc.person.pseudonym')} hint={t('acc.person.pseudonymHint')} required value={form.pseudonym} onValue={(pseudonym) => set({ pseudonym })} errors={err('pseudonym')} maxLength={80} />

        <fieldset class="acc-group">
          <legend>{t('acc.person.familySection')}</legend>
          <div class="radios">
            {(['none', 'existing', 'new'] as const).map((k) => (
              <div class="check" key={k}>
                <input type="radio" id={`acc-family-${k}`} name="acc-family" checked={form.family === k} onChange={() => set({ family: k })} />
                <label for={`acc-family-${k}`}>{k === 'none' ? t('acc.person.familyNone') : k === 'existing' ? t('acc.person.familyChoose') : t('acc.person.familyCreate')}</label>
              </div>
            ))}
          </div>
          {form.family === 'existing' && (
            <SelectField
              id={fieldId('familyId')}
              label={t('acc.person.familyExisting')}
              value={form.familyId}
              onValue={(familyId) => set({ familyId })}
              empty="—"
              options={families.map((f) => ({ value: f.id, label: `${f.label} (${f.ref})` }))}
              errors={err('familyId')}
            />
          )}
          {form.family === 'new' && (
            <TextField id={fieldId('newFamily')} label={t('acc.person.familyNew')} hint={t('acc.person.familyNewHint')} value={form.newFamily} onValue={(newFamily) => set({ newFamily })} errors={err('newFamily')} maxLength={80} />
          )}
          {form.family !== 'none' && (
            <SelectField
              id={fieldId('familyRole')}
              label={t('acc.person.familyRole')}
              value={form.familyRole}
              onValue={(v) => set({ familyRole: v as PersonForm['familyRole'] })}
              empty="—"
              options={FAMILY_ROLES.map((r) => ({ value: r, label: roleName(r) }))}
              errors={err('familyRole')}
            />
          )}
        </fieldset>

        <fieldset class="acc-group">
          <legend>{t('acc.person.aboutSection')}</legend>
          <SelectField
            id={fieldId('ageGroup')}
            label={t('acc.person.ageGroup')}
            value={form.ageGroup}
            onValue={(v) => set({ ageGroup: v as PersonForm['ageGroup'] })}
            options={AGE_GROUPS.map((a) => ({ value: a, label: ageName(a) }))}
            errors={err('ageGroup')}
          />
          {places && <SelectField id={fieldId('nationality')} label={t('acc.person.nationality')} value={form.nationality} onValue={(nationality) => set({ nationality })} empty="—" options={countryOptions(places)} errors={err('nationality')} />}
          <TextField id={fieldId('languages')} label={t('acc.person.languages')} hint={t('acc.person.languagesHint')} value={form.languages} onValue={(languages) => set({ languages })} errors={err('languages')} maxLength={100} />
          <CheckGroup id={fieldId('needs')} legend={t('acc.person.needs')} options={NEEDS.map((n) => ({ value: n, label: needName(n) }))} values={form.needs} onValues={(v) => set({ needs: v as PersonForm['needs'] })} errors={err('needs')} />
          {showSealedFields && (
            <TextField id={fieldId('needsNote')} label={t('acc.person.needsNote')} hint={t('acc.person.needsNoteHint')} identifying multiline rows={3} value={form.needsNote} onValue={(needsNote) => set({ needsNote })} errors={err('needsNote')} maxLength={2000} />
          )}
          <SelectField
            id={fieldId('reminderLang')}
            label={t('acc.person.reminderLang')}
            hint={t('acc.person.reminderLangHint')}
            value={form.reminderLang}
            onValue={(v) => set({ reminderLang: v as PersonForm['reminderLang'] })}
            options={REMINDER_LANGS.map((l) => ({ value: l, label: reminderLangName(l) }))}
            errors={err('reminderLang')}
          />
          {id && (
            <SelectField
              id={fieldId('status')}
              label={t('acc.person.status')}
              value={form.status}
              onValue={(v) => set({ status: v as PersonForm['status'] })}
              options={[
                { value: 'active', label: t('acc.people.active') },
                { value: 'closed', label: t('acc.people.closed') },
              ]}
              errors={err('status')}
            />
          )}
        </fieldset>

        <ShelterPicker value={form.stayingAt} onValue={(stayingAt) => set({ stayingAt })} errors={err('stayingAt')} />

        <fieldset class="acc-group acc-ident">
          <legend>
            {t('acc.person.identitySection')} <IdentBadge />
          </legend>
          <p class="hint">{t('acc.person.identityHint')}</p>
          {!showSealedFields ? (
            <div>
              <p>{t('acc.person.identityClosed')}</p>
              {canOpen ? (
                <button type="button" class="btn" onClick={() => void openSealed()} disabled={opening}>
                  {t('acc.person.identityOpen')}
                </button>
              ) : (
                <p class="muted">{t('acc.person.identityNoAccess')}</p>
              )}
              {openError && <Alert kind="error">{openError}</Alert>}
            </div>
          ) : (
            <>
              <TextField id={fieldId('identity.names')} label={t('acc.ident.names')} identifying value={form.identity.names} onValue={(names) => setIdent({ names })} errors={err('identity.names')} maxLength={200} />
              <TextField id={fieldId('identity.caseNumbers')} label={t('acc.ident.caseNumbers')} hint={t('acc.person.onePerLine')} identifying multiline rows={2} value={form.identity.caseNumbers} onValue={(caseNumbers) => setIdent({ caseNumbers })} errors={err('identity.caseNumbers')} />
              <TextField id={fieldId('identity.registrationNumbers')} label={t('acc.ident.registrationNumbers')} hint={t('acc.person.registrationHint')} identifying multiline rows={2} value={form.identity.registrationNumbers} onValue={(registrationNumbers) => setIdent({ registrationNumbers })} errors={err('identity.registrationNumbers')} />
              <TextField id={fieldId('identity.dateOfBirth')} label={t('acc.ident.dateOfBirth')} hint={t('acc.person.dateHint')} identifying value={form.identity.dateOfBirth} onValue={(dateOfBirth) => setIdent({ dateOfBirth })} errors={err('identity.dateOfBirth')} maxLength={10} />
              <TextField id={fieldId('identity.phones')} label={t('acc.ident.phones')} hint={t('acc.person.onePerLine')} identifying multiline rows={2} value={form.identity.phones} onValue={(phones) => setIdent({ phones })} errors={err('identity.phones')} />
              <TextField id={fieldId('identity.messaging')} label={t('acc.ident.messaging')} hint={t('acc.person.messagingHint')} identifying multiline rows={2} value={form.identity.messaging} onValue={(messaging) => setIdent({ messaging })} errors={err('identity.messaging')} />
              <TextField id={fieldId('identity.documents')} label={t('acc.ident.documents')} hint={t('acc.person.documentsHint')} identifying multiline rows={3} value={form.identity.documents} onValue={(documents) => setIdent({ documents })} errors={err('identity.documents')} maxLength={2000} />
            </>
          )}
        </fieldset>

        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('acc.person.save')}
          </button>
          <Link href={id ? `/accompaniment/people/${id}` : '/accompaniment/people'} class="btn">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

/** The shelter where someone stays: an organisation in the people list, found by its pseudonym. */
function ShelterPicker({ value, onValue, errors }: { value: { id: string; label: string } | null; onValue: (v: { id: string; label: string } | null) => void; errors: string[] | undefined }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ShelterItem[] | null>(null);
  const [error, setError] = useState('');
  const search = async () => {
    setError('');
    try {
      setFound(await searchShelters(q));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const id = fieldId('stayingAt');
  return (
    <fieldset class={`acc-group ${errors ? 'has-error' : ''}`} id={id} tabIndex={-1}>
      <legend>{t('acc.person.stayingAt')}</legend>
      <p class="hint">{t('acc.person.stayingAtHint')}</p>
      {value ? (
        <p>
          <strong>{value.label}</strong>{' '}
          <button type="button" class="btn btn-small" onClick={() => onValue(null)}>
            {t('acc.person.stayingAtRemove')}
          </button>
        </p>
      ) : (
        <p class="muted">{t('acc.person.stayingAtNone')}</p>
      )}
      {can('actor.read') && (
        <div class="picker">
          <label for="acc-shelter-q" class="label">
            {t('acc.person.shelterSearch')}
          </label>
          <SearchRow id="acc-shelter-q" value={q} onValue={setQ} onSearch={() => void search()} button={t('acc.people.searchButton')} />
          {error && <Alert kind="error">{error}</Alert>}
          {found &&
            (found.length === 0 ? (
              <p class="muted" role="status">
                {t('acc.person.shelterNone')}
              </p>
            ) : (
              <ul class="acc-pick-list" aria-label={t('acc.person.shelterResults')}>
                {found.map((s) => (
                  <li key={s.id}>
                    <button
                      type="button"
                      class="btn btn-small"
                      onClick={() => {
                        onValue({ id: s.id, label: s.pseudonym });
                        setFound(null);
                        setQ('');
                      }}
                    >
                      {t('acc.person.shelterPick', { name: s.pseudonym })}
                    </button>
                  </li>
                ))}
              </ul>
            ))}
        </div>
      )}
      {errors && <p class="field-error">{errors.join(' ')}</p>}
    </fieldset>
  );
}
