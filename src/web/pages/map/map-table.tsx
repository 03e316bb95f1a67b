/**
 * The map's tables (every chart has its table): incidents per state (the choropleth) and per place
 * (the points the clusters gather), each row with a button to its incidents.
 */
import { t } from '../../i18n/i18n';
import { number } from '../../lib/format';
import type { MapCounts, MapPointCount, PlaceFilter } from './model';
import { kindLabel } from './model';

interface Props {
  counts: MapCounts;
  stateLabel: (code: string) => string;
  countryLabel: (code: string) => string;
  pointLabel: (p: MapPointCount) => string;
  onPick: (filter: PlaceFilter, label: string) => void;
}

function Show({ label, go }: { label: string; go: () => void }) {
  return (
    <button type="button" class="btn btn-quiet" onClick={go} aria-label={t('map.showLabel', { place: label })}>
      {t('map.show')}
    </button>
  );
}

export function MapTables({ counts, stateLabel, countryLabel, pointLabel, onPick }: Props) {
  const countryOfState = (code: string) => code.slice(0, 2);
  return (
    <div class="map-tables">
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="map-states-caption">
        <table class="stats-table" id="map-states-table">
          <caption id="map-states-caption">{t('map.statesTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('map.colState')}</th>
              <th scope="col">{t('map.colCountry')}</th>
              <th scope="col">{t('map.colCount')}</th>
              <th scope="col"><span class="sr-only">{t('map.show')}</span></th>
            </tr>
          </thead>
          <tbody>
            {counts.states.map((s) => (
              <tr key={s.code} data-state={s.code}>
                <th scope="row">{stateLabel(s.code)}</th>
                <td>{countryLabel(countryOfState(s.code))}</td>
                <td>{number(s.count)}</td>
                <td><Show label={stateLabel(s.code)} go={() => onPick({ state: [s.code] }, stateLabel(s.code))} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="map-points-caption">
        <table class="stats-table" id="map-points-table">
          <caption id="map-points-caption">{t('map.placesTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('map.colPlace')}</th>
              <th scope="col">{t('map.colKind')}</th>
              <th scope="col">{t('map.colCount')}</th>
              <th scope="col"><span class="sr-only">{t('map.show')}</span></th>
            </tr>
          </thead>
          <tbody>
            {counts.points.map((p) => (
              <tr key={p.key} data-point={p.key}>
                <th scope="row">{pointLabel(p)}</th>
                <td>{kindLabel(p.kind)}</td>
                <td>{number(p.count)}</td>
                <td><Show label={pointLabel(p)} go={() => onPick(p.filter, pointLabel(p))} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
