/**
 * Writes an interchange document as JSON text piece by piece: exactly the text of
 * `JSON.stringify(doc, null, 2)` followed by a newline, but built one list element at a time, with
 * each evidence file's base64 taken from a stream instead of from the document (whose `base64`
 * fields are left empty). So the text of a whole document is never held at once, and of the
 * evidence files only the piece being written.
 */
import { randomBytes } from 'node:crypto';
import type { InterchangeDocument } from './interchange-format.js';

/** Where the text goes; awaited, so a slow reader slows the writer down instead of filling memory. */
export type Sink = (text: string) => void | Promise<void>;

export type FilePieces = (item: number, which: 'original' | 'viewCopy') => AsyncIterable<string>;

/** Pieces are collected up to this many characters before the sink is called. */
const FLUSH_AT = 256 * 1024;

const indent = (json: string, by: string) => json.replaceAll('\n', `\n${by}`);

export async function writeDocument(doc: InterchangeDocument, sink: Sink, files: FilePieces): Promise<void> {
  let buffer = '';
  const put = async (text: string) => {
    buffer += text;
    if (buffer.length >= FLUSH_AT) {
      const out = buffer;
      buffer = '';
      await sink(out);
    }
  };

  // a marker no typed text can hold by chance: where an item's file goes in its JSON text
  const nonce = randomBytes(16).toString('hex');
  const marker = (which: string) => `bitacora-file-${nonce}-${which}`;

  const writeEvidenceItem = async (i: number) => {
    const item = doc.evidence[i]!;
    const withMarkers = {
      ...item,
      original: { ...item.original, base64: marker('original') },
      ...(item.viewCopy ? { viewCopy: { ...item.viewCopy, base64: marker('viewCopy') } } : {}),
    };
    const text = indent(JSON.stringify(withMarkers, null, 2), '    ');
    const spots = (['original', 'viewCopy'] as const)
      .map((which) => ({ which, at: text.indexOf(`"${marker(which)}"`) }))
      .filter((s) => s.at >= 0)
      .sort((a, b) => a.at - b.at);
    let from = 0;
    for (const { which, at } of spots) {
      await put(`${text.slice(from, at)}"`);
      for await (const piece of files(i, which)) await put(piece);
      await put('"');
      from = at + marker(which).length + 2;
    }
    await put(text.slice(from));
  };

  await put('{');
  let first = true;
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    await put(`${first ? '' : ','}\n  ${JSON.stringify(key)}: `);
    first = false;
    if (!Array.isArray(value) || value.length === 0) {
      await put(indent(JSON.stringify(value, null, 2), '  '));
      continue;
    }
    await put('[');
    for (let i = 0; i < value.length; i++) {
      await put(`${i ? ',' : ''}\n    `);
      if (key === 'evidence') await writeEvidenceItem(i);
      else await put(indent(JSON.stringify(value[i], null, 2), '    '));
    }
    await put('\n  ]');
  }
  await put('\n}\n');
  if (buffer) await sink(buffer);
}
