/** The frame of the screens before the app (setup, unseal, sign-in): name, language, content. */
import type { ComponentChildren } from 'preact';
import { LangSwitch } from './lang-switch';
import { t } from '../i18n/i18n';

export function BareLayout({ children, wide, tools }: { children: ComponentChildren; wide?: boolean; tools?: ComponentChildren }) {
  return (
    <>
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header class="bare-header">
        <span class="brand">Bitácora</span>
        <div class="bare-tools">
          {tools}
          <LangSwitch />
        </div>
      </header>
      <main id="main" class={`bare-main ${wide ? 'wide' : ''}`}>
        {children}
      </main>
    </>
  );
}
