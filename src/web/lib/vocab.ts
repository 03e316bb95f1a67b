/** The live vocabularies in the browser: labels in the current language and trees for pickers. */
import type { Scheme, Term, Vocabularies } from '../types';
import { lang } from '../i18n/i18n';

export interface TermNode {
  term: Term;
  depth: number;
  children: TermNode[];
}

export class Vocab {
  readonly schemes: Scheme[];
  private readonly byScheme = new Map<string, Term[]>();
  private readonly byKey = new Map<string, Term>();

  constructor(v: Vocabularies) {
    this.schemes = v.schemes;
    for (const t of v.terms) {
      this.byKey.set(`${t.scheme}:${t.code}`, t);
      const list = this.byScheme.get(t.scheme) ?? [];
      list.push(t);
      this.byScheme.set(t.scheme, list);
    }
    for (const list of this.byScheme.values()) list.sort((a, b) => a.sort - b.sort);
  }

  get(scheme: string, code: string): Term | undefined {
    return this.byKey.get(`${scheme}:${code}`);
  }

  label(scheme: string, code: string | undefined | null): string {
    if (!code) return '';
    return this.get(scheme, code)?.label[lang()] ?? code;
  }

  /** "Autoridades del Estado › México" for a nested term; the plain label for a root. */
  pathLabel(scheme: string, code: string): string {
    const parts: string[] = [];
    let t = this.get(scheme, code);
    if (!t) return code;
    while (t) {
      parts.unshift(t.label[lang()]);
      t = t.parent ? this.get(scheme, t.parent) : undefined;
    }
    return parts.join(' › ');
  }

  /** Like pathLabel, without the top level when the term is three levels deep ("México › Policía municipal"). */
  shortPath(scheme: string, code: string): string {
    const parts = this.pathLabel(scheme, code).split(' › ');
    return (parts.length >= 3 ? parts.slice(1) : parts).join(' › ');
  }

  schemeLabel(id: string): string {
    return this.schemes.find((s) => s.id === id)?.label[lang()] ?? id;
  }

  terms(scheme: string): Term[] {
    return this.byScheme.get(scheme) ?? [];
  }

  tree(scheme: string): TermNode[] {
    const nodes = new Map<string, TermNode>();
    const roots: TermNode[] = [];
    for (const t of this.terms(scheme)) nodes.set(t.code, { term: t, depth: 0, children: [] });
    for (const t of this.terms(scheme)) {
      const n = nodes.get(t.code)!;
      const p = t.parent ? nodes.get(t.parent) : undefined;
      if (p) p.children.push(n);
      else roots.push(n);
    }
    const setDepth = (list: TermNode[], d: number) => {
      for (const n of list) {
        n.depth = d;
        setDepth(n.children, d + 1);
      }
    };
    setDepth(roots, 0);
    return roots;
  }
}

/** Depth-first list of a tree, keeping retired terms only where `keep` asks for them. */
export function flatten(nodes: TermNode[], keep: (t: Term) => boolean): TermNode[] {
  const out: TermNode[] = [];
  const walk = (list: TermNode[]) => {
    for (const n of list) {
      if (!n.term.retired || keep(n.term)) out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}
