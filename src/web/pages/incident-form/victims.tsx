/** Who it happened to: new people or organisations inline, or someone already recorded. */
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { can, getState } from '../../state';
import { ActorFields } from '../../components/actor-fields';
import { Alert } from '../../components/ui';
import { PlusIcon } from '../../components/icons';
import { errorText, fieldId, type Problems } from '../../lib/problems';
import type { ActorListItem } from '../../types';
import { emptyActor, nextVictimKey, uid, victimLabel, type FVictim } from './model';
import { SearchRow } from '../../components/search-row';

export function VictimsSection({ victims, onVictims, onRemove, problems }: { victims: FVictim[]; onVictims: (v: FVictim[]) => void; onRemove: (index: number) => void; problems: Problems }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ActorListItem[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  const vocab = getState().vocab!;

  const search = async () => {
    setError(undefined);
    try {
      const r = await api<{ items: ActorListItem[] }>('POST', '/api/v1/actors/search', { ...(q.trim() ? { q: q.trim() } : {}), pageSize: 10 });
      setFound(r.items);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const addNew = (kind: 'person' | 'organisation') => onVictims([...victims, { uid: uid(), key: nextVictimKey(victims), actor: emptyActor(kind) }]);
  const pick = (a: ActorListItem) => {
    if (!victims.some((v) => v.actorId === a.id)) onVictims([...victims, { uid: uid(), key: a.id, actorId: a.id, label: a.pseudonym }]);
    setFound(null);
    setQ('');
  };

  return (
    <div class="section-body">
      <p class="hint">{t('form.victimsHint')}</p>
      {victims.map((v, i) => (
        <fieldset class="card-edit" key={v.uid} id={fieldId(`victims[${i}]`)}>
          <legend>
            {t('victim.heading', { n: i + 1 })}: {victimLabel(v, i)}
          </legend>
          {v.actorId ? (
            <p>
              {t('victim.existing')} <strong>{v.label}</strong>
            </p>
          ) : (
            <ActorFields value={v.actor ?? emptyActor()} onValue={(actor) => onVictims(victims.map((x, j) => (j === i ? { ...x, actor } : x)))} problems={problems} path={`victims[${i}].actor`} compact />
          )}
          {problems.get(`victims[${i}]`) && <p class="field-error">{problems.get(`victims[${i}]`)!.join(' ')}</p>}
          <div class="card-actions">
            <button type="button" class="btn btn-small btn-danger-quiet" onClick={() => onRemove(i)}>
              {t('victim.remove', { n: i + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      <div class="add-row">
        {can('actor.write') && (
          <>
            <button type="button" class="btn" onClick={() => addNew('person')}>
              <PlusIcon />
              {t('victim.addPerson')}
            </button>
            <button type="button" class="btn" onClick={() => addNew('organisation')}>
              <PlusIcon />
              {t('victim.addOrganisation')}
            </button>
          </>
        )}
      </div>
      {can('actor.read') && (
        <div class="picker">
          <label for="victim-search" class="label">
            {t('victim.searchLabel')}
          </label>
          <SearchRow id="victim-search" value={q} onValue={setQ} onSearch={() => void search()} button={t('victim.search')} />
          <div aria-live="polite">
            {error && <Alert kind="error">{error}</Alert>}
            {found && found.length === 0 && <p class="muted">{t('victim.noneFound')}</p>}
            {found && found.length > 0 && (
              <ul class="plain pick-list">
                {found.map((a) => (
                  <li key={a.id}>
                    <button type="button" class="btn btn-small" onClick={() => pick(a)} disabled={victims.some((v) => v.actorId === a.id)}>
                      {t('victim.pick', { name: a.pseudonym })}
                    </button>{' '}
                    <span class="muted">
                      {a.kind === 'person' ? t('actor.person') : t('actor.organisation')}
                      {a.role ? ` · ${vocab.label('victim_role', a.role)}` : ''} · {t('actor.incidentCount', { count: a.incidents })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
