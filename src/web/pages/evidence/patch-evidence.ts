/**
 * One change to an item (its description or its consent) with the form's usual states: busy while
 * sending, the item as saved, a reload on a change made elsewhere (409), the problems named per field.
 */
import { api, ApiError } from '../../api';
import { errorText, problemMap } from '../../lib/problems';
import type { EvidenceDetail } from '../../types';

export interface PatchHandlers {
  setBusy(b: boolean): void;
  setError(e: string | undefined): void;
  setProblems(p: ReturnType<typeof problemMap>): void;
  setEditing(b: boolean): void;
  onSaved(next: EvidenceDetail): void;
  onConflict(): void;
}

/** Sends the change; true when it was saved. */
export async function patchEvidence(item: EvidenceDetail, change: Record<string, unknown>, h: PatchHandlers): Promise<boolean> {
  h.setBusy(true);
  h.setError(undefined);
  try {
    const next = await api<EvidenceDetail>('PATCH', `/api/v1/evidence/${item.id}`, { version: item.version, ...change });
    h.setEditing(false);
    h.onSaved(next);
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      h.setEditing(false);
      h.onConflict();
    } else if (err instanceof ApiError && err.problems.length) h.setProblems(problemMap(err.problems));
    else h.setError(errorText(err));
    return false;
  } finally {
    h.setBusy(false);
  }
}
