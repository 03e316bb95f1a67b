/**
 * Screens fetched when first needed (import(), one chunk each, split by Vite), so the first load
 * on a slow link carries only what the setup, unseal and sign-in screens need. `preload()` fetches
 * the chunk ahead (state.ts waits for it before switching screens, so no "Loading" flashes there);
 * a page opened before its chunk has arrived shows "Loading…", then moves focus to its heading as
 * a page change does (shell.tsx).
 */
import { h, type ComponentType, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n/i18n';
import { Alert, Loading } from './components/ui';

export interface LazyPage<P> extends FunctionComponent<P> {
  preload(): Promise<void>;
}

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let Page: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const preload = (): Promise<void> =>
    (pending ??= load().then(
      (c) => {
        Page = c;
      },
      (e: unknown) => {
        pending = undefined; // try again on the next visit (the link may come back)
        throw e;
      },
    ));

  function Lazy(props: P) {
    const [, arrived] = useState(0);
    const [failed, setFailed] = useState(false);
    const [waited] = useState(() => Page === undefined);
    const shown = Page !== undefined;
    useEffect(() => {
      // (the chunk may have arrived between this render and this effect: render again then too)
      if (shown) return;
      let live = true;
      preload().then(
        () => live && arrived((n) => n + 1),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [failed, shown]);
    useEffect(() => {
      if (!shown || !waited) return;
      // the page came late: take focus to its heading unless the reader is already inside the page
      requestAnimationFrame(() => {
        const main = document.querySelector('main');
        const heading = document.querySelector<HTMLElement>('main h1');
        if (heading && !main?.contains(document.activeElement)) heading.focus({ preventScroll: true });
      });
    }, [shown]);
    if (Page) return h(Page as ComponentType<object>, props);
    if (!failed) return <Loading />;
    return (
      <>
        <Alert kind="error">{t('offline.text')}</Alert>
        <button type="button" class="btn btn-primary" onClick={() => setFailed(false)}>
          {t('common.retry')}
        </button>
      </>
    );
  }
  Lazy.preload = preload;
  return Lazy;
}
