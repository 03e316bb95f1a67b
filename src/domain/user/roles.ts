/**
 * Roles and what each may do. Enforced on every route (http/policies) and documented in
 * docs/ROLES.md; a test checks the two agree.
 */
export const ROLES = ['admin', 'coordinator', 'documenter', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'incident.read', 'incident.create', 'incident.edit_own', 'incident.edit_any', 'incident.delete',
  'actor.read', 'actor.write', 'identifying.read', 'risk.read', 'risk.write', 'response.read', 'response.write', 'alerts.admin',
  'evidence.write', 'evidence.export', 'records.import', 'accompaniment.read', 'accompaniment.write',
  'vocabulary.admin', 'users.admin', 'seal', 'interchange.export', 'interchange.import', 'audit.read', 'audit.verify',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL = new Set<Permission>(PERMISSIONS);
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: ALL,
  coordinator: new Set<Permission>(['incident.read', 'incident.create', 'incident.edit_own', 'incident.edit_any', 'incident.delete', 'actor.read', 'actor.write', 'identifying.read', 'risk.read', 'risk.write', 'response.read', 'response.write', 'evidence.write', 'evidence.export', 'records.import', 'accompaniment.read', 'accompaniment.write', 'seal', 'audit.read']),
  documenter: new Set<Permission>(['incident.read', 'incident.create', 'incident.edit_own', 'actor.read', 'actor.write', 'identifying.read', 'risk.read', 'response.read', 'response.write', 'evidence.write', 'accompaniment.read', 'accompaniment.write']),
  analyst: new Set<Permission>(['incident.read', 'actor.read']),
  viewer: new Set<Permission>(['incident.read', 'actor.read']),
};

export function can(role: Role, p: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(p);
}

export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}
