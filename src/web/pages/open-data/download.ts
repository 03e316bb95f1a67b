/**
 * Asks for one open-data file (POST: the search words never land in a URL) and saves it under the
 * server's fixed name (incidents.csv, victims.csv, places.geojson) through a Blob URL revoked right
 * after. Errors come back as ApiError, like every other call.
 */
import { ApiError, type Problem } from '../../api';

export type OpenDataFormat = 'csv-incidents' | 'csv-victims' | 'geojson';
export const FILE_NAMES: Record<OpenDataFormat, string> = { 'csv-incidents': 'incidents.csv', 'csv-victims': 'victims.csv', geojson: 'places.geojson' };

export async function downloadOpenData(csrf: string, body: object): Promise<void> {
  let res: Response;
  try {
    res = await fetch('/api/v1/publication/open-data', {
      method: 'POST', credentials: 'same-origin', cache: 'no-store', referrerPolicy: 'no-referrer',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (!res.ok) {
    let err: { error?: string; message?: string; problems?: Problem[] } = {};
    try {
      err = (await res.json()) as typeof err;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, err.error ?? `http_${res.status}`, err.message ?? '', err.problems ?? []);
  }
  const name = /filename="([a-z.]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'open-data';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
