/**
 * Groups of users (admins): a name and members, used to share restricted incidents with many people
 * at once. A group that is the only way to reach a restricted incident cannot be removed.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n/i18n';
import { Alert, PageTitle, SaveCancel, TextField } from '../components/ui';
import { errorText } from '../lib/problems';

interface Group { id: string; name: string; members: string[] }
interface User { id: string; displayName: string; disabled: boolean }

export function GroupAdminPage() {
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [users, setUsers] = useState<User[]>([]);
  const [editing, setEditing] = useState<{ id: string | null; name: string; members: Set<string> } | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  async function load() {
    try {
      const [g, u] = await Promise.all([api<{ groups: Group[] }>('GET', '/api/v1/groups'), api<{ users: User[] }>('GET', '/api/v1/users')]);
      setGroups(g.groups);
      setUsers(u.users);
    } catch (e) {
      setError(errorText(e));
    }
  }
  useEffect(() => {
    void load();
  }, []);

  async function save() {
    if (!editing) return;
    setError('');
    const body = { name: editing.name, members: [...editing.members] };
    try {
      if (editing.id) await api('PUT', `/api/v1/groups/${editing.id}`, body);
      else await api('POST', '/api/v1/groups', body);
      setEditing(null);
      setStatus(t('groups.saved'));
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function remove(g: Group) {
    if (!window.confirm(t('groups.deleteConfirm', { name: g.name }))) return;
    setError('');
    try {
      await api('DELETE', `/api/v1/groups/${g.id}`);
      setStatus(t('groups.deleted'));
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  }

  const nameOf = (id: string) => users.find((u) => u.id === id)?.displayName ?? '?';
  return (
    <>
      <PageTitle>{t('groups.title')}</PageTitle>
      <p class="hint">{t('groups.intro')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      {status && <p role="status">{status}</p>}
      {!editing && (
        <button type="button" class="btn btn-primary" onClick={() => { setStatus(''); setEditing({ id: null, name: '', members: new Set() }); }}>
          {t('groups.new')}
        </button>
      )}
      {editing && (
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <TextField id="group-name" label={t('groups.name')} value={editing.name} onValue={(v) => setEditing({ ...editing, name: v })} />
          <fieldset>
            <legend class="label">{t('groups.members')}</legend>
            <ul class="plain share-choices">
              {users.filter((u) => !u.disabled).map((u) => (
                <li key={u.id}>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={editing.members.has(u.id)}
                      onChange={(e) => {
                        const members = new Set(editing.members);
                        if (e.currentTarget.checked) members.add(u.id);
                        else members.delete(u.id);
                        setEditing({ ...editing, members });
                      }}
                    />{' '}
                    {u.displayName}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <SaveCancel save={t('groups.save')} onCancel={() => setEditing(null)} />
        </form>
      )}
      {groups && groups.length === 0 && <p>{t('groups.none')}</p>}
      {groups && groups.length > 0 && (
        <ul class="cards">
          {groups.map((g) => (
            <li class="card" key={g.id}>
              <h2 class="card-title">{g.name}</h2>
              <p class="meta">{g.members.length ? g.members.map(nameOf).join(', ') : t('groups.noMembers')}</p>
              <div class="actions">
                <button type="button" class="btn" onClick={() => { setStatus(''); setEditing({ id: g.id, name: g.name, members: new Set(g.members) }); }}>
                  {t('groups.edit')}
                </button>
                <button type="button" class="btn btn-danger-quiet" onClick={() => void remove(g)}>
                  {t('groups.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
