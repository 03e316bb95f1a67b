/**
 * Asks for one open-data file (POST: the search words never land in a URL) and saves it under the
 * server's fixed name (incidents.csv, victims.csv, places.geojson).
 */
import { postForFile } from '../../lib/post-for-file';

export type OpenDataFormat = 'csv-incidents' | 'csv-victims' | 'geojson';
export const FILE_NAMES: Record<OpenDataFormat, string> = { 'csv-incidents': 'incidents.csv', 'csv-victims': 'victims.csv', geojson: 'places.geojson' };

export async function downloadOpenData(csrf: string, body: object): Promise<void> {
  await postForFile('/api/v1/publication/open-data', body, { csrf, nameOf: (d) => /filename="([a-z.]+)"/.exec(d ?? '')?.[1] ?? 'open-data' });
}
