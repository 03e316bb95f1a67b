/**
 * Transport runs (ADR 0024): plan, preview, the day and week view, one's own trips, marks of the day,
 * status. Reading a run, marking and the meeting points are open to every signed-in role at the
 * route: drivers, escorts and partners may hold any role, and who reaches which run is decided in
 * one place (services/accompaniment/run-access.ts) — anyone else gets 404.
 */
import { defineRoute, idParams, type AnyRoute } from '../route.js';
import { meetingPointsSchema, planQuerySchema, runInputSchema, runStatusSchema, runUpdateSchema } from '../../domain/accompaniment/run.js';
import { markInputSchema } from '../../domain/accompaniment/marks.js';
import { createRun, previewRun, updateRun } from '../../services/accompaniment/runs/save-run.js';
import { myRuns, readRun } from '../../services/accompaniment/runs/read-run.js';
import { changeRunStatus } from '../../services/accompaniment/runs/run-status.js';
import { readMeetingPoints } from '../../services/accompaniment/runs/meeting-points.js';
import { markPassenger } from '../../services/accompaniment/tracking/mark-passenger.js';
import { planView } from '../../services/accompaniment/plan/plan-view.js';

const BASE = '/api/v1/accompaniment';

export function runRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST', url: `${BASE}/runs/preview`, tag: 'accompaniment', summary: 'The plan of a run, nothing saved: each leg\'s departure and arrival at its own place\'s zone, planned backwards from the presentation, and every problem',
      policy: { access: 'user', permission: 'accompaniment.write' }, body: runInputSchema,
      handler: async ({ svc, body }) => previewRun(svc, body),
    }),
    defineRoute({
      method: 'POST', url: `${BASE}/runs`, tag: 'accompaniment', summary: 'Plan a transport run: legs, seats, driver or escort, partner hand-offs, passengers and the hearings they go to',
      policy: { access: 'user', permission: 'accompaniment.write' }, body: runInputSchema, status: 201,
      handler: async ({ svc, body }) => createRun(svc, body),
    }),
    defineRoute({
      method: 'GET', url: `${BASE}/runs/:id`, tag: 'accompaniment', summary: 'One run: the whole run for its organisation; the trip (legs, this run\'s passengers\' pseudonyms and needs) for its drivers, escorts and partners while it is planned or underway',
      policy: { access: 'user' }, params: idParams,
      handler: async ({ svc, params }) => readRun(svc, params.id),
    }),
    defineRoute({
      method: 'PUT', url: `${BASE}/runs/:id`, tag: 'accompaniment', summary: 'Change a planned or underway run (the version seen: a stale one is refused); marks of the passengers and legs that remain are kept',
      policy: { access: 'user', permission: 'accompaniment.write' }, params: idParams, body: runUpdateSchema,
      handler: async ({ svc, params, body }) => updateRun(svc, params.id, body),
    }),
    defineRoute({
      method: 'POST', url: `${BASE}/runs/:id/status`, tag: 'accompaniment', summary: 'Start, end or cancel a run (the version seen); ending or cancelling ends its drivers\', escorts\' and partners\' access',
      policy: { access: 'user', permission: 'accompaniment.write' }, params: idParams, body: runStatusSchema,
      handler: async ({ svc, params, body }) => changeRunStatus(svc, params.id, body),
    }),
    defineRoute({
      method: 'POST', url: `${BASE}/runs/:id/marks`, tag: 'accompaniment', summary: 'One tap: a passenger picked up, arrived, presented, returned or missed on a leg (a driver or partner on their own legs only); missed alerts the coordinator',
      policy: { access: 'user' }, params: idParams, body: markInputSchema,
      handler: async ({ svc, params, body }) => markPassenger(svc, params.id, body),
    }),
    defineRoute({
      method: 'POST', url: `${BASE}/runs/:id/meeting-points`, tag: 'accompaniment', summary: 'The audited look at a run\'s meeting points: every leg\'s for the organisation with identifying.read, their own legs\' for a driver, escort or partner',
      policy: { access: 'user' }, params: idParams, body: meetingPointsSchema,
      handler: async ({ svc, params }) => readMeetingPoints(svc, params.id),
    }),
    defineRoute({
      method: 'GET', url: `${BASE}/my-runs`, tag: 'accompaniment', summary: 'The runs one drives, escorts or takes over for one\'s organisation, planned or underway',
      policy: { access: 'user' },
      handler: async ({ svc }) => myRuns(svc),
    }),
    defineRoute({
      method: 'POST', url: `${BASE}/plan`, tag: 'accompaniment', summary: 'The day and week view (at most 31 days): hearings, runs, seats needed and planned, conflicts and over-capacity',
      policy: { access: 'user', permission: 'accompaniment.read' }, body: planQuerySchema,
      handler: async ({ svc, body }) => planView(svc, body),
    }),
  ];
}
