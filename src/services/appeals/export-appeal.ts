/**
 * An appeal's letter as a PDF, as the drafter left it, with a fixed file name by its language
 * (never a name or a reference). Audited as 'appeal.exported': the file may hold real names.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { renderAppealPdf } from '../../domain/appeal/render-pdf.js';
import { APPEAL_PDF_NAMES } from '../../domain/appeal/bodies.js';
import { loadAppeal } from './read-appeals.js';

export async function exportAppealPdf(ctx: ServiceContext, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  requirePermission(ctx, 'response.read');
  const appeal = await loadAppeal(ctx, id);
  const pdf = await renderAppealPdf(appeal.letter, appeal.lang);
  await ctx.store.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'appeal.exported', targetType: 'appeal', targetId: id, detail: { caseId: appeal.caseId, version: appeal.version, format: 'pdf' } });
  return { pdf, fileName: APPEAL_PDF_NAMES[appeal.lang] };
}
