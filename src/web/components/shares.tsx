/**
 * Who an incident is shared with (need-to-know). Restricted incidents are visible only to these
 * people and groups — admins included; a share can also grant identifying values to someone whose
 * role would see them hidden. Those who may edit the incident can change the list here.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n/i18n';
import { Alert, SaveCancel } from './ui';
import { errorText } from '../lib/problems';

interface Share { type: 'user' | 'group'; id: string; name: string; identifying: boolean }
interface SharesView { confidentiality: string; canChange: boolean; shares: Share[] }
interface Directory { users: { id: string; displayName: string }[]; groups: { id: string; name: string }[] }

export function SharesPanel({ incidentId }: { incidentId: string }) {
  const [view, setView] = useState<SharesView | null>(null);
  const [editing, setEditing] = useState<{ dir: Directory; chosen: Map<string, boolean> } | null>(null);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api<SharesView>('GET', `/api/v1/incidents/${incidentId}/shares`).then(setView, (e) => setError(errorText(e)));
  }, [incidentId]);

  async function edit() {
    setError('');
    setSaved(false);
    try {
      const dir = await api<Directory>('GET', '/api/v1/directory');
      setEditing({ dir, chosen: new Map(view!.shares.map((s) => [`${s.type}:${s.id}`, s.identifying])) });
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function save() {
    if (!editing) return;
    setError('');
    const shares = [...editing.chosen.entries()].map(([k, identifying]) => {
      const [type, id] = k.split(':') as ['user' | 'group', string];
      return { type, id, identifying };
    });
    try {
      setView(await api<SharesView>('PUT', `/api/v1/incidents/${incidentId}/shares`, { shares }));
      setEditing(null);
      setSaved(true);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const toggle = (key: string, on: boolean) => {
    if (!editing) return;
    const chosen = new Map(editing.chosen);
    if (on) chosen.set(key, chosen.get(key) ?? false);
    else chosen.delete(key);
    setEditing({ ...editing, chosen });
  };
  const grant = (key: string, on: boolean) => {
    if (!editing || !editing.chosen.has(key)) return;
    setEditing({ ...editing, chosen: new Map(editing.chosen).set(key, on) });
  };

  if (!view) return error ? <Alert kind="error">{error}</Alert> : null;
  const rows: { key: string; label: string; kind: string }[] = editing
    ? [
        ...editing.dir.users.map((u) => ({ key: `user:${u.id}`, label: u.displayName, kind: t('shares.person') })),
        ...editing.dir.groups.map((g) => ({ key: `group:${g.id}`, label: g.name, kind: t('shares.group') })),
      ]
    : [];
  return (
    <section class="details-block shares" aria-labelledby="shares-title">
      <h2 id="shares-title">{t('shares.title')}</h2>
      <p class="hint">{view.confidentiality === 'restricted' ? t('shares.restrictedHint') : t('shares.openHint')}</p>
      {!editing && (
        <>
          {view.shares.length ? (
            <ul class="plain">
              {view.shares.map((s) => (
                <li key={`${s.type}:${s.id}`}>
                  {s.name} <span class="muted">({s.type === 'user' ? t('shares.person') : t('shares.group')}{s.identifying ? ` · ${t('shares.withIdentifying')}` : ''})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('shares.none')}</p>
          )}
          {view.canChange && (
            <button type="button" class="btn" onClick={() => void edit()}>
              {t('shares.change')}
            </button>
          )}
          {saved && <p role="status">{t('shares.saved')}</p>}
        </>
      )}
      {editing && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <fieldset>
            <legend class="label">{t('shares.choose')}</legend>
            <ul class="plain share-choices">
              {rows.map((r) => (
                <li key={r.key}>
                  <label class="check">
                    <input type="checkbox" checked={editing.chosen.has(r.key)} onChange={(e) => toggle(r.key, e.currentTarget.checked)} /> {r.label} <span class="muted">({r.kind})</span>
                  </label>
                  {editing.chosen.has(r.key) && (
                    <label class="check share-grant">
                      <input type="checkbox" checked={editing.chosen.get(r.key) ?? false} onChange={(e) => grant(r.key, e.currentTarget.checked)} /> {t('shares.grantIdentifying')}
                    </label>
                  )}
                </li>
              ))}
            </ul>
          </fieldset>
          <SaveCancel save={t('shares.save')} onCancel={() => setEditing(null)} />
        </form>
      )}
      {error && <Alert kind="error">{error}</Alert>}
    </section>
  );
}
