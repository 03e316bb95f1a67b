/** Accompaniment figures (ADR 0024): hearings attended and missed, outcomes, people by month and route — the organisation's own, exact. */
import { defineRoute, type AnyRoute } from '../route.js';
import { accompanimentFigures, figuresQuerySchema } from '../../services/accompaniment/figures/accompaniment-figures.js';

export function accompanimentFigureRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/accompaniment/figures', tag: 'accompaniment', summary: 'The organisation\'s accompaniment figures for a period: attendance, outcomes, people by month and route',
      policy: { access: 'user', permission: 'accompaniment.read' }, body: figuresQuerySchema,
      handler: async ({ svc, body }) => accompanimentFigures(svc, body),
    }),
  ];
}
