/**
 * The records GeoJSON (RFC 7946): a FeatureCollection with one Point Feature per incident that
 * has a place to draw — its public place, as the map draws it (point.ts); its private point only
 * when identifying values went out for it. Properties are the CSV's columns under the CSV's
 * headers, plus `point_kind` (town, crossing, state, country, private). Incidents with no place are
 * counted, not drawn. Features are serialised as they come (the file is never one big object).
 */
import type { IncidentView } from '../incident/view.js';
import { exportPoint } from './point.js';
import { recordColumns, recordHeader, recordRow, type RecordColumn } from './record-row.js';
import type { ExportWords } from './words.js';

export interface RecordFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, string | number | null>;
}

export function recordFeature(v: IncidentView, w: ExportWords, columns: readonly RecordColumn[]): RecordFeature | null {
  const point = exportPoint(v.place);
  if (!point) return null;
  const row = recordRow(v, w);
  const properties: Record<string, string | number | null> = {};
  for (const c of columns) properties[recordHeader(c, w.lang)] = row[c];
  properties['point_kind'] = point.kind;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [point.lon, point.lat] }, properties };
}

export class RecordsGeoJson {
  private readonly columns: RecordColumn[];
  private readonly features: string[] = [];
  /** incidents drawn, and those with no place to draw */
  rows = 0;
  unplaced = 0;
  constructor(private readonly words: ExportWords, identifying: boolean) {
    this.columns = recordColumns(identifying);
  }
  add(v: IncidentView): void {
    const f = recordFeature(v, this.words, this.columns);
    if (!f) {
      this.unplaced++;
      return;
    }
    this.features.push(`${this.features.length ? ',' : ''}${JSON.stringify(f)}`);
    this.rows++;
  }
  finish(): string[] {
    return ['{"type":"FeatureCollection","features":[', ...this.features, ']}'];
  }
}
