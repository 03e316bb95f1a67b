/**
 * places.geojson (RFC 7946): one Feature per coarse place holding the export's incidents, its
 * point from the gazetteer only (coarse-place.ts placePoint; null geometry when the gazetteer has
 * none), the number of incidents (already public one by one in incidents.csv) and of victims
 * (suppressed below k). Properties are an explicit list of codes, labels and counts.
 */
import { placePoint, placeKey, type CoarsePlace } from './coarse-place.js';
import { word, type Labeller } from './labels.js';
import type { PlaceVictims } from './victim-rows.js';

export interface PlaceFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: {
    place_precision: string; place_precision_label: string; country: string | null; country_name: string | null; state: string | null; state_name: string | null; municipality: string | null;
    incidents: number; victims: number | null; victims_suppressed: boolean;
  };
}
export interface PlaceCollection { type: 'FeatureCollection'; features: PlaceFeature[] }

export function placesGeoJson(incidentsPerPlace: Map<string, { place: CoarsePlace; incidents: number }>, victims: Map<string, PlaceVictims>, l: Labeller): PlaceCollection {
  const keys = [...incidentsPerPlace.keys()].sort();
  const features = keys.map((key): PlaceFeature => {
    const { place, incidents } = incidentsPerPlace.get(key)!;
    const point = placePoint(place);
    const v = victims.get(placeKey(place)) ?? { victims: null, suppressed: true };
    return {
      type: 'Feature',
      geometry: point ? { type: 'Point', coordinates: point } : null,
      properties: {
        place_precision: place.precision, place_precision_label: word(place.precision, l.lang),
        country: place.country ?? null, country_name: place.country ? l.country(place.country) : null,
        state: place.state ?? null, state_name: place.state ? l.state(place.state) : null, municipality: place.municipality ?? null,
        incidents, victims: v.victims, victims_suppressed: v.suppressed,
      },
    };
  });
  return { type: 'FeatureCollection', features };
}
