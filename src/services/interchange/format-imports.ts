/**
 * The interchange format's record of imports (version 2, docs/interchange.md; ADR 0020): saved
 * import mappings (column headers and category values, never rows) and the committed imports that
 * made incidents (`incidents[].importRunId`).
 */
import { z } from 'zod';
import { uuid } from '../../domain/text.js';
import { instant, userRef, recordVersion, verbatim } from './format-common.js';

export const IMPORT_FORMATS = ['csv', 'tsv', 'xlsx', 'json'] as const;

export const importMappingRecordSchema = z.strictObject({
  id: uuid,
  orgId: uuid,
  /** unique within its organisation */
  name: verbatim(500, 1),
  /** the saved mapping as stored (columns, values, defaults, options): checked against the app's mapping rules on import */
  mapping: z.record(z.string(), z.json()),
  createdAt: instant,
  createdBy: userRef,
  updatedAt: instant,
  updatedBy: userRef,
  version: recordVersion,
});

export const importRunSchema = z.strictObject({
  id: uuid,
  orgId: uuid,
  at: instant,
  userId: userRef,
  format: z.enum(IMPORT_FORMATS),
  rows: z.number().int().min(0),
  incidents: z.number().int().min(0),
  warnings: z.number().int().min(0),
  /** the saved mapping used (`importMappings`), when there was one */
  mappingId: uuid.optional(),
});
