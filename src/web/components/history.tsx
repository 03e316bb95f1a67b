/** Who changed what and when: versions with their changed fields (identifying ones only "changed"). */
import { useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n/i18n';
import { getState } from '../state';
import { Alert } from './ui';
import { countryName, crossingName, dateTime, partialDate, stateName } from '../lib/format';
import { errorText } from '../lib/problems';
import { pathLabel } from '../lib/fields';
import type { IncidentView, Revision } from '../types';

const SCHEMES: Record<string, string> = {
  status: 'incident_status',
  followUp: 'follow_up',
  confidentiality: 'confidentiality',
  context: 'context',
  'place.routeSegment': 'route_segment',
  'acts.kind': 'act',
  'acts.methods': 'act_method',
  'acts.consequences': 'consequence',
  'acts.perpetrators.perpetrator': 'perpetrator',
  'acts.perpetrators.degree': 'involvement_degree',
  'sources.kind': 'source_kind',
  'sources.method': 'source_method',
  'sources.reliability': 'reliability',
  'interventions.kind': 'intervention_kind',
  'interventions.outcome': 'intervention_outcome',
  'interventions.followUp': 'follow_up',
};

function normal(path: string): string {
  return path.replace(/#[^.]+/g, '');
}

export function formatValue(path: string, value: unknown, inc: IncidentView): string {
  if (value === undefined || value === null || value === '') return t('history.empty');
  const { vocab, places } = getState();
  const n = normal(path);
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(path, v, inc)).join(', ') : t('history.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  const s = String(value);
  const scheme = SCHEMES[n] ?? (n.startsWith('sources.consent.') ? 'consent_value' : undefined);
  if (scheme && vocab) return scheme === 'perpetrator' || scheme === 'act' ? vocab.pathLabel(scheme, s) : vocab.label(scheme, s);
  if (n === 'place.country' || n === 'acts.perpetrators.country') return countryName(places, s);
  if (n === 'place.state') return stateName(places, s);
  if (n === 'place.crossing') return crossingName(places, s);
  if (/(^|\.)(start|end|date|receivedOn)$/.test(n)) return partialDate(s);
  if (n === 'acts.victimKey') return inc.victims.find((v) => v.key === s || v.actorId === s)?.actor.pseudonym ?? t('history.someone');
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

export function History({ incident }: { incident: IncidentView }) {
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [open, setOpen] = useState(false);

  const load = async () => {
    try {
      const r = await api<{ revisions: Revision[] }>('GET', `/api/v1/incidents/${incident.id}/history`);
      setRevisions(r.revisions);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const position = (list: string, id: string): number | undefined => {
    const find = (arr: { id?: string }[]) => {
      const i = arr.findIndex((x) => x.id === id);
      return i >= 0 ? i + 1 : undefined;
    };
    if (list === 'acts') return find(incident.acts);
    if (list === 'sources') return find(incident.sources);
    if (list === 'interventions') return find(incident.interventions);
    if (list === 'perpetrators') {
      for (const a of incident.acts) {
        const i = a.perpetrators.findIndex((p) => p.id === id);
        if (i >= 0) return i + 1;
      }
    }
    if (list === 'victims') {
      const i = incident.victims.findIndex((v) => v.actorId === id);
      return i >= 0 ? i + 1 : undefined;
    }
    return undefined;
  };

  return (
    <section class="history" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {!open ? (
        <button
          type="button"
          class="btn"
          aria-expanded="false"
          onClick={() => {
            setOpen(true);
            void load();
          }}
        >
          {t('history.show')}
        </button>
      ) : (
        <div aria-live="polite">
          {error && <Alert kind="error">{error}</Alert>}
          {!revisions && !error && <p class="muted">{t('common.loading')}</p>}
          {revisions && (
            <ol class="revisions">
              {revisions.map((r) => (
                <li key={r.version} class="revision">
                  <p class="revision-head">
                    <strong>{t('history.version', { n: r.version })}</strong> · {dateTime(r.at)} · {r.userName ?? t('history.someone')}
                  </p>
                  {r.version === 1 ? (
                    <p class="muted">{t('history.created')}</p>
                  ) : r.changes.some((c) => c.path === 'deleted') ? (
                    <p class="muted">{t('history.deleted')}</p>
                  ) : r.changes.length === 0 ? (
                    <p class="muted">{t('history.noChanges')}</p>
                  ) : (
                    <ul class="changes">
                      {r.changes.map((c) => (
                        <li key={c.path}>
                          <span class="change-field">{pathLabel(c.path, position)}</span>
                          {': '}
                          {c.identifying ? (
                            <span class="muted">{t('history.identifyingChanged')}</span>
                          ) : (
                            <>
                              <del>{formatValue(c.path, c.before, incident)}</del> <span aria-hidden="true">→</span>
                              <span class="sr-only">{t('history.to')}</span> <ins>{formatValue(c.path, c.after, incident)}</ins>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
