/** Vocabulary administration: see a vocabulary's tree in both languages, add, rename, retire or restore terms. */
import { useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { t, lang } from '../i18n/i18n';
import { useAppState, reloadVocabularies, onReset } from '../state';
import { Alert, ErrorSummary, PageTitle, SelectField, TextField } from '../components/ui';
import { errorText, problemMap, type Problems } from '../lib/problems';
import type { TermNode } from '../lib/vocab';
import type { Term } from '../types';

let chosen = 'act';
onReset(() => {
  chosen = 'act';
});

export function VocabularyAdminPage() {
  const { vocab } = useAppState();
  const [scheme, setScheme] = useState(chosen);
  const [parent, setParent] = useState('');
  const [es, setEs] = useState('');
  const [en, setEn] = useState('');
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<Problems>(new Map());
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | undefined>();
  const esRef = useRef<HTMLDivElement>(null);
  if (!vocab) return null;
  const l = lang();
  const s = vocab.schemes.find((x) => x.id === scheme);

  const add = async (e: Event) => {
    e.preventDefault();
    const local: Problems = new Map();
    if (!es.trim()) local.set('label.es', [t('problem.required')]);
    if (!en.trim()) local.set('label.en', [t('problem.required')]);
    setProblems(local);
    if (local.size) return;
    try {
      const term = await api<Term>('POST', `/api/v1/vocabularies/${scheme}/terms`, { ...(parent ? { parent } : {}), label: { es: es.trim(), en: en.trim() }, ...(code.trim() ? { code: code.trim() } : {}) });
      await reloadVocabularies();
      setEs('');
      setEn('');
      setCode('');
      setMessage({ kind: 'success', text: t('vocab.added', { label: term.label[l] }) });
    } catch (err) {
      if (err instanceof ApiError && err.problems.length) setProblems(problemMap(err.problems));
      else setMessage({ kind: 'error', text: errorText(err) });
    }
  };

  const parents = vocab.terms(scheme).filter((x) => x.code.split('.').length < 3 && !x.retired);
  return (
    <>
      <PageTitle>{t('vocab.title')}</PageTitle>
      <SelectField
        id="scheme"
        label={t('vocab.choose')}
        value={scheme}
        onValue={(v) => {
          chosen = v;
          setScheme(v);
          setParent('');
          setMessage(undefined);
        }}
        options={vocab.schemes.map((x) => ({ value: x.id, label: x.label[l] })).sort((a, b) => a.label.localeCompare(b.label, l))}
      />
      {s?.description && <p class="hint">{s.description[l]}</p>}
      <div aria-live="polite">{message && <Alert kind={message.kind}>{message.text}</Alert>}</div>

      <section aria-labelledby="tree-title">
        <h2 id="tree-title">{t('vocab.terms', { count: vocab.terms(scheme).length })}</h2>
        <TermTree
          nodes={vocab.tree(scheme)}
          scheme={scheme}
          onMessage={setMessage}
          onAddUnder={(c) => {
            setParent(c);
            esRef.current?.querySelector('input')?.focus();
          }}
        />
      </section>

      <section aria-labelledby="add-title" class="card-edit">
        <h2 id="add-title">{t('vocab.addTitle')}</h2>
        <form onSubmit={add} noValidate>
          <ErrorSummary problems={problems} labelOf={(p) => (p === 'label.es' ? t('vocab.labelEs') : p === 'label.en' ? t('vocab.labelEn') : p)} />
          <SelectField id="f-parent" label={t('vocab.parent')} value={parent} onValue={setParent} empty={t('vocab.noParent')} options={parents.map((x) => ({ value: x.code, label: vocab.pathLabel(scheme, x.code) }))} errors={problems.get('parent')} />
          <div class="grid-2" ref={esRef}>
            <TextField id="f-label-es" label={t('vocab.labelEs')} value={es} onValue={setEs} errors={problems.get('label.es')} required />
            <TextField id="f-label-en" label={t('vocab.labelEn')} value={en} onValue={setEn} errors={problems.get('label.en')} required />
          </div>
          <TextField id="f-code" label={t('vocab.code')} hint={t('vocab.codeHint')} value={code} onValue={setCode} errors={problems.get('code')} />
          <button type="submit" class="btn btn-primary">
            {t('vocab.add')}
          </button>
        </form>
      </section>
    </>
  );
}

function TermTree({ nodes, scheme, onMessage, onAddUnder }: { nodes: TermNode[]; scheme: string; onMessage: (m: { kind: 'error' | 'success'; text: string }) => void; onAddUnder: (code: string) => void }) {
  if (!nodes.length) return null;
  return (
    <ul class="term-tree">
      {nodes.map((n) => (
        <TermItem key={n.term.code} node={n} scheme={scheme} onMessage={onMessage} onAddUnder={onAddUnder} />
      ))}
    </ul>
  );
}

function TermItem({ node, scheme, onMessage, onAddUnder }: { node: TermNode; scheme: string; onMessage: (m: { kind: 'error' | 'success'; text: string }) => void; onAddUnder: (code: string) => void }) {
  const term = node.term;
  const [editing, setEditing] = useState(false);
  const [es, setEs] = useState(term.label.es);
  const [en, setEn] = useState(term.label.en);
  const l = lang();
  const idBase = `term-${term.code.replace(/\./g, '_')}`;

  const patch = async (body: object, done: string) => {
    try {
      await api('PATCH', `/api/v1/vocabularies/${scheme}/terms/${term.code}`, body);
      await reloadVocabularies();
      setEditing(false);
      onMessage({ kind: 'success', text: done });
    } catch (e) {
      onMessage({ kind: 'error', text: errorText(e) });
    }
  };

  return (
    <li class={`term ${term.retired ? 'is-retired' : ''}`}>
      <div class="term-row">
        <div class="term-labels">
          <span lang="es" class={l === 'es' ? 'strong' : ''}>
            {term.label.es}
          </span>
          <span class="muted" aria-hidden="true">
            {' / '}
          </span>
          <span lang="en" class={l === 'en' ? 'strong' : ''}>
            {term.label.en}
          </span>{' '}
          <code class="code">{term.code}</code>
          {term.retired && <span class="badge badge-retired">{t('vocab.retired')}</span>}
        </div>
        <div class="term-actions">
          <button type="button" class="btn btn-small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {t('vocab.rename')}
            <span class="sr-only">: {term.label[l]}</span>
          </button>
          <button type="button" class="btn btn-small" onClick={() => void patch({ retired: !term.retired }, term.retired ? t('vocab.restored', { label: term.label[l] }) : t('vocab.retiredDone', { label: term.label[l] }))}>
            {term.retired ? t('vocab.restore') : t('vocab.retire')}
            <span class="sr-only">: {term.label[l]}</span>
          </button>
          {term.code.split('.').length < 3 && !term.retired && (
            <button type="button" class="btn btn-small" onClick={() => onAddUnder(term.code)}>
              {t('vocab.addUnder')}
              <span class="sr-only">: {term.label[l]}</span>
            </button>
          )}
        </div>
      </div>
      {editing && (
        <form
          class="rename-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!es.trim() || !en.trim()) {
              onMessage({ kind: 'error', text: t('vocab.bothLabels') });
              return;
            }
            void patch({ label: { es: es.trim(), en: en.trim() } }, t('vocab.renamed'));
          }}
        >
          <div class="grid-2">
            <TextField id={`${idBase}-es`} label={t('vocab.labelEs')} value={es} onValue={setEs} />
            <TextField id={`${idBase}-en`} label={t('vocab.labelEn')} value={en} onValue={setEn} />
          </div>
          <div class="actions">
            <button type="submit" class="btn btn-primary btn-small">
              {t('common.save')}
            </button>
            <button type="button" class="btn btn-small" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <TermTree nodes={node.children} scheme={scheme} onMessage={onMessage} onAddUnder={onAddUnder} />
    </li>
  );
}
