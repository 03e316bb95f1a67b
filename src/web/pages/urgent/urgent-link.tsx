/**
 * On an incident's page: its open urgent case (reference and status line, linking to it), or
 * "Marcar como urgente" for those who may open one (response.write and the right to edit the incident).
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { can } from '../../state';
import { Link } from '../../router';
import type { UrgentCaseSummary } from '../../../domain/urgent/view';
import { statusLine } from './words';

export function UrgentLink({ incidentId, canEdit }: { incidentId: string; canEdit: boolean }) {
  const allowed = can('response.read');
  const [open, setOpen] = useState<UrgentCaseSummary | null | undefined>(undefined);
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    api<{ items: UrgentCaseSummary[] }>('GET', `/api/v1/incidents/${incidentId}/urgent`).then(
      (r) => live && setOpen(r.items.find((c) => c.status === 'open') ?? null),
      () => live && setOpen(null),
    );
    return () => {
      live = false;
    };
  }, [incidentId, allowed]);
  if (!allowed || open === undefined) return null;
  if (open)
    return (
      <Link href={`/urgent/${open.id}`} class="btn urgent-link">
        {t('urgent.detail.openCase', { ref: open.ref, status: statusLine(open) })}
      </Link>
    );
  if (!can('response.write') || !canEdit) return null;
  return (
    <Link href={`/incidents/${incidentId}/urgent`} class="btn urgent-link">
      {t('urgent.detail.markUrgent')}
    </Link>
  );
}
