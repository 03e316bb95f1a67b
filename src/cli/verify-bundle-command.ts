/**
 * `bitacora verify-bundle FILE [--public-key PEM_FILE] [--fingerprint HEX]`: checks an evidence
 * bundle offline (docs/evidence-bundles.md) — no data folder, no database, no passphrase. Exit 0
 * and "bundle verified: N items, signed by <fingerprint>"; exit 1 with one line per problem
 * ("<path>: <message>"), naming each file changed, added or removed; exit 2 for a usage error.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { verifyBundle, type VerifyBundleOptions } from '../services/evidence/verify-bundle.js';
import { ServiceError } from '../services/errors.js';

const USAGE_EXIT = 2;

function usage(message: string): void {
  process.stderr.write(`bitacora verify-bundle: ${message}\n`);
  process.exitCode = USAGE_EXIT;
}

export function registerVerifyBundleCommand(program: Command): void {
  program
    .command('verify-bundle')
    .argument('<file>', 'the bundle (.zip)')
    .description('check an evidence bundle offline (no database or passphrase needed): exit 0 if every file matches the signed manifest, 1 naming each file changed, added or removed, 2 for a usage error')
    .option('--public-key <pem-file>', 'the organisation\'s public key (PEM), obtained by another channel: fail unless the bundle is signed by it')
    .option('--fingerprint <hex>', 'the organisation\'s key fingerprint (64 hex digits, colons allowed), obtained by another channel: fail unless the bundle is signed by it')
    // a wrong or missing argument is a usage error: exit 2 (help and version still exit 0)
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : USAGE_EXIT))
    .action(async (file: string, o: { publicKey?: string; fingerprint?: string }) => {
      try {
        if (!statSync(file).isFile()) return usage(`${file} is not a file`);
      } catch {
        return usage(`cannot read ${file}`);
      }
      const opts: VerifyBundleOptions = {};
      if (o.publicKey !== undefined) {
        try {
          opts.publicKeyPem = readFileSync(o.publicKey, 'utf8');
        } catch {
          return usage(`cannot read the public key file ${o.publicKey}`);
        }
      }
      if (o.fingerprint !== undefined) opts.fingerprint = o.fingerprint;
      let r;
      try {
        r = await verifyBundle(file, opts);
      } catch (e) {
        if (e instanceof ServiceError) return usage((e.problems ?? []).map((p) => `${p.path === 'publicKeyPem' ? '--public-key' : p.path === 'fingerprint' ? '--fingerprint' : p.path} ${p.message}`).join('; ') || e.message);
        throw e;
      }
      if (r.ok) {
        process.stdout.write(`bundle verified: ${r.items} items, signed by ${r.fingerprint}\n`);
        if (!opts.publicKeyPem && !opts.fingerprint) process.stderr.write('compare that fingerprint with the one the organisation gave you by another channel (or pass it with --fingerprint)\n');
        return;
      }
      for (const p of r.problems) process.stdout.write(`${p.path}: ${p.message}\n`);
      process.exitCode = 1;
    });
}
