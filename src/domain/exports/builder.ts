/**
 * One builder per format, fed one projected incident at a time (project.ts), so an export never
 * holds more than a batch of incident views: what it keeps is the file's own rows, lines or
 * serialised features, handed back as chunks that are sent one after the other (never copied into
 * one string). The XLSX builder keeps the sheet's cells; the service zips them.
 */
import type { IncidentView } from '../incident/view.js';
import type { ExportFormat } from './query.js';
import type { ExportWords } from './words.js';
import { RecordsCsv, RecordsSheet, type SheetCell } from './tabular.js';
import { RecordsGeoJson } from './geojson.js';
import { HuridocsDocument } from './huridocs.js';
import { UwaziCsv } from './uwazi.js';

/** A text file as chunks in order (never joined into one string), or a sheet for the XLSX writer. */
export type BuiltFile = { kind: 'text'; chunks: string[] } | { kind: 'sheet'; name: string; data: SheetCell[][] };

export interface ExportBuilder {
  add(v: IncidentView): void;
  finish(): BuiltFile;
  /** what the audit event says about the file (counts only) */
  counts(): Record<string, number>;
}

export function exportBuilder(format: ExportFormat, words: ExportWords, opts: { identifying: boolean; exportedAt: string }): ExportBuilder {
  switch (format) {
    case 'csv': {
      const b = new RecordsCsv(words, opts.identifying);
      return { add: (v) => b.add(v), finish: () => ({ kind: 'text', chunks: b.finish() }), counts: () => ({ rows: b.rows }) };
    }
    case 'xlsx': {
      const b = new RecordsSheet(words, opts.identifying);
      return { add: (v) => b.add(v), finish: () => ({ kind: 'sheet', name: b.name, data: b.data }), counts: () => ({ rows: b.rows }) };
    }
    case 'geojson': {
      const b = new RecordsGeoJson(words, opts.identifying);
      return { add: (v) => b.add(v), finish: () => ({ kind: 'text', chunks: b.finish() }), counts: () => ({ rows: b.rows, unplaced: b.unplaced }) };
    }
    case 'huridocs': {
      const b = new HuridocsDocument(words, opts.exportedAt);
      return { add: (v) => b.add(v), finish: () => ({ kind: 'text', chunks: b.finish() }), counts: () => ({ rows: b.rows, persons: b.personCount }) };
    }
    case 'uwazi': {
      const b = new UwaziCsv(words, opts.identifying);
      return { add: (v) => b.add(v), finish: () => ({ kind: 'text', chunks: b.finish() }), counts: () => ({ rows: b.rows }) };
    }
  }
}
