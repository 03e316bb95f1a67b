/**
 * Asks for one records export (POST: the search words never land in a URL) and saves it under the
 * server's fixed name (bitacora-incidents.csv, .xlsx, .geojson, .huridocs.json, .uwazi.csv).
 */
import { postForFile } from '../../lib/post-for-file';

export type ExportFormat = 'csv' | 'xlsx' | 'geojson' | 'huridocs' | 'uwazi';
export type ExportPurpose = 'internal' | 'partners';
export const FORMATS: ExportFormat[] = ['csv', 'xlsx', 'geojson', 'huridocs', 'uwazi'];

/** Returns the name the file was saved under. */
export function downloadExport(csrf: string, body: object): Promise<string> {
  return postForFile('/api/v1/exports', body, { csrf, nameOf: (d) => /filename="([a-z.-]+)"/.exec(d ?? '')?.[1] ?? 'bitacora-incidents' });
}
