/**
 * The duplicates pieces an incident's page shows, fetched the first time they are needed (their own
 * chunk): nothing is drawn until it arrives, and nothing if it cannot (the page works without them).
 */
import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { IncidentView } from '../../types';

function lazySection<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => ReturnType<typeof h> | null {
  let Section: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  return function Lazy(props: P) {
    const [, arrived] = useState(0);
    useEffect(() => {
      if (Section) return;
      let live = true;
      (pending ??= load().then((c) => {
        Section = c;
      })).then(
        () => live && arrived((n) => n + 1),
        () => {
          pending = undefined;
        },
      );
      return () => {
        live = false;
      };
    }, []);
    return Section ? h(Section as ComponentType<object>, props) : null;
  };
}

/** "Posibles duplicados" on a live incident's page (and what was merged into it). */
export const DuplicatesSection = lazySection<{ incident: IncidentView; onMerged: (v: IncidentView) => void }>(() => import('./duplicates-section').then((m) => m.DuplicatesSection));
/** On the page of an incident that cannot be read: where it went, when it was merged into another. */
export const MergedNotice = lazySection<{ id: string; onMerged?: () => void }>(() => import('./merged-notice').then((m) => m.MergedNotice));
