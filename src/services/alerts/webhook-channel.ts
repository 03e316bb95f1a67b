/**
 * Alerts by webhook (ADR 0018): a JSON POST to the bridge the organisation runs, signed with
 * HMAC-SHA-256 of the exact body under the webhook's secret (`X-Bitacora-Signature:
 * sha256=<hex>`), the alert's id in `X-Bitacora-Alert`. 10 seconds at most, no redirect
 * followed, anything but a 2xx answer is a failure — recorded as a short code, never the far
 * side's words.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { hmacSha256 } from '../../crypto/mac.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookPayload {
  id: string;
  kind: string;
  ref: string;
  link: string;
  createdAt: string;
  text: { es: string; en: string };
}

export function webhookSignature(secret: string, body: string): string {
  return `sha256=${hmacSha256(Buffer.from(secret, 'utf8'), body).toString('hex')}`;
}

export class WebhookError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'WebhookError';
  }
}

/** POSTs the payload (an alert, or a reminder to the organisation's bridge), signed; resolves on a 2xx answer, rejects with a WebhookError carrying a short code otherwise. */
export function postWebhook(url: string, secret: string, payload: WebhookPayload | { type: string }, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<void> {
  const body = JSON.stringify(payload);
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(new WebhookError('bad_url'));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return Promise.reject(new WebhookError('bad_url'));
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = (err?: WebhookError) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    };
    const req = send(target, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'Bitacora',
        'x-bitacora-signature': webhookSignature(secret, body),
        ...('id' in payload ? { 'x-bitacora-alert': payload.id } : {}),
      },
    }, (res) => {
      const status = res.statusCode ?? 0;
      res.resume();
      res.on('error', () => undefined);
      if (status >= 200 && status < 300) finish();
      else finish(new WebhookError(`http_${status}`));
    });
    const timer = setTimeout(() => {
      finish(new WebhookError('timeout'));
      req.destroy();
    }, timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => finish(new WebhookError(networkCode(e))));
    req.end(body);
  });
}

function networkCode(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ECONNREFUSED': return 'unreachable';
    case 'ECONNRESET': return 'connection_reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN': return 'dns';
    case 'ETIMEDOUT': return 'timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH': return 'unreachable';
    default: return typeof e.code === 'string' && e.code.startsWith('ERR_TLS') || /CERT|SSL/.test(e.code ?? '') ? 'tls' : 'network';
  }
}
