/**
 * Need-to-know across a merge (ADR 0023, ADR 0011). After merging B into A, B's contents are read
 * through A, so whoever may see A — and whoever A's shares give identifying values to — would reach
 * B's contents. The merge is refused when that would be anyone who cannot reach them in B today:
 * it never widens who sees B's contents, nor who sees its identifying values. (It may narrow them:
 * an organisation-wide B merged into a restricted A is then seen only by A's people.)
 *
 * B's shares are added to A only when A is restricted, and only those that change nobody's access
 * to A today (the principal's people already see A, and already get its identifying values when the
 * share grants them): A's own contents are never widened either.
 */

export interface Principal {
  type: 'user' | 'group';
  id: string;
  identifying: boolean;
}

export interface Audience {
  restricted: boolean;
  shares: Principal[];
}

/** A user of the workspace: whether their role alone gives them identifying values. */
export interface Person {
  id: string;
  identifyingByRole: boolean;
}

export interface Reach {
  sees: boolean;
  identifying: boolean;
}

const names = (p: Principal, person: string, groups: ReadonlySet<string>) => (p.type === 'user' ? p.id === person : groups.has(p.id));

/** What one person reaches of an incident: whether they see it, and whether they get its identifying values. */
export function reachOf(aud: Audience, person: Person, groups: ReadonlySet<string>): Reach {
  const mine = aud.shares.filter((s) => names(s, person.id, groups));
  const sees = !aud.restricted || mine.length > 0;
  return { sees, identifying: sees && (person.identifyingByRole || mine.some((s) => s.identifying)) };
}

/** The people who would reach B's contents (or its identifying values) through A but cannot through B now. */
export function mergeWidensFor(a: Audience, b: Audience, people: Person[], groupsOf: (userId: string) => ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const p of people) {
    const g = groupsOf(p.id);
    const ra = reachOf(a, p, g);
    const rb = reachOf(b, p, g);
    if ((ra.sees && !rb.sees) || (ra.identifying && !rb.identifying)) out.push(p.id);
  }
  return out.sort();
}

/** B's shares that may be added to A (A restricted; adding them changes nobody's access to A now). */
export function sharesToCopy(a: Audience, b: Audience, people: Person[], groupsOf: (userId: string) => ReadonlySet<string>): Principal[] {
  if (!a.restricted) return [];
  const onA = new Set(a.shares.map((s) => `${s.type}:${s.id}`));
  const out: Principal[] = [];
  for (const share of b.shares) {
    if (onA.has(`${share.type}:${share.id}`)) continue;
    const widened: Audience = { restricted: true, shares: [...a.shares, share] };
    const changesNothing = people.every((p) => {
      const g = groupsOf(p.id);
      const before = reachOf(a, p, g);
      const after = reachOf(widened, p, g);
      return before.sees === after.sees && before.identifying === after.identifying;
    });
    if (changesNothing) out.push(share);
  }
  return out;
}
