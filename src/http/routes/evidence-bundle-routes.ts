/**
 * Verifiable evidence bundles and the organisation's signing key (issue 7, ADR 0019). A bundle is
 * a zip streamed as it is made, with a neutral file name; asking for one needs `evidence.export`
 * and a recent re-authentication, and is a custody entry on every item in it. The signing key's
 * public half and fingerprint are shown so they can be given to the recipient by another channel.
 */
import { defineRoute, type AnyRoute } from '../route.js';
import { exportBundle, exportBundleSchema } from '../../services/evidence/export-bundle.js';
import { readSigningKey } from '../../services/evidence/signing-key.js';

export function evidenceBundleRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/evidence/bundles', tag: 'evidence',
      summary: 'A signed evidence bundle (zip: originals named by reference, SHA256SUMS, manifest.json, manifest.sig, public-key.pem) of up to 200 items, for legal action or for partners; only items whose consent for that use is given (else 409 naming each); a capture\'s screenshots go with it; each item gets a custody entry',
      policy: { access: 'user', permission: 'evidence.export', recentAuth: true }, body: exportBundleSchema, rateLimit: 10, compress: false,
      handler: async ({ svc, body, reply }) => {
        const bundle = await exportBundle(svc, body);
        reply
          .header('content-type', 'application/zip')
          .header('content-disposition', `attachment; filename="${bundle.fileName}"`)
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff');
        return reply.code(200).send(bundle.stream);
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/evidence/signing-key', tag: 'evidence',
      summary: 'The organisation\'s key that signs evidence bundles: algorithm, public key (PEM), fingerprint (SHA-256 of the raw key) and when it was made (made on first use)',
      policy: { access: 'user', permission: 'evidence.export' },
      handler: async ({ svc, reply }) => {
        reply.header('cache-control', 'no-store');
        return readSigningKey(svc);
      },
    }),
  ];
}
