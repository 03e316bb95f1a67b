/**
 * The import screen's words: what each target is called, how a file was read, and every problem a
 * dry run lists worded from its code (the server's English message stays as the detail).
 */
import { t } from '../../i18n/i18n';
import { localiseProblem } from '../../lib/problems';
import type { Problem } from '../../api';
import { mappingPath, type Delimiter, type Encoding, type ImportOptions, type ImportTarget, type MappingIssue, type TableInfo, type TargetGroup } from './model';

export function targetLabel(target: ImportTarget): string {
  switch (target) {
    case 'title': return t('import.target.title');
    case 'summary': return t('import.target.summary');
    case 'externalId': return t('import.target.externalId');
    case 'date': return t('import.target.date');
    case 'dateEnd': return t('import.target.dateEnd');
    case 'year': return t('import.target.year');
    case 'month': return t('import.target.month');
    case 'country': return t('import.target.country');
    case 'state': return t('import.target.state');
    case 'locality': return t('import.target.locality');
    case 'place': return t('import.target.place');
    case 'coordinates': return t('import.target.coordinates');
    case 'latitude': return t('import.target.latitude');
    case 'longitude': return t('import.target.longitude');
    case 'region': return t('import.target.region');
    case 'routeSegment': return t('import.target.routeSegment');
    case 'crossing': return t('import.target.crossing');
    case 'act': return t('import.target.act');
    case 'perpetrator': return t('import.target.perpetrator');
    case 'context': return t('import.target.context');
    case 'status': return t('import.target.status');
    case 'followUp': return t('import.target.followUp');
    case 'confidentiality': return t('import.target.confidentiality');
    case 'victim': return t('import.target.victim');
    case 'victimRole': return t('import.target.victimRole');
    case 'counts.dead': return t('import.target.countsDead');
    case 'counts.missing': return t('import.target.countsMissing');
    case 'counts.survivors': return t('import.target.countsSurvivors');
    case 'counts.women': return t('import.target.countsWomen');
    case 'counts.men': return t('import.target.countsMen');
    case 'counts.children': return t('import.target.countsChildren');
  }
}

export function groupLabel(g: TargetGroup): string {
  switch (g) {
    case 'what': return t('import.group.what');
    case 'when': return t('import.group.when');
    case 'where': return t('import.group.where');
    case 'follow': return t('import.group.follow');
    case 'counts': return t('import.group.counts');
  }
}

export function formatLabel(f: TableInfo['format'] | 'tsv'): string {
  switch (f) {
    case 'csv': return t('import.format.csv');
    case 'tsv': return t('import.format.tsv');
    case 'xlsx': return t('import.format.xlsx');
    case 'json': return t('import.format.json');
  }
}

export function encodingLabel(e: Encoding): string {
  switch (e) {
    case 'utf8': return t('import.encoding.utf8');
    case 'utf8-bom': return t('import.encoding.utf8bom');
    case 'utf16le': return t('import.encoding.utf16le');
    case 'utf16be': return t('import.encoding.utf16be');
    case 'windows-1252': return t('import.encoding.windows1252');
  }
}

export function delimiterLabel(d: Delimiter): string {
  switch (d) {
    case ',': return t('import.delimiter.comma');
    case ';': return t('import.delimiter.semicolon');
    case '\t': return t('import.delimiter.tab');
  }
}

export function listSeparatorLabel(s: ImportOptions['listSeparator']): string {
  switch (s) {
    case ';': return t('import.listSeparator.semicolon');
    case ',': return t('import.listSeparator.comma');
    case '|': return t('import.listSeparator.bar');
    case '/': return t('import.listSeparator.slash');
  }
}

/**
 * Why the server read the file with this encoding, in words; `null` when the reason is not one the
 * screen knows (the server's English text is shown then).
 */
export function encodingReason(reason: string | undefined): string | null {
  if (!reason) return null;
  if (reason === 'asked for') return t('import.reason.askedFor');
  if (reason.includes('byte order mark')) return t('import.reason.bom');
  if (reason.includes('plain ASCII')) return t('import.reason.ascii');
  if (reason.includes('not valid UTF-8')) return t('import.reason.notUtf8');
  if (reason.includes('valid UTF-8')) return t('import.reason.utf8');
  return null;
}

export function delimiterReason(reason: string | undefined): string | null {
  if (!reason) return null;
  if (reason === 'asked for') return t('import.reason.askedFor');
  if (reason.startsWith('no delimiter')) return t('import.reason.noDelimiter');
  const m = /it gives the header (\d+) columns(?:, and as many to (\d+) of the (\d+) rows)?/.exec(reason);
  if (!m) return null;
  return m[2] !== undefined
    ? t('import.reason.delimiterRows', { columns: Number(m[1]), same: Number(m[2]), rows: Number(m[3]) })
    : t('import.reason.delimiterHeader', { columns: Number(m[1]) });
}

export function issueText(i: MappingIssue): string {
  switch (i.code) {
    case 'title_required': return t('import.issue.titleRequired');
    case 'target_taken': return t('import.issue.targetTaken', { other: i.other });
    case 'lat_lon_pair': return t('import.issue.latLonPair');
    case 'coordinates_twice': return t('import.issue.coordinatesTwice');
  }
}

/** A problem the server found in the mapping it was sent, in words ("«Fecha»: …" when it is about one column). */
export function mappingProblemText(p: Problem): string {
  const path = mappingPath(p.path);
  const text =
    p.code === 'title_required' ? t('import.issue.titleRequired')
    : p.code === 'lat_lon_pair' ? t('import.issue.latLonPair')
    : p.code === 'coordinates_twice' ? t('import.issue.coordinatesTwice')
    : p.code === 'target_taken' ? t('import.issue.taken')
    : localiseProblem(p, t('import.problem.other'));
  const column = /^columns\.(.+)$/.exec(path)?.[1];
  return column !== undefined ? `«${column}»: ${text}` : text;
}

/** A whole-file refusal (problems[{ path: 'file' }]) in words; null when its code is not known here. */
export function fileErrorText(code: string): string | null {
  switch (code) {
    case 'empty_file': return t('import.fileError.empty');
    case 'file_too_large': return t('import.fileError.tooLarge');
    case 'unsupported_type': return t('import.fileError.unsupported');
    case 'unreadable_file': return t('import.fileError.unreadable');
    case 'sheet_not_found': return t('import.fileError.sheet');
    case 'required': return t('import.fileError.choose');
    default: return null;
  }
}

/** A dry-run problem in words (the server's English message is shown beside it as the detail). */
export function problemText(p: { code: string; message: string }): string {
  if (p.code.startsWith('coordinates_') && p.code !== 'coordinates_outside_region') return t('import.problem.coordinates');
  if (p.code.startsWith('count_') && p.code !== 'count_negative' && p.code !== 'count_too_large') return t('import.problem.count');
  switch (p.code) {
    case 'unmapped_value': return t('import.problem.unmappedValue');
    case 'unknown_code': return t('import.problem.unknownCode');
    case 'missing_column': return t('import.problem.missingColumn');
    case 'date_ambiguous_order': return t('import.problem.dateAmbiguous');
    case 'date_unrecognised': return t('import.problem.dateUnrecognised');
    case 'date_impossible_date': return t('import.problem.dateImpossible');
    case 'date_two_digit_year': return t('import.problem.dateTwoDigitYear');
    case 'date_missing_year': return t('import.problem.dateMissingYear');
    case 'date_year_out_of_range':
    case 'bad_year': return t('import.problem.dateYear');
    case 'date_incomplete': return t('import.problem.dateUnrecognised');
    case 'date_future': return t('import.problem.dateFuture');
    case 'date_part_of_period': return t('import.problem.datePartOfPeriod');
    case 'date_order_from_weekday': return t('import.problem.dateFromWeekday');
    case 'date_weekday_mismatch': return t('import.problem.dateWeekdayMismatch');
    case 'end_before_start': return t('import.problem.endBeforeStart');
    case 'no_date': return t('import.problem.noDate');
    case 'date_from_year': return t('import.problem.dateFromYear');
    case 'bad_month': return t('import.problem.badMonth');
    case 'title_missing': return t('import.problem.titleMissing');
    case 'title_from_act': return t('import.problem.titleFromAct');
    case 'title_shortened':
    case 'summary_shortened':
    case 'locality_shortened':
    case 'victim_shortened': return t('import.problem.shortened');
    case 'place_not_found': return t('import.problem.placeNotFound');
    case 'place_ambiguous': return t('import.problem.placeAmbiguous');
    case 'state_not_in_country': return t('import.problem.stateNotInCountry');
    case 'point_outside_country': return t('import.problem.pointOutsideCountry');
    case 'coordinates_outside_region': return t('import.problem.outsideRegion');
    case 'count_negative': return t('import.problem.countNegative');
    case 'count_too_large': return t('import.problem.countTooLarge');
    case 'perpetrator_without_act': return t('import.problem.perpetratorWithoutAct');
    case 'repeated_id': return t('import.problem.repeatedId');
    case 'ragged_row': return t('import.problem.raggedRow');
    case 'broken_quote': return t('import.problem.brokenQuote');
    case 'cell_too_large': return t('import.problem.cellTooLarge');
    case 'nul_character': return t('import.problem.nul');
    case 'undecodable_bytes': return t('import.problem.undecodable');
    case 'empty_header': return t('import.problem.emptyHeader');
    case 'duplicate_header': return t('import.problem.duplicateHeader');
    case 'too_many_rows': return t('import.problem.tooManyRows');
    case 'too_many_problems': return t('import.problem.tooManyProblems');
    // the incident rules (the same as a form's): worded as the forms word them
    default: return localiseProblem({ path: '', code: p.code, message: p.message }, t('import.problem.other'));
  }
}

export function severityLabel(s: 'error' | 'warning'): string {
  return s === 'error' ? t('import.severity.error') : t('import.severity.warning');
}

/** A commit that failed, or was refused, in words. */
export function commitErrorText(code: string): string | null {
  switch (code) {
    case 'import_has_errors': return t('import.commit.hasErrors');
    case 'nothing_to_import': return t('import.commit.nothing');
    case 'import_failed': return t('import.commit.failed');
    default: return null;
  }
}
