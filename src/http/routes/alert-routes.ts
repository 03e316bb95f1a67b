/** Alerts (issue 6, ADR 0018): a person's alerts in the app; the administrators' channels and delivery record. */
import { z } from 'zod';
import { defineRoute, idParams, type AnyRoute } from '../route.js';
import { alertSettingsInputSchema } from '../../domain/alerts/settings.js';
import { myAlerts, markAlertRead } from '../../services/alerts/inbox.js';
import { alertSettings, setAlertSettings } from '../../services/alerts/alert-settings.js';
import { sendTestAlert } from '../../services/alerts/test-alert.js';
import { deliveryRecord } from '../../services/alerts/delivery-record.js';

export function alertRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/alerts', tag: 'alerts', summary: 'One\'s own alerts in the app, newest first (kind, reference, link — nothing else), with the unread count',
      policy: { access: 'user' },
      handler: async ({ svc }) => myAlerts(svc),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/alerts/:id/read', tag: 'alerts', summary: 'Mark one of one\'s own alerts read (the id of its delivery)',
      policy: { access: 'user' }, params: idParams, body: z.object({}).strict().optional(),
      handler: async ({ svc, params }) => markAlertRead(svc, params.id),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/alerts/settings', tag: 'alerts', summary: 'Where alerts go: responders, the e-mail server, webhooks, the workspace\'s address, renewal days (never a password or secret)',
      policy: { access: 'user', permission: 'alerts.admin' },
      handler: async ({ svc }) => alertSettings(svc),
    }),
    defineRoute({
      method: 'PUT', url: '/api/v1/alerts/settings', tag: 'alerts', summary: 'Change where alerts go (audited without secrets); a new webhook\'s generated secret is answered once',
      policy: { access: 'user', permission: 'alerts.admin' }, body: alertSettingsInputSchema, compress: false,
      handler: async ({ svc, body }) => setAlertSettings(svc, body),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/alerts/test', tag: 'alerts', summary: 'Raise a test alert to oneself and the responders, by every channel',
      policy: { access: 'user', permission: 'alerts.admin' }, body: z.object({}).strict().optional(), rateLimit: 10, status: 202,
      handler: async ({ svc }) => sendTestAlert(svc),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/alerts/deliveries', tag: 'alerts', summary: 'The record of every delivery: channel, target\'s name (never an address), status, attempts, last error code',
      policy: { access: 'user', permission: 'alerts.admin' },
      handler: async ({ svc }) => deliveryRecord(svc),
    }),
  ];
}
