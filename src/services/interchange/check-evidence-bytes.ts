/**
 * Checks every evidence file a document carries before anything is written: well-formed base64,
 * the declared size, the declared SHA-256 — for an original, the hash taken when it first arrived —
 * and the total against the format's limit. One changed byte anywhere is a problem naming the item,
 * and the whole import is refused (docs/interchange.md, "Evidence").
 */
import { createHash } from 'node:crypto';
import type { FieldProblem } from '../../domain/incident/check-codes.js';
import { MAX_INTERCHANGE_FILE_BYTES } from './format-evidence.js';

interface FileBytes { size: number; sha256: string; base64: string }
interface ItemFiles { id: string; original: FileBytes; viewCopy?: FileBytes | undefined }

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The decoded bytes, or a reason they cannot be (not base64, or not the declared size). */
export function decodeFileBytes(f: FileBytes): Buffer | string {
  if (f.base64.length % 4 !== 0 || !BASE64.test(f.base64)) return 'is not standard base64 (A–Z, a–z, 0–9, +, / and = padding)';
  const bytes = Buffer.from(f.base64, 'base64');
  if (bytes.length !== f.size) return `holds ${bytes.length} bytes, not the declared size ${f.size}`;
  return bytes;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function checkEvidenceBytes(items: readonly ItemFiles[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let total = 0;
  items.forEach((item, i) => {
    for (const which of ['original', 'viewCopy'] as const) {
      const f = item[which];
      if (!f) continue;
      total += f.size;
      const path = `evidence[${i}].${which}`;
      const bytes = decodeFileBytes(f);
      if (typeof bytes === 'string') {
        problems.push({ path: `${path}.base64`, message: `${bytes} (evidence item ${item.id})` });
        continue;
      }
      const hash = sha256Of(bytes);
      if (hash !== f.sha256) {
        problems.push({ path: `${path}.base64`, message: `the bytes of evidence item ${item.id} do not match their SHA-256 (${f.sha256}; these give ${hash}): the file was changed or damaged since it was exported` });
      }
    }
  });
  if (total > MAX_INTERCHANGE_FILE_BYTES) {
    problems.push({ path: 'evidence', message: `the files add up to ${total} bytes; a document carries at most ${MAX_INTERCHANGE_FILE_BYTES} (move a workspace with more evidence with a backup and restore)` });
  }
  return problems;
}
