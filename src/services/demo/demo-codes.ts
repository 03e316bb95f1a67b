/**
 * Vocabulary checks for the demo generator: every code it writes goes through `Codes.c`, so a term
 * that is missing from, or retired in, the workspace vocabulary fails loudly instead of producing
 * invalid demo data. Checked terms are remembered.
 */
import type { ServiceContext } from '../context.js';

export class Codes {
  private readonly ok = new Set<string>();
  constructor(private readonly vocab: ServiceContext['vocab']) {}
  c(scheme: string, code: string): string {
    const key = `${scheme}:${code}`;
    if (this.ok.has(key)) return code;
    const status = this.vocab.status(scheme, code);
    if (status !== 'active') throw new Error(`demo data needs the term "${code}" in vocabulary ${scheme}, which is ${status ?? 'missing'}`);
    this.ok.add(key);
    return code;
  }
}
