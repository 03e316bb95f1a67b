/** Reading a table of hearing notices in the browser: its format from its name, its bytes as base64. */

/** 'csv' or 'xlsx' from the file's name (or its type); null for anything else. */
export function bulkFormatOf(name: string, type = ''): 'csv' | 'xlsx' | null {
  const n = name.toLowerCase();
  if (n.endsWith('.xlsx') || type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  if (n.endsWith('.csv') || type === 'text/csv') return 'csv';
  return null;
}

/** Bytes as standard base64, a slice at a time (a long argument list would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
