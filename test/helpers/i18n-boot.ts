/**
 * What `virtual:i18n-boot` (made by vite.config.ts at build time) gives the web app, for web unit
 * tests run without Vite: both whole catalogues as text. Messages with ICU arguments come back
 * unformatted from t() — web unit tests check data, not wording (the catalogues have their own test).
 */
import es from '../../src/web/i18n/es.json' with { type: 'json' };
import en from '../../src/web/i18n/en.json' with { type: 'json' };

const boot: Record<'es' | 'en', Record<string, string>> = { es, en };
export default boot;
