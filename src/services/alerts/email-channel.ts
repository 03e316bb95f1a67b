/**
 * Alerts by e-mail (ADR 0018): the organisation's SMTP server through nodemailer. The message is
 * the alert's subject (the reference only) and its one line of text with the link — nothing
 * else: no name of the recipient, no workspace name, no attachment. A failure is reduced to a
 * short code; the server's own words are never kept.
 */
import { createTransport } from 'nodemailer';
import type { SMTP_TLS } from '../../domain/alerts/settings.js';

export interface SmtpServer {
  host: string;
  port: number;
  tls: (typeof SMTP_TLS)[number];
  user?: string | undefined;
  password?: string | undefined;
}

export interface EmailMessage { from: string; to: string; subject: string; text: string }

export interface EmailSender {
  send(m: EmailMessage): Promise<void>;
  close(): void;
}

/** One SMTP connection setting for a round of sending; `tls`: 'tls' = TLS from the start, 'starttls' = required upgrade, 'none' = plain (a relay on loopback). */
export function smtpSender(s: SmtpServer): EmailSender {
  const transport = createTransport({
    host: s.host,
    port: s.port,
    secure: s.tls === 'tls',
    requireTLS: s.tls === 'starttls',
    ignoreTLS: s.tls === 'none',
    ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(m) {
      await transport.sendMail({ from: m.from, to: m.to, subject: m.subject, text: m.text, disableFileAccess: true, disableUrlAccess: true });
    },
    close() {
      transport.close();
    },
  };
}

/** A short code for a failed sending (what the delivery record keeps). */
export function smtpErrorCode(e: unknown): string {
  const err = (e ?? {}) as { code?: unknown; syscall?: unknown; responseCode?: unknown };
  switch (err.code) {
    case 'ETIMEDOUT': return 'timeout';
    case 'EAUTH':
    case 'ENOAUTH': return 'smtp_auth';
    case 'EENVELOPE':
    case 'EMESSAGE': return 'smtp_refused';
    case 'ETLS':
    case 'EREQUIRETLS': return 'smtp_tls';
    case 'EDNS': return 'smtp_dns';
    case 'EPROTOCOL': return 'smtp_protocol';
    case 'ESOCKET':
    case 'ECONNECTION': return err.syscall === 'connect' || err.syscall === 'getaddrinfo' ? 'smtp_unreachable' : 'smtp_connection';
    case 'ECONNREFUSED': return 'smtp_unreachable';
    default: return typeof err.responseCode === 'number' && err.responseCode >= 400 && err.responseCode < 600 ? `smtp_${err.responseCode}` : 'smtp_error';
  }
}
