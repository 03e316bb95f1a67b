/** Errors a use case raises; the HTTP layer maps each to one status code and a message that names the field. */
import type { FieldProblem } from '../domain/incident/check-codes.js';

export class ServiceError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly problems?: FieldProblem[]) {
    super(message);
    this.name = 'ServiceError';
  }
}
export const invalid = (problems: FieldProblem[]) =>
  new ServiceError(400, 'invalid', problems.map((p) => `${p.path || '(body)'}: ${p.message}`).join('; '), problems);
export const notFound = (what = 'record') => new ServiceError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'you are not allowed to do this') => new ServiceError(403, 'forbidden', message);
export const conflict = (message: string) => new ServiceError(409, 'conflict', message);
export const unauthorised = (message = 'sign in first') => new ServiceError(401, 'unauthorised', message);
export const sealed = () => new ServiceError(503, 'sealed', 'Bitácora is sealed; a custodian must unseal it');
export const tooMany = (message: string) => new ServiceError(429, 'rate_limited', message);
