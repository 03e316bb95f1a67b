/**
 * The interchange format's record of duplicates (version 2, docs/interchange.md; ADR 0023): pairs
 * of incidents someone said are not the same event, so they are not suggested again. (Where a
 * merged incident went is `incidents[].mergedInto`.)
 */
import { z } from 'zod';
import { uuid } from '../../domain/text.js';
import { instant, userRef } from './format-common.js';

export const duplicateDismissalSchema = z.strictObject({
  /** the two incidents, in code-unit order (incidentA < incidentB), each in the file or the importing workspace */
  incidentA: uuid,
  incidentB: uuid,
  dismissedAt: instant,
  /** who said so (a user reference) */
  dismissedBy: userRef,
});
