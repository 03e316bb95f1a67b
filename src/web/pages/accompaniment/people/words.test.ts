/** The accompaniment pages' fixed lists are the domain's, each has its words in both catalogues, and server problems land on their fields in words. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as person from '../../../../domain/accompaniment/person';
import * as hearing from '../../../../domain/accompaniment/hearing';
import { setLang } from '../../../i18n/i18n';
import { accProblemKey, ACC_WORD_KEYS, zoneParts, AGE_GROUPS, ATTENDANCE, DOCUMENTS, FAMILY_ROLES, fieldPath, HEARING_KINDS, HEARING_OUTCOMES, IDENTITY_FIELDS, lines, NEEDS, needName, parseLanguages, REMINDER_LANGS } from './words';

const here = dirname(fileURLToPath(import.meta.url));
// setLang marks the page's language
(globalThis as { document?: unknown }).document ??= { documentElement: {} };
const catalogue = (lang: string) => JSON.parse(readFileSync(join(here, '..', '..', '..', 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>;

describe('accompaniment words', () => {
  it('copy the domain lists exactly', () => {
    expect(NEEDS).toEqual(person.NEEDS);
    expect(AGE_GROUPS).toEqual(person.AGE_GROUPS);
    expect(FAMILY_ROLES).toEqual(person.FAMILY_ROLES);
    expect(REMINDER_LANGS).toEqual(person.REMINDER_LANGS);
    expect(HEARING_KINDS).toEqual(hearing.HEARING_KINDS);
    expect(HEARING_OUTCOMES).toEqual(hearing.HEARING_OUTCOMES);
    expect(DOCUMENTS).toEqual(hearing.DOCUMENTS);
    expect(ATTENDANCE).toEqual(hearing.ATTENDANCE);
    expect([...IDENTITY_FIELDS].sort()).toEqual(Object.keys(person.identitySchema.shape).sort());
  });

  it('name every value of every list in Spanish and English', () => {
    const tables: [Record<string, string>, readonly string[]][] = [
      [ACC_WORD_KEYS.NEED, NEEDS],
      [ACC_WORD_KEYS.AGE, AGE_GROUPS],
      [ACC_WORD_KEYS.ROLE, FAMILY_ROLES],
      [ACC_WORD_KEYS.RLANG, REMINDER_LANGS],
      [ACC_WORD_KEYS.KIND, HEARING_KINDS],
      [ACC_WORD_KEYS.OUTCOME, HEARING_OUTCOMES],
      [ACC_WORD_KEYS.DOC, DOCUMENTS],
      [ACC_WORD_KEYS.ATT, ATTENDANCE],
      [ACC_WORD_KEYS.IDENT, IDENTITY_FIELDS],
    ];
    for (const [table, list] of tables) expect(Object.keys(table).sort()).toEqual([...list].sort());
    const keys = Object.values(ACC_WORD_KEYS).flatMap((x) => Object.values(x) as string[]);
    for (const lang of ['es', 'en']) {
      const cat = catalogue(lang);
      expect(keys.filter((k) => !cat[k]), lang).toEqual([]);
    }
    setLang('es');
    expect(needName('interpreter')).toBe('Intérprete');
    setLang('en');
    expect(needName('wheelchair')).toBe('Wheelchair');
  });

  it('put a problem of a list field on the field, in words', () => {
    expect(fieldPath('languages[2]')).toBe('languages');
    expect(fieldPath('identity.phones[0]')).toBe('identity.phones');
    expect(fieldPath('next.people[1]')).toBe('next.people');
    expect(fieldPath('next.startsLocal')).toBe('next.startsLocal');
    const keys = ['nonexistent_local_time', 'ambiguous_local_time', 'family_twice', 'present_pair', 'bad_local_time', 'unknown_place', 'unknown_court', 'unknown_person', 'no_such_person', 'no_such_family', 'not_an_organisation', 'not_summoned', 'duplicate_person', 'already_recorded', 'ambiguous_date', 'bad_date', 'bad_time', 'missing_column', 'format_mismatch', 'file_too_large'].map(accProblemKey);
    expect(keys.every(Boolean)).toBe(true);
    for (const lang of ['es', 'en']) expect(keys.filter((k) => !catalogue(lang)[k!])).toEqual([]);
    expect(accProblemKey('too_long')).toBeNull();
    expect(accProblemKey(undefined)).toBeNull();
  });

  it('say the zone and its offset on the date typed, and both on the night the clocks go back', () => {
    expect(zoneParts('America/Los_Angeles', '2027-07-01T08:00')).toEqual({ abbr: 'PDT', offset: 'UTC\u22127' });
    expect(zoneParts('America/Los_Angeles', '2027-01-15T08:00')).toEqual({ abbr: 'PST', offset: 'UTC\u22128' });
    expect(zoneParts('America/Tijuana', '2027-11-07T01:30')).toEqual({ abbr: 'PDT', offset: 'UTC\u22127', later: { abbr: 'PST', offset: 'UTC\u22128' } });
    expect(zoneParts('America/Matamoros', '2027-03-14T02:30')).toEqual({ abbr: 'CDT', offset: 'UTC\u22125' });
    expect(zoneParts('America/Mexico_City', '2027-07-01T08:00')).toEqual({ abbr: 'CST', offset: 'UTC\u22126' });
  });

  it('read languages and one value a line', () => {
    expect(parseLanguages(' es, QUC;mam  es ')).toEqual(['es', 'quc', 'mam']);
    expect(lines(' 123 \n\n 456\r\n')).toEqual(['123', '456']);
  });
});
