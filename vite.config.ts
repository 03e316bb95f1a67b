import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { IntlMessageFormat } from 'intl-messageformat';
// @ts-expect-error plain JavaScript build script (no types): the offline map's basemap from npm data
import { buildBasemap } from './scripts/basemap.mjs';

/**
 * Writes .br and .gz beside each built text asset, so the server can send them precompressed
 * (slow mobile links: ~60 KB instead of ~220 KB for JS+CSS). No third-party plugin needed.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'bitacora-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = c.build.outDir;
    },
    writeBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
        const file = join(outDir, name);
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

const WEB = fileURLToPath(new URL('./src/web', import.meta.url));

/**
 * The message catalogues, compiled here rather than in the browser (the ICU parser stays out of the
 * bundle: `@formatjs/icu-messageformat-parser` is its `no-parser` build, see `resolve.alias`):
 * a message with no ICU syntax becomes its text, any other its syntax tree (IntlMessageFormat takes
 * either form of tree). Two kinds of module:
 * - `virtual:i18n-boot`: the messages the first screens need, in both languages, so the page bundle
 *   does not carry two whole catalogues. "Needed" = every catalogue key named as a literal
 *   ('signin.title') in a module that main.tsx reaches by static imports, i.e. exactly the modules
 *   of the page bundle; what is loaded with import() (the signed-in app) is left out.
 * - `virtual:i18n-catalogue/es`, `…/en`: one whole language, a chunk of its own (src/web/i18n/i18n.ts
 *   fetches the one the session needs).
 */
function i18nCatalogues(): Plugin {
  const BOOT = 'virtual:i18n-boot';
  const WHOLE = 'virtual:i18n-catalogue/';
  const compiled = (lang: 'es' | 'en'): Record<string, unknown> => {
    const source = JSON.parse(readFileSync(join(WEB, 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>;
    const out: Record<string, unknown> = {};
    for (const [key, msg] of Object.entries(source)) {
      const ast = new IntlMessageFormat(msg, lang).getAst();
      const only = ast[0] as { type: number; value?: unknown } | undefined;
      // type 0: plain text (TYPE.literal)
      out[key] = ast.length === 0 ? '' : ast.length === 1 && only?.type === 0 ? only.value : ast;
    }
    return out;
  };
  const staticGraph = (entry: string): string[] => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      // value imports and re-exports (not `import type`, not import())
      for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'(\.{1,2}\/[^']+)'/gm)) {
        const base = resolve(dirname(file), m[1]!);
        const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((f) => /\.tsx?$/.test(f) && existsSync(f));
        if (found) visit(found);
      }
    };
    visit(entry);
    return [...seen];
  };
  return {
    name: 'bitacora-i18n-catalogues',
    resolveId: (id) => (id === BOOT || id.startsWith(WHOLE) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith('\0virtual:i18n-')) return null;
      this.addWatchFile(join(WEB, 'i18n', 'es.json'));
      this.addWatchFile(join(WEB, 'i18n', 'en.json'));
      if (id.startsWith(`\0${WHOLE}`)) {
        const lang = id.slice(`\0${WHOLE}`.length);
        if (lang !== 'es' && lang !== 'en') throw new Error(`no catalogue ${lang}`);
        return `export default ${JSON.stringify(compiled(lang))};`;
      }
      const es = compiled('es');
      const en = compiled('en');
      const keys = new Set<string>();
      for (const file of staticGraph(join(WEB, 'main.tsx'))) {
        this.addWatchFile(file);
        for (const m of readFileSync(file, 'utf8').matchAll(/'([A-Za-z]\w*(?:\.\w+)+)'/g)) if (m[1]! in es) keys.add(m[1]!);
      }
      const pick = (cat: Record<string, unknown>) => Object.fromEntries([...keys].sort().filter((k) => k in cat).map((k) => [k, cat[k]]));
      return `export default ${JSON.stringify({ es: pick(es), en: pick(en) })};`;
    },
  };
}

/**
 * `virtual:basemap`: the offline map's basemap (scripts/basemap.mjs), derived from the npm data
 * packages at build time into the map's own chunk — never fetched, never committed.
 */
function basemap(): Plugin {
  const ID = 'virtual:basemap';
  return {
    name: 'bitacora-basemap',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load: (id) => (id === `\0${ID}` ? `export default ${JSON.stringify(buildBasemap())};` : null),
  };
}

// The browser app: built into dist/web, served by `bitacora serve` under a strict CSP
// (no inline script or style), so the built index.html must only reference /assets/* files.
export default defineConfig({
  root: WEB,
  base: '/',
  publicDir: false,
  resolve: {
    // messages arrive compiled (i18nCatalogues above): the parser's "no-parser" build keeps only the
    // element types and guards intl-messageformat needs to format a tree (~27 KB less to load)
    alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }],
  },
  plugins: [preact({ devToolsInProd: false, prefreshEnabled: false }), i18nCatalogues(), basemap(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // No <link rel="modulepreload"> at all: the polyfill would be an inline script, which the CSP
    // refuses, and the links Vite's import() helper adds to <head> for a chunk's imports would change
    // the page's head (test/e2e/xss.test.ts holds it to what index.html has). The page bundle needs
    // no other chunk; a lazy page's own imports are fetched one round trip after it.
    modulePreload: false,
    cssCodeSplit: true,
    target: 'es2020',
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8090' },
  },
});
