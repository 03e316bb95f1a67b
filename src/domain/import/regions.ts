/**
 * Bounding boxes for the regions Bitácora works in, so an importer can flag a point that cannot be
 * where its row says it is — IOM's Missing Migrants files carry Americas rows with a placeholder
 * point in the Mediterranean (33.01479981, 12.54897854) and rows whose minus sign was lost (Pima
 * County, Arizona at longitude +111.7; Colchane, Chile at latitude +19.3). The point is flagged,
 * never moved: the message says when flipping a sign, or exchanging latitude and longitude, would
 * put it inside, so a person can decide.
 *
 * Boxes are generous rectangles, not borders: they catch a point on the wrong continent or in the
 * wrong hemisphere, not a point in the wrong country. None crosses the 180° meridian, so the
 * Aleutian islands west of it are outside the Americas, and so is most of Greenland (east of
 * −29°). A tolerance (0.5° by default, about 55 km) widens every side.
 */
import type { ImportWarning } from './import-warning.js';
import type { Point } from './parse-coordinates.js';

export interface Region {
  name: string;
  south: number;
  north: number;
  west: number;
  east: number;
}

export const REGIONS = {
  /** North, Central and South America and the Caribbean, Cape Horn to the Arctic, Alaska to Brazil's islands. */
  americas: { name: 'the Americas', south: -56.5, north: 84, west: -180, east: -29 },
  /** IOM's "North America": the United States (with Alaska and Hawaii) and Canada; northern Mexico fits the box too. */
  north_america: { name: 'North America', south: 18, north: 84, west: -180, east: -52 },
  /** IOM's "Central America": Mexico (with Guadalupe Island) to Panama. */
  mexico_central_america: { name: 'Mexico and Central America', south: 7, north: 33, west: -118.5, east: -77 },
  /** The US–Mexico border strip, Tijuana–San Diego to Matamoros–Brownsville, with a few hundred km either side. */
  us_mexico_border: { name: 'the US–Mexico border', south: 24.5, north: 34, west: -118, east: -96.5 },
  /** IOM's "South America", with the Galápagos and Brazil's Atlantic islands. */
  south_america: { name: 'South America', south: -56.5, north: 13, west: -92.1, east: -29 },
  /** IOM's "Caribbean", whose rows include the Gulf of Mexico, the Florida Straits and the Texas coast. */
  caribbean: { name: 'the Caribbean and the Gulf of Mexico', south: 9, north: 31, west: -98, east: -59 },
} as const satisfies Record<string, Region>;

export type RegionCode = keyof typeof REGIONS;

/** The box for each value of the Region column of IOM's Missing Migrants files in the Americas. */
export const IOM_REGIONS: Readonly<Record<string, RegionCode>> = {
  'North America': 'north_america',
  'Central America': 'mexico_central_america',
  'South America': 'south_america',
  Caribbean: 'caribbean',
};

function inside(p: Point, r: Region, tolerance: number): boolean {
  return p.lat >= r.south - tolerance && p.lat <= r.north + tolerance && p.lon >= r.west - tolerance && p.lon <= r.east + tolerance;
}

/**
 * A warning ('outside_region') when `point` lies outside the region's box widened by `toleranceDeg`,
 * else null. The message names the likely slip when one simple change would put the point inside.
 */
export function outsideRegion(point: Point, region: RegionCode | Region, toleranceDeg = 0.5): ImportWarning | null {
  const r: Region = typeof region === 'string' ? REGIONS[region] : region;
  if (inside(point, r, toleranceDeg)) return null;
  const slips: [string, Point][] = [
    ['the longitude lost its minus sign', { lat: point.lat, lon: -point.lon }],
    ['the latitude lost its minus sign', { lat: -point.lat, lon: point.lon }],
    ['both lost their minus signs', { lat: -point.lat, lon: -point.lon }],
    ['latitude and longitude are exchanged', { lat: point.lon, lon: point.lat }],
  ];
  const slip = slips.find(([, p]) => inside(p, r, toleranceDeg));
  const why = slip ? `: it would be inside if ${slip[0]}` : ': it may be a placeholder or a mistyped point';
  return { code: 'outside_region', message: `the point is outside ${r.name}${why}` };
}
