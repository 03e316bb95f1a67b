/** An actor as the API returns it (before redaction by the presenter). */
import type { ActorInput } from './schema.js';

export interface ProtectionMeasureView {
  id: string;
  kind: string;
  status: string;
  reference?: string;
  granted?: string;
  expires?: string;
  includes?: string;
  notes?: string;
}

export interface ActorView extends Omit<ActorInput, 'protectionMeasures'> {
  id: string;
  version: number;
  orgId: string;
  protectionMeasures: ProtectionMeasureView[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export function actorToInput(a: ActorView): ActorInput {
  const { id: _i, version: _v, orgId: _o, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, ...rest } = a;
  return rest;
}

/** One line of the protection measures registry (issue 6 §5): a measure with its holder, and whether its renewal is due. */
export interface RegistryItem extends Omit<ProtectionMeasureView, 'notes'> {
  actorId: string;
  actorKind: 'person' | 'organisation';
  pseudonym: string;
  /** in force and expiring within the workspace's renewal days (or already past its expiry) */
  renewalDue: boolean;
  expired: boolean;
}
