/** Uploading evidence (multipart, streamed) and capturing online threats (issue 7). Filled in by the intake part. */
import type { AnyRoute } from '../route.js';

export function evidenceUploadRoutes(): AnyRoute[] {
  return [];
}
