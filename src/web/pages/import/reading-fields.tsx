/**
 * How the file was read: its format and rows, and for a CSV its encoding and separator, for a
 * workbook its sheet — each with what was detected and why, and changeable ("Codificación",
 * "Separador", "Hoja"): a change reads the file again on the server.
 */
import { t } from '../../i18n/i18n';
import { Row, SelectField } from '../../components/ui';
import { DELIMITERS, ENCODINGS, type Delimiter, type Encoding, type ImportOptions, type TableInfo } from './model';
import { delimiterLabel, delimiterReason, encodingLabel, encodingReason, formatLabel } from './words';

function Reason({ text, english }: { text: string | null; english: string | undefined }) {
  if (text) return <>{text}</>;
  return english ? <span lang="en">{english}</span> : null;
}

export function ReadingFields({ table, readerProblems, options, busy, error, onOptions }: {
  table: TableInfo;
  readerProblems: number;
  options: ImportOptions;
  busy: boolean;
  error: string | undefined;
  onOptions: (o: ImportOptions) => void;
}) {
  const format = table.format === 'csv' && table.delimiter === '\t' ? 'tsv' : table.format;
  return (
    <div class="import-reading" aria-busy={busy}>
      <h3>{t('import.reading.heading')}</h3>
      <dl class="facts import-facts">
        <Row label={t('import.reading.format')}>{formatLabel(format)}</Row>
        <Row label={t('import.reading.rows')}>{String(table.rows)}</Row>
        <Row label={t('import.reading.columns')}>{String(table.header.length)}</Row>
        {readerProblems > 0 && <Row label={t('import.reading.problems')}>{t('import.reading.problemsText', { count: readerProblems })}</Row>}
      </dl>
      {table.format === 'csv' && (
        <div class="import-reading-grid">
          <SelectField
            id="import-encoding"
            label={t('import.reading.encoding')}
            value={options.encoding ?? ''}
            empty={t('import.reading.auto')}
            options={ENCODINGS.map((e) => ({ value: e, label: encodingLabel(e) }))}
            onValue={(v) => onOptions({ ...options, encoding: (ENCODINGS as readonly string[]).includes(v) ? (v as Encoding) : undefined })}
            hint={
              table.encoding && (
                <>
                  {t('import.reading.readAs', { value: encodingLabel(table.encoding) })} <Reason text={encodingReason(table.encodingReason)} english={table.encodingReason} />
                </>
              )
            }
          />
          <SelectField
            id="import-delimiter"
            label={t('import.reading.delimiter')}
            value={options.delimiter ?? ''}
            empty={t('import.reading.auto')}
            options={DELIMITERS.map((d) => ({ value: d, label: delimiterLabel(d) }))}
            onValue={(v) => onOptions({ ...options, delimiter: (DELIMITERS as readonly string[]).includes(v) ? (v as Delimiter) : undefined })}
            hint={
              table.delimiter && (
                <>
                  {t('import.reading.readAs', { value: delimiterLabel(table.delimiter) })} <Reason text={delimiterReason(table.delimiterReason)} english={table.delimiterReason} />
                </>
              )
            }
          />
        </div>
      )}
      {table.format === 'xlsx' && table.sheets && (
        <SelectField
          id="import-sheet"
          label={t('import.reading.sheet')}
          value={options.sheet ?? table.sheet ?? ''}
          options={table.sheets.map((s) => ({ value: s, label: s }))}
          onValue={(v) => onOptions({ ...options, sheet: v || undefined })}
          hint={t('import.reading.sheetHint', { count: table.sheets.length })}
        />
      )}
      {error && (
        <p class="field-error" id="import-reading-err" role="alert" tabIndex={-1}>
          {error}
        </p>
      )}
    </div>
  );
}
