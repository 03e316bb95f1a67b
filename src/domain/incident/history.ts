/**
 * Field-level history: what changed between two versions of an incident. Parts are matched by
 * their ids, so reordering is not a change. Identifying fields are recorded as changed without
 * their values, so the history never becomes a second copy of sealed data.
 */
import type { IncidentView } from './view.js';
import { NONE_MARKED, type Marked } from './identifying.js';

export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
  identifying?: true;
}

const IDENTIFYING_LEAVES = new Set(['realName', 'contact', 'privateAddress', 'identifiedIndividuals', 'testimony']);

/** Paths are flattened by part id: "acts#<id>.perpetrators#<id>.description", "interventions#<id>.notes". */
export function isIdentifyingPath(path: string, marked: Marked = NONE_MARKED): boolean {
  if (path.startsWith('place.private')) return true;
  const leaf = path.split('.').pop() ?? '';
  if (IDENTIFYING_LEAVES.has(leaf)) return true;
  if (path === 'summary') return marked.has('summary');
  if (/^acts#[^.]+\.description$/.test(path)) return marked.has('acts.description');
  if (/^acts#[^.]+\.perpetrators#[^.]+\.description$/.test(path)) return marked.has('perpetrators.description');
  if (/^interventions#[^.]+\.notes$/.test(path)) return marked.has('interventions.notes');
  return false;
}

function flattenInto(out: Map<string, unknown>, prefix: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      if (value.length) out.set(prefix, [...value].sort());
      return;
    }
    for (const item of value as Record<string, unknown>[]) {
      const id = (item['id'] ?? item['actorId'] ?? item['key']) as string;
      flattenInto(out, `${prefix}#${id}`, item);
    }
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'id') continue;
      flattenInto(out, prefix ? `${prefix}.${k}` : k, v);
    }
    return;
  }
  out.set(prefix, value);
}

const IGNORED = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'ref', 'orgId']);

function flattenIncident(v: IncidentView | null): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!v) return out;
  for (const [k, val] of Object.entries(v)) {
    if (IGNORED.has(k) || k === 'id') continue;
    if (k === 'victims') {
      for (const vic of v.victims) out.set(`victims#${vic.actorId}`, vic.actor.pseudonym);
      continue;
    }
    flattenInto(out, k, val);
  }
  return out;
}

export function diffIncident(before: IncidentView | null, after: IncidentView, marked: Marked = NONE_MARKED): FieldChange[] {
  const a = flattenIncident(before);
  const b = flattenIncident(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: FieldChange[] = [];
  for (const p of paths) {
    const x = a.get(p);
    const y = b.get(p);
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (isIdentifyingPath(p, marked)) changes.push({ path: p, identifying: true });
    else changes.push({ path: p, ...(x !== undefined ? { before: x } : {}), ...(y !== undefined ? { after: y } : {}) });
  }
  return changes;
}
