/** What the forms send: the sealed parts only when they were typed or opened; families kept together in the list. */
import { describe, it, expect } from 'vitest';
import { accompaniedInputSchema } from '../../../../domain/accompaniment/person';
import { hearingInputSchema } from '../../../../domain/accompaniment/hearing';
import type { PersonSummary, PersonView } from './api';
import { emptyHearing, emptyPerson, groupByFamily, hearingInputOf, hearingProblems, personFormOf, personInputOf, personProblems, presentLocalOf, reminderKey } from './model';

const summary = (id: string, familyId: string | null = null): PersonSummary => ({
  id, ref: `ACP-${id}`, pseudonym: `P${id}`, familyId, familyLabel: familyId ? `F${familyId}` : null, familyRole: null, ageGroup: 'adult', needs: [], languages: [], nationality: null, status: 'active', nextHearing: null,
});
const ID = '0b7c1a52-7d2e-4a4b-9a56-9c0f5c3e2d10';

describe('accompaniment forms', () => {
  it('group a family together at the place of its first member', () => {
    const g = groupByFamily([summary('1'), summary('2', 'a'), summary('3'), summary('4', 'a'), summary('5', 'b')]);
    expect(g.map((x) => [x.familyId, x.people.map((p) => p.id)])).toEqual([[null, ['1']], ['a', ['2', '4']], [null, ['3']], ['b', ['5']]]);
  });

  it('send a new person the server accepts, with identity only when typed', () => {
    const f = { ...emptyPerson(), pseudonym: ' Luna ', languages: 'es, quc', needs: ['interpreter' as const] };
    const input = personInputOf(f, 'new');
    expect(input.identity).toBeUndefined();
    expect(input.needsNote).toBeUndefined();
    expect(accompaniedInputSchema.safeParse(input).success).toBe(true);
    const typed = personInputOf({ ...f, family: 'new', newFamily: 'Río', familyRole: 'head', identity: { ...f.identity, phones: '+52 664 000 0000\n\n+1 619 000 0000', dateOfBirth: '1990-04-23' } }, 'new');
    expect(typed.identity).toEqual({ phones: ['+52 664 000 0000', '+1 619 000 0000'], dateOfBirth: '1990-04-23' });
    expect(typed.newFamily).toBe('Río');
    expect(typed.familyId).toBeUndefined();
    expect(accompaniedInputSchema.safeParse(typed).success).toBe(true);
  });

  it('never send the sealed part of a person whose identity was not opened', () => {
    const view = { ...summary('1', ID), familyRole: 'child', reminderLang: 'ht', stayingAt: null, hasIdentity: true, identityFields: ['names'], hasNeedsNote: true, hearings: [], version: 3, createdAt: '', updatedAt: '' } as PersonView;
    const f = personFormOf(view);
    const closed = personInputOf(f, 'closed');
    expect('identity' in closed).toBe(false);
    expect('needsNote' in closed).toBe(false);
    expect(closed.familyId).toBe(ID);
    expect(closed.reminderLang).toBe('ht');
    expect(accompaniedInputSchema.safeParse(closed).success).toBe(true);
    // opened and emptied: sent empty, so clearing is possible
    const opened = personInputOf(f, 'opened');
    expect(opened.identity).toEqual({});
    expect(opened.needsNote).toBe('');
  });

  it('find the missing pseudonym, family and bad language codes before sending', () => {
    const p = personProblems({ ...emptyPerson(), family: 'new', languages: 'español' });
    expect([...p.keys()].sort()).toEqual(['languages', 'newFamily', 'pseudonym']);
  });

  it('send a hearing with the wall times as typed and the presentation on the same day unless another', () => {
    const f = { ...emptyHearing(), court: 'court-san-diego', date: '2027-11-07', time: '08:30', kind: 'master_calendar', presentPlace: 'poe-san-ysidro', presentTime: '01:30', presentFold: 'earlier' as const, people: [{ id: ID, label: 'x' }] };
    const input = hearingInputOf(f, 'new');
    expect(input).toMatchObject({ startsLocal: '2027-11-07T08:30', presentLocal: '2027-11-07T01:30', presentFold: 'earlier', people: [ID] });
    expect(input.representative).toBeUndefined();
    expect(hearingInputSchema.safeParse(input).success).toBe(true);
    expect(presentLocalOf({ ...f, presentDate: '2027-11-06' })).toBe('2027-11-06T01:30');
    expect(hearingInputOf({ ...f, presentPlace: '', presentTime: '', presentFold: 'later' }, 'closed')).toMatchObject({ presentPlace: null, presentLocal: null });
    expect('presentFold' in hearingInputOf({ ...f, presentPlace: '', presentTime: '', presentFold: 'later' }, 'closed')).toBe(false);
    expect([...hearingProblems({ ...emptyHearing(), presentPlace: 'poe-san-ysidro' }).keys()].sort()).toEqual(['court', 'kind', 'people', 'presentLocal', 'startsLocal']);
  });

  it('key a reminder by hearing and person', () => {
    expect(reminderKey({ hearingId: 'h', personId: 'p' })).toBe('h:p');
  });
});
