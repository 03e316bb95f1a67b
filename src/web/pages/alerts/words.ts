/** What the alert API answers (src/services/alerts/*) and how an alert reads on screen — the same words as the e-mails (src/domain/alerts/alert.ts). */
import { t, type MessageKey } from '../../i18n/i18n';

export type AlertKind = 'urgent_opened' | 'step_overdue' | 'checkin_missed' | 'checkin_duress' | 'checkin_late' | 'measure_renewal' | 'run_unmarked' | 'run_missed' | 'test';
export interface InboxAlert { deliveryId: string; alertId: string; kind: AlertKind; ref: string; link: string; createdAt: string; readAt: string | null }
export interface Inbox { items: InboxAlert[]; unread: number }

export type SmtpTls = 'none' | 'starttls' | 'tls';
export interface AlertSettings {
  baseUrl?: string;
  responders: string[];
  email?: { enabled: boolean; host: string; port: number; tls: SmtpTls; user?: string; from: string; hasPassword: boolean };
  webhooks: { id: string; name: string; url: string; enabled: boolean; hasSecret: true; newSecret?: string }[];
  renewalDays: number;
  people: { id: string; displayName: string }[];
}
export interface DeliveryRecord {
  id: string; alertId: string; kind: AlertKind; ref: string; channel: 'app' | 'email' | 'webhook'; target: string; targetName: string | null;
  status: 'pending' | 'sent' | 'failed'; attempts: number; nextAttemptAt: string | null; sentAt: string | null; lastError: string | null; createdAt: string;
}

const TEXT: Record<AlertKind, MessageKey> = {
  urgent_opened: 'alerts.text.urgent_opened',
  step_overdue: 'alerts.text.step_overdue',
  checkin_missed: 'alerts.text.checkin_missed',
  checkin_duress: 'alerts.text.checkin_duress',
  checkin_late: 'alerts.text.checkin_late',
  measure_renewal: 'alerts.text.measure_renewal',
  run_unmarked: 'alerts.text.run_unmarked',
  run_missed: 'alerts.text.run_missed',
  test: 'alerts.text.test',
};
const KIND: Record<AlertKind, MessageKey> = {
  urgent_opened: 'alerts.kind.urgent_opened',
  step_overdue: 'alerts.kind.step_overdue',
  checkin_missed: 'alerts.kind.checkin_missed',
  checkin_duress: 'alerts.kind.checkin_duress',
  checkin_late: 'alerts.kind.checkin_late',
  measure_renewal: 'alerts.kind.measure_renewal',
  run_unmarked: 'alerts.kind.run_unmarked',
  run_missed: 'alerts.kind.run_missed',
  test: 'alerts.kind.test',
};

/** The alert's sentence, with its reference (as in the e-mail, without the link). */
export function alertSentence(a: { kind: AlertKind; ref: string }): string {
  return TEXT[a.kind] ? t(TEXT[a.kind], { ref: a.ref }) : a.ref;
}

export function kindName(kind: AlertKind): string {
  return KIND[kind] ? t(KIND[kind]) : kind;
}

/** The app's path of an alert's link (an absolute link is the workspace's address plus the path). */
export function appPath(link: string): string {
  if (link.startsWith('/') && !link.startsWith('//')) return link;
  try {
    const u = new URL(link);
    return u.pathname + u.search;
  } catch {
    return '/alerts';
  }
}

const CHANNEL: Record<DeliveryRecord['channel'], MessageKey> = { app: 'alerts.channel.app', email: 'alerts.channel.email', webhook: 'alerts.channel.webhook' };
const STATUS: Record<DeliveryRecord['status'], MessageKey> = { pending: 'alerts.status.pending', sent: 'alerts.status.sent', failed: 'alerts.status.failed' };
export const channelName = (c: DeliveryRecord['channel']) => (CHANNEL[c] ? t(CHANNEL[c]) : c);
export const statusName = (s: DeliveryRecord['status']) => (STATUS[s] ? t(STATUS[s]) : s);
