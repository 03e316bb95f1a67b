/** Risk assessments of people and organisations (ADR 0014): read one with its history, record a new version, the list of re-assessments due. */
import { z } from 'zod';
import { defineRoute, idParams } from '../route.js';
import { riskAssessmentInputSchema } from '../../domain/risk/assessment.js';
import { assessRisk } from '../../services/risk/assess-risk.js';
import { readAssessment, riskOverview } from '../../services/risk/read-risk.js';
import { dueAssessments } from '../../services/risk/risk-due.js';

const versionParams = idParams.extend({ version: z.string().regex(/^[1-9]\d{0,5}$/, { message: 'must be a version number' }) }).strict();

export function riskRoutes() {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/actors/:id/risk', tag: 'risk', summary: 'The risk assessments of a person or organisation: every version\'s date, level and score, and whether a re-assessment is due (no factors)',
      policy: { access: 'user', permission: 'risk.read' }, params: idParams,
      handler: async ({ svc, params }) => riskOverview(svc, params.id),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/actors/:id/risk/:version', tag: 'risk', summary: 'One version of a risk assessment with its factors, evidence and conclusions (audited)',
      policy: { access: 'user', permission: 'risk.read' }, params: versionParams,
      handler: async ({ svc, params }) => readAssessment(svc, params.id, Number(params.version)),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/actors/:id/risk', tag: 'risk', summary: 'Record a new risk assessment (threats × vulnerabilities ÷ capacities, each factor with its evidence); earlier versions are kept',
      policy: { access: 'user', permission: 'risk.write' }, params: idParams, body: riskAssessmentInputSchema, status: 201,
      handler: async ({ svc, params, body }) => assessRisk(svc, params.id, body),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/risk/due', tag: 'risk', summary: 'People and organisations whose risk assessment is out of date: a serious incident recorded since, or the review day passed',
      policy: { access: 'user', permission: 'risk.read' },
      handler: async ({ svc }) => dueAssessments(svc),
    }),
  ];
}
