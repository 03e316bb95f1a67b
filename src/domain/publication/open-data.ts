/**
 * The open-data files, built from incidents fed one at a time (PublicationFacts): incidents.csv,
 * victims.csv or places.geojson, in Spanish or English, with the workspace's settings. Fixed file
 * names: nothing from the data or the search in them.
 */
import type { PublicationFacts } from './facts.js';
import type { OpenDataSettings } from './settings.js';
import { incidentCells, numberRows } from './incident-rows.js';
import { VictimCounter, type DimensionValues } from './victim-counts.js';
import { placeVictims, victimRows } from './victim-rows.js';
import { placesGeoJson } from './geojson.js';
import { coarsenPlace, placeKey, type CoarsePlace } from './coarse-place.js';
import { header, INCIDENT_COLUMNS, VICTIM_COLUMNS, type Labeller } from './labels.js';
import { csvFile } from './csv.js';

export const OPEN_DATA_FORMATS = ['csv-incidents', 'csv-victims', 'geojson'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

export const OPEN_DATA_FILES: Record<OpenDataFormat, { name: string; type: string }> = {
  'csv-incidents': { name: 'incidents.csv', type: 'text/csv; charset=utf-8' },
  'csv-victims': { name: 'victims.csv', type: 'text/csv; charset=utf-8' },
  geojson: { name: 'places.geojson', type: 'application/geo+json; charset=utf-8' },
};

export interface OpenDataFile { name: string; type: string; text: string; incidents: number; rows: number }

export class OpenDataBuilder {
  private readonly rows: string[][] = [];
  private readonly victims: VictimCounter;
  private readonly perPlace = new Map<string, { place: CoarsePlace; incidents: number }>();
  private incidents = 0;

  constructor(readonly format: OpenDataFormat, private readonly settings: OpenDataSettings, private readonly labels: Labeller) {
    this.victims = new VictimCounter(settings);
  }

  add(f: PublicationFacts): void {
    this.incidents++;
    if (this.format === 'csv-incidents') {
      this.rows.push(incidentCells(f, this.settings, this.labels));
      return;
    }
    this.victims.add(f);
    if (this.format === 'geojson') {
      const place = coarsenPlace(f.place, this.settings.placeLevel);
      const key = placeKey(place);
      const p = this.perPlace.get(key);
      if (p) p.incidents++;
      else this.perPlace.set(key, { place, incidents: 1 });
    }
  }

  finish(values: DimensionValues): OpenDataFile {
    const { name, type } = OPEN_DATA_FILES[this.format];
    const lang = this.labels.lang;
    const base = { name, type, incidents: this.incidents };
    if (this.format === 'csv-incidents') {
      const rows = numberRows(this.rows);
      return { ...base, text: csvFile(INCIDENT_COLUMNS.map((c) => header(c, lang)), rows), rows: rows.length };
    }
    const tallies = this.victims.tallies(values);
    if (this.format === 'csv-victims') {
      const rows = victimRows(tallies, this.settings.k, this.labels);
      return { ...base, text: csvFile(VICTIM_COLUMNS.map((c) => header(c, lang)), rows), rows: rows.length };
    }
    const fc = placesGeoJson(this.perPlace, placeVictims(tallies, this.settings.k), this.labels);
    return { ...base, text: `${JSON.stringify(fc)}\n`, rows: fc.features.length };
  }
}
