/**
 * Which column becomes what: one select per column of the file, labelled with its header, its
 * filled rows and a few sample cells as the hint; "No importar" unless the server guessed a target
 * from the header. A target given twice is said on the column that repeats it.
 */
import { t } from '../../i18n/i18n';
import { SelectField, type OptGroup } from '../../components/ui';
import { TARGET_GROUPS, type ColumnInfo, type ImportMapping, type ImportTarget, type MappingIssue, type TargetGroup } from './model';
import { groupLabel, issueText, targetLabel } from './words';

const ALL_TARGETS = new Set<string>(Object.values(TARGET_GROUPS).flat());

function targetOptions(): OptGroup[] {
  return (Object.keys(TARGET_GROUPS) as TargetGroup[]).map((g) => ({ group: groupLabel(g), options: TARGET_GROUPS[g].map((target) => ({ value: target, label: targetLabel(target) })) }));
}

export function ColumnMapping({ columns, rows, mapping, issues, onColumn }: {
  columns: ColumnInfo[];
  rows: number;
  mapping: ImportMapping;
  /** shown once the person has tried to go on */
  issues: MappingIssue[] | null;
  onColumn: (header: string, target: ImportTarget | '') => void;
}) {
  const options = targetOptions();
  return (
    <ul class="import-columns plain">
      {columns.map((c, i) => {
        const taken = issues?.filter((x): x is Extract<MappingIssue, { code: 'target_taken' }> => x.code === 'target_taken' && x.column === c.header) ?? [];
        const target = mapping.columns[c.header] ?? '';
        return (
          <li key={c.header} class="import-column">
            <SelectField
              id={`import-col-${i}`}
              label={c.header}
              value={target}
              empty={t('import.columns.skip')}
              options={options}
              onValue={(v) => onColumn(c.header, ALL_TARGETS.has(v) ? (v as ImportTarget) : '')}
              errors={taken.length ? taken.map(issueText) : undefined}
              hint={
                <>
                  <span>{t('import.columns.filled', { filled: c.filled, rows })}</span>
                  {c.suggested && c.suggested === target && <span> · {t('import.columns.suggested')}</span>}
                  {c.samples.length > 0 && (
                    <span class="import-samples">
                      {' · '}
                      {t('import.columns.samples')}{' '}
                      {c.samples.map((s, k) => (
                        <span key={k}>
                          {k > 0 && ' · '}
                          <q>{s}</q>
                        </span>
                      ))}
                    </span>
                  )}
                </>
              }
            />
          </li>
        );
      })}
    </ul>
  );
}
