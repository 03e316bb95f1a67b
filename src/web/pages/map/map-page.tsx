/**
 * The offline map (/map, issue 5, docs/adr/0016-offline-map.md): the incidents matching the
 * dashboard's filters per state (a choropleth) and per gazetteer point (clusters), at their public
 * precision only, counted on the server (POST /api/v1/stats/map: the words never land in a URL).
 * The drawing (d3-geo and the bundled basemap) is a chunk of its own, fetched after the content;
 * the tables beside it hold every number. A click on a state, a cluster or a row opens the
 * incident list with those filters, handed over in memory.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { t } from '../../i18n/i18n';
import { useAppState } from '../../state';
import { PageTitle } from '../../components/ui';
import { countryName, stateName } from '../../lib/format';
import { usePost } from '../dashboard/use-post';
import { FilterForm } from '../dashboard/filters';
import { ProblemAlert, fieldErrors } from '../dashboard/problem-alert';
import type { Filters } from '../dashboard/model';
import { mapBody, memory, pointLabel, showIncidents, unionFilter, type MapCounts, type PlaceFilter } from './model';
import { MapTables } from './map-table';
import type { MapSvgProps } from './map-svg';

let Drawing: ComponentType<MapSvgProps> | undefined;

function useDrawing(): { Svg: ComponentType<MapSvgProps> | undefined; failed: boolean } {
  const [, arrived] = useState(0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Drawing) return;
    let live = true;
    import('./map-svg').then(
      (m) => {
        Drawing = m.MapSvg;
        if (live) arrived((n) => n + 1);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  return { Svg: Drawing, failed };
}

export function MapPage() {
  const { places } = useAppState();
  const [filters, setFilters] = useState<Filters>(memory.filters);
  const counts = usePost<MapCounts>('/api/v1/stats/map', mapBody(filters));
  const { Svg, failed } = useDrawing();
  const apply = (f: Filters) => {
    memory.filters = f;
    setFilters(f);
  };
  const c = counts.data;
  const stateLabel = (code: string) => stateName(places, code);
  const countryLabel = (code: string) => countryName(places, code);
  const label = (p: Parameters<typeof pointLabel>[0]) => pointLabel(p, places);
  const pick = (place: PlaceFilter) => showIncidents(filters, place);
  const union = (fs: PlaceFilter[]) => unionFilter(fs, places);

  return (
    <div class="map-page">
      <PageTitle>{t('map.title')}</PageTitle>
      <p class="hint">{t('map.intro')}</p>
      <FilterForm filters={filters} onApply={apply} problems={fieldErrors(counts.error, ['from', 'to'])} />
      <section class="dash-section" aria-labelledby="map-h" aria-busy={counts.busy}>
        <h2 id="map-h">{t('map.heading')}</h2>
        <p class="dash-status" role="status">
          {counts.busy || !c ? t('common.loading') : t('map.matching', { count: c.total, unplaced: c.unplaced })}
        </p>
        <ProblemAlert error={counts.error} />
        {c && (
          <div class="map-layout">
            <figure class="map-figure" data-state={Svg ? 'drawn' : failed ? 'failed' : 'loading'}>
              {Svg ? <Svg counts={c} stateLabel={stateLabel} pointLabel={label} onPick={pick} unionFilter={union} /> : <p class="hint">{failed ? t('map.failed') : t('map.loadingMap')}</p>}
              <figcaption>{t('map.caption')}</figcaption>
            </figure>
            <MapTables counts={c} stateLabel={stateLabel} countryLabel={countryLabel} pointLabel={label} onPick={pick} />
          </div>
        )}
      </section>
      <p class="hint map-attribution">{t('map.attribution')}</p>
    </div>
  );
}
