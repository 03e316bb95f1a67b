/** The language switch, on every page: shows the other language by its own name. */
import { t, lang } from '../i18n/i18n';
import { chooseLang } from '../state';

export function LangSwitch() {
  const other = lang() === 'es' ? 'en' : 'es';
  return (
    <button type="button" class="btn btn-quiet lang-switch" onClick={() => chooseLang(other)}>
      <span class="sr-only">{t('lang.switchTo')} </span>
      <span lang={other}>{other === 'en' ? 'English' : 'Español'}</span>
    </button>
  );
}
