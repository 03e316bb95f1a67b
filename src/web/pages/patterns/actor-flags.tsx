/**
 * "Warning signs" on a person's or organisation's page: their pattern flags (repeated targeting,
 * escalation, cross-border chains against them), asked for once the page's content is on screen.
 * A calm line when there are none; nothing at all for a role that may not read incidents.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { can } from '../../state';
import { errorText } from '../../lib/problems';
import type { PatternAnswer } from '../../types';
import { FlagList } from './flag-list';

export function ActorFlags({ id }: { id: string }) {
  const allowed = can('incident.read');
  const [answer, setAnswer] = useState<PatternAnswer | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    api<PatternAnswer>('GET', `/api/v1/actors/${id}/patterns`).then(
      (a) => live && setAnswer(a),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [id, allowed]);
  if (!allowed || (!answer && !error)) return null;
  return (
    <section class="actor-flags" aria-labelledby="actor-flags-h">
      <h2 id="actor-flags-h">{t('patterns.warningSigns')}</h2>
      {error ? (
        <p class="muted">{t('patterns.flagsFailed', { error })}</p>
      ) : (
        answer && <FlagList answer={answer} level={3} showVictim={false} showEmptyKinds={false} emptyText={t('patterns.noneForActor')} emptyClass="muted" />
      )}
    </section>
  );
}
