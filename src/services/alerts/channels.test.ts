/**
 * The two outside channels against real servers on loopback: a webhook POST carries the exact body
 * signed with HMAC-SHA-256 and the alert's id; a redirect is not followed, a non-2xx answer, a
 * closed port and a receiver that never answers are failures with a short code. SMTP failures are
 * reduced to a short code, never the server's words.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { postWebhook, webhookSignature, WebhookError, type WebhookPayload } from './webhook-channel.js';
import { smtpErrorCode, smtpSender } from './email-channel.js';
import { closedPort, smtpReceiver } from '../../../test/helpers/alert-receivers.js';

const servers: Server[] = [];
afterAll(async () => { for (const s of servers) { s.closeAllConnections(); await new Promise((r) => s.close(r)); } });

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

const payload: WebhookPayload = { id: 'a1', kind: 'test', ref: 'TEST-0001', link: '/alerts', createdAt: '2026-01-01T00:00:00.000Z', text: { es: 'Prueba', en: 'Test' } };
const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof WebhookError ? e.code : `other: ${String(e)}`));

describe('webhook channel', () => {
  it('signs the exact body it sends', async () => {
    const got: { body: string; sig: string; alert: string; type: string }[] = [];
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        got.push({ body, sig: String(req.headers['x-bitacora-signature']), alert: String(req.headers['x-bitacora-alert']), type: String(req.headers['content-type']) });
        res.writeHead(204).end();
      });
    });
    await postWebhook(`${url}/x`, 'clave-compartida-1234', payload);
    expect(got).toHaveLength(1);
    expect(JSON.parse(got[0]!.body)).toEqual(payload);
    // computed independently of src/crypto
    expect(got[0]!.sig).toBe(`sha256=${createHmac('sha256', 'clave-compartida-1234').update(got[0]!.body).digest('hex')}`);
    expect(webhookSignature('clave-compartida-1234', got[0]!.body)).toBe(got[0]!.sig);
    expect(got[0]!.alert).toBe('a1');
    expect(got[0]!.type).toBe('application/json');
  });

  it('fails on a redirect (not followed), a non-2xx answer, a closed port and silence', async () => {
    let followed = 0;
    const target = await serve((_req, res) => { followed++; res.writeHead(200).end(); });
    const redirect = await serve((_req, res) => { res.writeHead(302, { location: `${target}/y` }).end(); });
    expect(await code(postWebhook(redirect, 's', payload))).toBe('http_302');
    expect(followed).toBe(0);
    const error = await serve((_req, res) => { res.writeHead(503).end('the far side explains at length'); });
    expect(await code(postWebhook(error, 's', payload))).toBe('http_503');
    expect(await code(postWebhook(`http://127.0.0.1:${await closedPort()}/`, 's', payload))).toBe('unreachable');
    const silent = await serve(() => undefined);
    expect(await code(postWebhook(silent, 's', payload, 300))).toBe('timeout');
    expect(await code(postWebhook('ftp://127.0.0.1/x', 's', payload))).toBe('bad_url');
  });
});

describe('e-mail channel', () => {
  it('sends the subject and one line, and reduces failures to a short code', async () => {
    const rx = await smtpReceiver();
    try {
      const sender = smtpSender({ host: '127.0.0.1', port: rx.port, tls: 'none' });
      await sender.send({ from: 'alertas@example.org', to: 'tomas@example.org', subject: 'Bitácora: URG-0001', text: 'Se abrió el caso urgente URG-0001.' });
      sender.close();
      expect(rx.messages.map((m) => [m.from, m.to])).toEqual([['alertas@example.org', ['tomas@example.org']]]);
    } finally {
      await rx.close();
    }
    const down = smtpSender({ host: '127.0.0.1', port: await closedPort(), tls: 'none' });
    expect(await down.send({ from: 'a@example.org', to: 'b@example.org', subject: 's', text: 't' }).then(() => 'ok', smtpErrorCode)).toBe('smtp_unreachable');
    down.close();
    expect(smtpErrorCode({ code: 'EAUTH', response: '535 secret words' })).toBe('smtp_auth');
    expect(smtpErrorCode({ code: 'EENVELOPE', responseCode: 550 })).toBe('smtp_refused');
    expect(smtpErrorCode({ code: 'ETIMEDOUT' })).toBe('timeout');
    expect(smtpErrorCode({ responseCode: 451, message: 'try later, says the server' })).toBe('smtp_451');
    expect(smtpErrorCode(new Error('anything'))).toBe('smtp_error');
  });
});
