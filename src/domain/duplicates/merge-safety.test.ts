import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mergeWidensFor, reachOf, sharesToCopy, type Audience, type Person, type Principal } from './merge-safety.js';

const people: Person[] = [
  { id: 'admin', identifyingByRole: true },
  { id: 'coord', identifyingByRole: true },
  { id: 'analyst', identifyingByRole: false },
  { id: 'viewer', identifyingByRole: false },
];
const membership: Record<string, string[]> = { admin: ['legal'], coord: ['legal', 'field'], analyst: ['field'], viewer: [] };
const groupsOf = (u: string) => new Set(membership[u] ?? []);
const user = (id: string, identifying = false): Principal => ({ type: 'user', id, identifying });
const group = (id: string, identifying = false): Principal => ({ type: 'group', id, identifying });
const open = (...shares: Principal[]): Audience => ({ restricted: false, shares });
const restricted = (...shares: Principal[]): Audience => ({ restricted: true, shares });

describe('need-to-know across a merge', () => {
  it('allows merging into an incident seen by the same people or fewer', () => {
    expect(mergeWidensFor(open(), open(), people, groupsOf)).toEqual([]);
    expect(mergeWidensFor(restricted(user('admin')), open(), people, groupsOf)).toEqual([]);
    expect(mergeWidensFor(restricted(user('admin')), restricted(group('legal')), people, groupsOf)).toEqual([]);
  });

  it('refuses to let a restricted incident\'s contents reach anyone it was not shared with', () => {
    expect(mergeWidensFor(open(), restricted(user('admin')), people, groupsOf)).toEqual(['analyst', 'coord', 'viewer']);
    expect(mergeWidensFor(restricted(group('field')), restricted(group('legal')), people, groupsOf)).toEqual(['analyst']);
  });

  it('refuses to give identifying values to someone who could not read them in B', () => {
    // the analyst sees both, but only A's share grants them identifying values
    expect(mergeWidensFor(open(user('analyst', true)), open(), people, groupsOf)).toEqual(['analyst']);
    expect(mergeWidensFor(open(user('analyst', true)), open(group('field', true)), people, groupsOf)).toEqual([]);
  });

  it('copies B\'s shares to a restricted A only when they change nobody\'s access to A', () => {
    const a = restricted(user('admin'), user('coord'));
    const b = restricted(group('legal'), user('analyst'));
    // legal = admin + coord, who see A already: copied; the analyst does not see A: not copied
    expect(sharesToCopy(a, b, people, groupsOf)).toEqual([group('legal')]);
    expect(sharesToCopy(open(), b, people, groupsOf)).toEqual([]);
    // a share granting identifying values to someone A does not grant them: not copied
    expect(sharesToCopy(restricted(user('analyst')), restricted(user('analyst'), group('field', true)), people, groupsOf)).toEqual([]);
  });

  const principal = fc.oneof(
    fc.record({ type: fc.constant('user' as const), id: fc.constantFrom('admin', 'coord', 'analyst', 'viewer'), identifying: fc.boolean() }),
    fc.record({ type: fc.constant('group' as const), id: fc.constantFrom('legal', 'field', 'empty'), identifying: fc.boolean() }),
  );
  const audience = fc.record({ restricted: fc.boolean(), shares: fc.uniqueArray(principal, { maxLength: 4, selector: (p) => `${p.type}:${p.id}` }) });

  it('when allowed, nobody reaches more of B through A; copied shares change nobody\'s access to A', () => {
    fc.assert(
      fc.property(audience, audience, (a, b) => {
        const widened = mergeWidensFor(a, b, people, groupsOf);
        const copied = sharesToCopy(a, b, people, groupsOf);
        const after: Audience = { restricted: a.restricted, shares: [...a.shares, ...copied] };
        for (const p of people) {
          const g = groupsOf(p.id);
          expect(reachOf(after, p, g)).toEqual(reachOf(a, p, g));
          const ra = reachOf(a, p, g);
          const rb = reachOf(b, p, g);
          const gains = (ra.sees && !rb.sees) || (ra.identifying && !rb.identifying);
          expect(widened.includes(p.id)).toBe(gains);
        }
      }),
      { numRuns: 400 },
    );
  });
});
