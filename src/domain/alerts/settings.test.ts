import { describe, it, expect } from 'vitest';
import { alertSettingsInputSchema, alertSettingsView, storedAlertSettingsSchema } from './settings.js';

const base = { responders: [], webhooks: [], renewalDays: 30 };
const problemsAt = (v: unknown) => {
  const r = alertSettingsInputSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('alert settings input', () => {
  it('takes http(s) addresses with a host, and refuses everything else', () => {
    for (const url of ['https://hook.example.org/x?room=1', 'http://127.0.0.1:9000/h', 'http://[::1]:8080/h'])
      expect(problemsAt({ ...base, webhooks: [{ name: 'W', url, enabled: true }] }), url).toEqual([]);
    for (const url of ['hook.example.org', 'ftp://h.example.org', 'javascript:alert(1)', 'data:text/plain,x', 'https://u:p@h.example.org', 'http://', ''])
      expect(problemsAt({ ...base, webhooks: [{ name: 'W', url, enabled: true }] }), url).toEqual(['webhooks.0.url']);
  });

  it('takes the workspace address without a query or fragment', () => {
    expect(problemsAt({ ...base, baseUrl: 'https://bitacora.example.org/app/' })).toEqual([]);
    for (const baseUrl of ['https://b.example.org/?x=1', 'https://b.example.org/#x', 'https://b.example.org/?', 'mailto:a@b.example'])
      expect(problemsAt({ ...base, baseUrl }), baseUrl).toEqual(['baseUrl']);
  });

  it('refuses a webhook id given twice and unknown fields', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(problemsAt({ ...base, webhooks: [{ id, name: 'A', url: 'https://a.example.org', enabled: true }, { id, name: 'B', url: 'https://b.example.org', enabled: true }] })).toEqual(['webhooks.1.id']);
    expect(problemsAt({ ...base, extra: 1 })).toEqual(['']);
    expect(problemsAt({ ...base, email: { enabled: true, host: 'smtp.example.org', port: 25, tls: 'none', from: 'a@example.org', passwordSealed: 'x' } })).toEqual(['email']);
  });

  it('keeps a password as typed (spaces included) and takes "" to remove it', () => {
    const email = { enabled: true, host: 'smtp.example.org', port: 587, tls: 'starttls', from: 'alertas@example.org' };
    expect(alertSettingsInputSchema.parse({ ...base, email: { ...email, password: ' con espacios ' } }).email!.password).toBe(' con espacios ');
    expect(alertSettingsInputSchema.parse({ ...base, email: { ...email, password: '' } }).email!.password).toBe('');
  });
});

describe('alert settings as administrators read them', () => {
  it('say whether a secret is stored, never what it is', () => {
    const stored = storedAlertSettingsSchema.parse({
      responders: [], renewalDays: 10,
      email: { enabled: true, host: 'h.example.org', port: 25, tls: 'none', from: 'a@example.org', passwordSealed: 'v1.SEALED-PASSWORD' },
      webhooks: [{ id: '00000000-0000-4000-8000-000000000001', name: 'W', url: 'https://w.example.org', enabled: true, secretSealed: 'v1.SEALED-SECRET' }],
    });
    const view = alertSettingsView(stored, []);
    expect(view.email).toEqual({ enabled: true, host: 'h.example.org', port: 25, tls: 'none', from: 'a@example.org', hasPassword: true });
    expect(view.webhooks).toEqual([{ id: '00000000-0000-4000-8000-000000000001', name: 'W', url: 'https://w.example.org', enabled: true, hasSecret: true }]);
    expect(JSON.stringify(view)).not.toContain('SEALED');
  });
});
