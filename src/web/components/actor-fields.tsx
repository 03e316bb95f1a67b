/** A person's or organisation's profile: pseudonym first, identifying fields marked and masked. */
import { t } from '../i18n/i18n';
import { getState } from '../state';
import { SelectField, TextField, IdentBadge } from './ui';
import { VocabSelect } from './vocab-select';
import { countryOptions, stateOptions } from '../lib/options';
import { fieldId, type Problems } from '../lib/problems';
import type { FActor } from '../pages/incident-form/model';

export function ActorFields({ value, onValue, problems, path, kindFixed, compact }: { value: FActor; onValue: (v: FActor) => void; problems: Problems; path: string; kindFixed?: boolean; compact?: boolean }) {
  const places = getState().places!;
  const set = (patch: Partial<FActor>) => onValue({ ...value, ...patch });
  const p = (k: string) => problems.get(path ? `${path}.${k}` : k);
  const id = (k: string) => fieldId(path ? `${path}.${k}` : k);
  const person = value.kind === 'person';
  const states = stateOptions(places, value.country);

  const profile = (
    <>
      <div class="grid-2">
        {person ? (
          <>
            <VocabSelect id={id('genderIdentity')} label={t('field.genderIdentity')} scheme="gender_identity" value={value.genderIdentity} onValue={(genderIdentity) => set({ genderIdentity })} errors={p('genderIdentity')} empty="—" />
            <VocabSelect id={id('lgbti')} label={t('field.lgbti')} scheme="lgbti" value={value.lgbti} onValue={(lgbti) => set({ lgbti })} errors={p('lgbti')} empty="—" />
            <VocabSelect id={id('migrationStatus')} label={t('field.migrationStatus')} scheme="migration_status" value={value.migrationStatus} onValue={(migrationStatus) => set({ migrationStatus })} errors={p('migrationStatus')} empty="—" />
            <VocabSelect id={id('ageGroup')} label={t('field.ageGroup')} scheme="age_group" value={value.ageGroup} onValue={(ageGroup) => set({ ageGroup })} errors={p('ageGroup')} empty="—" />
            <SelectField id={id('nationality')} label={t('field.nationality')} value={value.nationality} onValue={(nationality) => set({ nationality })} errors={p('nationality')} empty="—" options={countryOptions(places)} />
          </>
        ) : (
          <VocabSelect id={id('orgType')} label={t('field.orgType')} scheme="org_type" value={value.orgType} onValue={(orgType) => set({ orgType })} errors={p('orgType')} empty="—" />
        )}
      </div>
      <div class="grid-3">
        <SelectField id={id('country')} label={t('field.baseCountry')} value={value.country} empty="—" options={countryOptions(places)} errors={p('country')} onValue={(country) => set({ country, state: places.states.find((s) => s.code === value.state)?.country === country ? value.state : '' })} />
        {value.country && states.length > 0 && <SelectField id={id('state')} label={t('field.state')} value={value.state} empty="—" options={states} errors={p('state')} onValue={(state) => set({ state })} />}
        <TextField id={id('locality')} label={t('field.locality')} value={value.locality} onValue={(locality) => set({ locality })} errors={p('locality')} />
      </div>
      <fieldset class="ident-group">
        <legend>
          {t('actor.identifying')} <IdentBadge />
        </legend>
        <p class="hint">{t('actor.identifyingHint')}</p>
        <TextField id={id('realName')} label={person ? t('field.realName') : t('field.legalName')} value={value.realName} onValue={(realName) => set({ realName })} errors={p('realName')} identifying />
        <TextField id={id('contact')} label={t('field.contact')} value={value.contact} onValue={(contact) => set({ contact })} errors={p('contact')} identifying multiline rows={2} />
        <TextField id={id('privateAddress')} label={t('field.privateAddress')} value={value.privateAddress} onValue={(privateAddress) => set({ privateAddress })} errors={p('privateAddress')} identifying multiline rows={2} />
      </fieldset>
      <TextField id={id('notes')} label={t('field.notes')} value={value.notes} onValue={(notes) => set({ notes })} errors={p('notes')} multiline rows={3} />
    </>
  );

  return (
    <div class="actor-fields">
      {!kindFixed && (
        <fieldset class="radios">
          <legend class="label">{t('actor.kindQuestion')}</legend>
          <div class="radio-row">
            <label class="radio">
              <input type="radio" name={`${id('kind')}`} id={id('kind')} checked={person} onChange={() => set({ kind: 'person' })} /> {t('actor.person')}
            </label>
            <label class="radio">
              <input type="radio" name={`${id('kind')}`} checked={!person} onChange={() => set({ kind: 'organisation' })} /> {t('actor.organisation')}
            </label>
          </div>
        </fieldset>
      )}
      <div class="grid-2">
        <TextField id={id('pseudonym')} label={person ? t('field.pseudonym') : t('field.orgPublicName')} hint={person ? t('actor.pseudonymHint') : undefined} value={value.pseudonym} onValue={(pseudonym) => set({ pseudonym })} errors={p('pseudonym')} required />
        <VocabSelect id={id('role')} label={t('field.role')} scheme="victim_role" value={value.role} onValue={(role) => set({ role })} errors={p('role')} empty="—" />
      </div>
      {compact ? (
        <details class="more">
          <summary>{t('actor.moreProfile')}</summary>
          {profile}
        </details>
      ) : (
        profile
      )}
    </div>
  );
}
