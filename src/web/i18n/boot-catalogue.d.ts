/**
 * The compiled catalogues made by vite.config.ts at build time: a message is its text, or its ICU
 * syntax tree (what IntlMessageFormat takes instead of a string).
 */
declare module 'virtual:i18n-boot' {
  /** the messages of the screens before the app, in both languages */
  const boot: Record<'es' | 'en', Record<string, string | ReturnType<import('intl-messageformat').IntlMessageFormat['getAst']>>>;
  export default boot;
}
declare module 'virtual:i18n-catalogue/es' {
  /** every message, in Spanish */
  const catalogue: Record<string, string | ReturnType<import('intl-messageformat').IntlMessageFormat['getAst']>>;
  export default catalogue;
}
declare module 'virtual:i18n-catalogue/en' {
  /** every message, in English */
  const catalogue: Record<string, string | ReturnType<import('intl-messageformat').IntlMessageFormat['getAst']>>;
  export default catalogue;
}
