/**
 * Importing incidents from a spreadsheet (/import, records.import: admins and coordinators), one
 * page in five numbered steps: 1 choose the file (CSV, TSV, XLSX or JSON; sent with its progress);
 * 2 how it was read (encoding, separator, sheet — changeable) and which column becomes what, with
 * values for every row and how dates and numbers are written; 3 each list value placed on the
 * vocabularies (exact matches preselected, near matches offered first); 4 a dry run listing every
 * problem with its line and column, and a preview; 5 the all-or-nothing commit with its progress.
 * Saved mappings are offered at step 2 and can be saved after step 3. Everything stays in memory
 * (never in the URL); the file itself is held by the server for 30 minutes. Leaving the page does
 * not stop a commit: coming back shows its progress.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { lang, t } from '../../i18n/i18n';
import { onReset, useAppState } from '../../state';
import { Alert, PageTitle } from '../../components/ui';
import { errorText, localiseProblem } from '../../lib/problems';
import { analysisKey, applySaved, mappingBody, mappingIssues, mappingKey, newWork, readingProbe, reconcileColumns, type Analysis, type CommitStatus, type DryRun, type ImportMapping, type ImportOptions, type SavedMapping, type Upload, type Work } from './model';
import { FileStep } from './file-step';
import { MappingStep } from './mapping-step';
import { ValuesStep } from './values-step';
import { DryRunStep } from './dry-run-step';
import { CommitStep } from './commit-step';
import { PastImports } from './past-imports';
import { fileErrorText, mappingProblemText } from './words';
import './import.css';

const memory: { work: Work | null } = { work: null };
onReset(() => {
  memory.work = null;
});

/** Moves focus to a step's heading once it is on screen (after the render that shows it). */
function focusSoon(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

export function ImportPage() {
  const { vocab, places } = useAppState();
  const [work, setWorkState] = useState<Work | null>(memory.work);
  const current = useRef<Work | null>(memory.work);
  const [saved, setSaved] = useState<SavedMapping[] | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const [mappingError, setMappingError] = useState<string[] | null>(null);
  const [readingError, setReadingError] = useState<string | undefined>();
  const [busy, setBusy] = useState<'read' | 'analyse' | 'dry' | 'commit' | null>(null);
  const [stepError, setStepError] = useState<{ step: 3 | 4; text: string } | null>(null);
  const [runsVersion, setRunsVersion] = useState(0);
  const seq = useRef(0);

  const setWork = (w: Work | null) => {
    current.current = w;
    memory.work = w;
    setWorkState(w);
  };
  const change = (f: (w: Work) => Work) => {
    if (current.current) setWork(f(current.current));
  };

  const loadSaved = () => {
    api<{ mappings: SavedMapping[] }>('GET', '/api/v1/import-mappings').then((r) => setSaved(r.mappings), () => setSaved([]));
  };
  useEffect(loadSaved, []);

  /** The file is no longer held by the server (30 minutes passed, or it was locked): start again. */
  const lost = (e: unknown): boolean => {
    // (a saved mapping removed meanwhile is a 404 too, with its own code)
    if (!(e instanceof ApiError && e.status === 404 && e.code !== 'mapping_not_found')) return false;
    setWork(null);
    setNotice(t('import.lost'));
    focusSoon('import-step1-h');
    return true;
  };

  const uploaded = (u: Upload, fileName: string) => {
    setNotice(undefined);
    setMappingError(null);
    setReadingError(undefined);
    setStepError(null);
    setWork(newWork(u, fileName));
    focusSoon('import-step2-h');
  };

  const cancel = async () => {
    const w = current.current;
    if (!w) return;
    try {
      await api('DELETE', `/api/v1/imports/${w.id}`);
    } catch {
      /* already gone: nothing to forget */
    }
    setWork(null);
    setNotice(undefined);
    focusSoon('import-step1-h');
  };

  /** Reads the file again with other reading options (how it was read and its columns are updated). */
  const readAgain = async (options: ImportOptions, mapping: ImportMapping): Promise<Analysis | null> => {
    const w = current.current;
    if (!w) return null;
    setReadingError(undefined);
    setBusy('read');
    const mine = ++seq.current;
    try {
      const valid = mappingIssues(mapping, w.table.header).length === 0;
      const a = await api<Analysis>('POST', `/api/v1/imports/${w.id}/analyse`, { mapping: valid ? mappingBody({ ...mapping, options }) : readingProbe(options), lang: lang() });
      if (mine !== seq.current) return null;
      return a;
    } catch (e) {
      if (mine !== seq.current || lost(e)) return null;
      const file = e instanceof ApiError ? e.problems.find((p) => p.path === 'file') : undefined;
      setReadingError(file ? (fileErrorText(file.code ?? '') ?? localiseProblem(file)) : errorText(e));
      focusSoon('import-reading-err');
      return null;
    } finally {
      if (mine === seq.current) setBusy(null);
    }
  };

  /** Another encoding, separator or sheet: the columns the person mapped are kept where their header still is. */
  const reread = async (options: ImportOptions) => {
    const w = current.current;
    if (!w) return;
    setWork({ ...w, mapping: { ...w.mapping, options } });
    const a = await readAgain(options, w.mapping);
    if (!a) return;
    change((x) => ({ ...x, table: a.table, readerProblems: a.readerProblems, columns: a.columns, mapping: reconcileColumns(x.mapping, x.table.header, a.columns) }));
  };

  /** A saved mapping on this file (read first as the mapping says, when it says how); resolves with the headers it names that the file lacks. */
  const applySavedMapping = async (s: SavedMapping): Promise<string[] | null> => {
    const w = current.current;
    if (!w) return null;
    let applied = applySaved(s.body, w.table.header);
    const o = applied.mapping.options;
    if (o.encoding !== w.mapping.options.encoding || o.delimiter !== w.mapping.options.delimiter || o.sheet !== w.mapping.options.sheet) {
      const a = await readAgain(o, applied.mapping);
      if (!a) return null;
      applied = applySaved(s.body, a.table.header);
      change((x) => ({ ...x, table: a.table, readerProblems: a.readerProblems, columns: a.columns }));
    }
    const mapping = applied.mapping;
    change((x) => ({ ...x, mapping, saved: { id: s.id, name: s.name, version: s.version } }));
    return applied.missing;
  };

  /** The list values of the mapped columns (step 3); `move` takes the person there. */
  const analyse = async (move: boolean) => {
    const w = current.current;
    if (!w) return;
    setMappingError(null);
    setBusy('analyse');
    const mine = ++seq.current;
    const key = analysisKey(w.mapping);
    try {
      const a = await api<Analysis>('POST', `/api/v1/imports/${w.id}/analyse`, { mapping: mappingBody(w.mapping), lang: lang() });
      if (mine !== seq.current) return;
      change((x) => ({ ...x, table: a.table, readerProblems: a.readerProblems, columns: a.columns, values: a.values, analysedKey: key }));
      if (move) focusSoon('import-step3-h');
    } catch (e) {
      if (mine !== seq.current || lost(e)) return;
      setMappingError(e instanceof ApiError && e.problems.length ? e.problems.map(mappingProblemText) : [errorText(e)]);
      focusSoon('import-mapping-err');
    } finally {
      if (mine === seq.current) setBusy(null);
    }
  };

  // step 3 follows the mapping: a column mapped anew, or read differently, is analysed again
  const pendingKey = work && work.values !== null && !work.commit && mappingIssues(work.mapping, work.table.header).length === 0 ? analysisKey(work.mapping) : null;
  useEffect(() => {
    if (pendingKey === null || pendingKey === current.current?.analysedKey) return;
    const timer = setTimeout(() => void analyse(false), 500);
    return () => clearTimeout(timer);
  }, [pendingKey]);

  const dryRun = async () => {
    const w = current.current;
    if (!w) return;
    setStepError(null);
    setBusy('dry');
    const key = mappingKey(w.mapping);
    try {
      const d = await api<DryRun>('POST', `/api/v1/imports/${w.id}/dry-run`, { mapping: mappingBody(w.mapping), lang: lang() });
      change((x) => ({ ...x, dry: d, dryKey: key, table: d.table }));
      focusSoon('import-step4-h');
    } catch (e) {
      if (lost(e)) return;
      setStepError({ step: 3, text: e instanceof ApiError && e.problems.length ? e.problems.map(mappingProblemText).join(' ') : errorText(e) });
      focusSoon('import-step3-err');
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    const w = current.current;
    if (!w) return;
    setStepError(null);
    setBusy('commit');
    try {
      const r = await api<{ commit: CommitStatus }>('POST', `/api/v1/imports/${w.id}/commit`, { mapping: mappingBody(w.mapping), lang: lang(), ...(w.saved ? { mappingId: w.saved.id } : {}) });
      change((x) => ({ ...x, commit: r.commit }));
      focusSoon('import-step5-h');
    } catch (e) {
      if (lost(e)) return;
      if (e instanceof ApiError && e.status === 404) change((x) => ({ ...x, saved: null }));
      setStepError({ step: 4, text: e instanceof ApiError && e.code === 'import_has_errors' ? t('import.commit.hasErrors') : e instanceof ApiError && e.code === 'mapping_not_found' ? t('import.commit.mappingGone') : errorText(e) });
      focusSoon('import-step4-err');
    } finally {
      setBusy(null);
    }
  };

  const onCommit = (c: CommitStatus) => {
    change((x) => ({ ...x, commit: c }));
    if (c.state === 'done') setRunsVersion((n) => n + 1);
  };

  const setMapping = (m: ImportMapping) => change((x) => ({ ...x, mapping: m }));

  if (!vocab) return null;
  const stale = !!work?.dry && work.dryKey !== mappingKey(work.mapping);
  return (
    <div class="import-page">
      <PageTitle>{t('import.title')}</PageTitle>
      <p class="hint">{t('import.intro')}</p>
      {notice && <Alert kind="warning">{notice}</Alert>}
      <FileStep work={work} onUploaded={uploaded} onCancel={() => void cancel()} />
      {work && !work.commit && (
        <>
          <MappingStep
            work={work}
            vocab={vocab}
            places={places}
            saved={saved}
            busy={busy === 'read' || busy === 'analyse'}
            readingError={readingError}
            serverErrors={mappingError}
            onOptions={(o) => void reread(o)}
            onMapping={setMapping}
            onUseSaved={applySavedMapping}
            onSavedRemoved={(id) => {
              if (current.current?.saved?.id === id) change((x) => ({ ...x, saved: null }));
              loadSaved();
            }}
            onNext={() => void analyse(true)}
          />
          {work.values && (
            <ValuesStep
              work={work}
              vocab={vocab}
              places={places}
              busy={busy !== null}
              error={stepError?.step === 3 ? stepError.text : undefined}
              onMapping={setMapping}
              onSaved={(s) => {
                change((x) => ({ ...x, saved: s }));
                loadSaved();
              }}
              onDryRun={() => void dryRun()}
            />
          )}
          {work.values && work.dry && (
            <DryRunStep dry={work.dry} stale={stale} vocab={vocab} places={places} busy={busy !== null} error={stepError?.step === 4 ? stepError.text : undefined} onAgain={() => void dryRun()} onCommit={() => void commit()} />
          )}
        </>
      )}
      {work?.commit && <CommitStep importId={work.id} status={work.commit} onStatus={onCommit} onLost={lost} onAnother={() => void cancel()} onRetry={() => change((x) => ({ ...x, commit: null }))} />}
      <PastImports version={runsVersion} />
    </div>
  );
}
