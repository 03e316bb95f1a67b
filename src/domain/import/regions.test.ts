import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { outsideRegion, REGIONS, IOM_REGIONS, type RegionCode } from './regions.js';
import { parseImportCoordinates } from './parse-coordinates.js';
import { parseImportDate } from './parse-date.js';
import { parseImportNumber } from './parse-number.js';

// Five rows copied unchanged from the Missing Migrants Project's CSV downloads
// (../shared/fixtures/iom-missing-migrants/). Credit: IOM's Missing Migrants Project, CC BY 4.0.
const HEADER = '"Main ID","Incident ID",Region,"Incident Date",Year,"Reported Month","Number Dead","Minimum Estimated Number of Missing","Total Number of Dead and Missing","Number of Survivors","Number of Females","Number of Males","Number of Children","Cause of Death","Location of death","Information Source",Coordinates,"Migrantion route",URL,"UNSD Geographical Grouping","Source Quality"';
const ROWS = [
  // a sound row: Pima County, Arizona
  '2014.MMP00001,2014.MMP00001,"North America","Mon, 01/06/2014 - 12:00",2014,January,1,,1,,,1,,"Mixed or unknown","Pima Country Office of the Medical Examiner jurisdiction, Arizona, USA (see coordinates for exact location)","Pima County Office of the Medical Examiner (PCOME)","31.650259, -110.366453","US-Mexico border crossing",http://humaneborders.info/,"Northern America",5',
  // Arizona with the longitude's minus sign lost (would be in China)
  '2022.MMP667,2022.MMP667,"North America","Mon, 01/03/2022 - 12:00",2022,January,1,,1,,,1,,"Mixed or unknown","Pima County Office of the Medical Examiner jurisdiction, Arizona, USA (see coordinates for exact location)","Pima County Office of the Medical Examiner (PCOME)","31.6293, 111.70682","US-Mexico border crossing",https://humaneborders.info/app/mapa.asp,"Northern America",5',
  // Río Bravo, Coahuila, with a placeholder point off Libya shared by many rows of late October 2021
  '2021.MMP00936,2021.MMP00936,"Central America","Mon, 10/25/2021 - 12:00",2021,October,1,,1,,,1,,Drowning,"Río Bravo, near Acuña Municipality, Coahuila, Mexico",Zócalo,"33.01479981, 12.54897854","US-Mexico border crossing","https://archive.ph/4u0db, https://archive.ph/fc7DZ","Central America",3',
  // Colchane, Chile, with the latitude's minus sign lost (would be in the Caribbean)
  '2021.MMP00589,2021.MMP00589,"South America","Thu, 07/01/2021 - 12:00",2021,July,1,,1,,1,,,"Harsh environmental conditions / lack of adequate shelter, food, water","Pampa Toldo Sector, Colchane Commune, Chile","El Nacional, La Prensa Bolivia, Noticia al Día","19.2683361, -68.63540398",,"https://archive.ph/kjbhq, https://archive.ph/GEhnY, https://archive.ph/ZfWjJ","South America",3',
  // the Mediterranean row whose total is written "1,022"
  '2015.MMP00108,2015.MMP00108,Mediterranean,"Sat, 04/18/2015 - 12:00",2015,April,750,272,"1,022",28,,,,Drowning,"120 miles south of Lampedusa, 110 kilometers north of Libya (almost 70 miles)","Italian Navy via UNHCR","35.03, 14.6777","Central Mediterranean",http://bit.ly/1Oa2qYi,Uncategorized,5',
];

/** Splits one CSV line with quoted fields (enough for these rows; the real reader is the importer's). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) out.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!);
  return out;
}
const columns = csvFields(HEADER);
const rows = ROWS.map((line) => Object.fromEntries(csvFields(line).map((v, i) => [columns[i]!, v])) as Record<string, string>);

describe('IOM Missing Migrants rows', () => {
  it('splits the copied rows into the 21 published columns', () => {
    expect(columns).toHaveLength(21);
    for (const line of ROWS) expect(csvFields(line)).toHaveLength(21);
  });

  it('flags Americas points that cannot be where the row says, and names the likely slip', () => {
    const flags = rows.filter((r) => IOM_REGIONS[r.Region!]).map((r) => {
      const read = parseImportCoordinates(r.Coordinates!);
      if (!read.ok) throw new Error(read.problem.message);
      return [r['Main ID'], outsideRegion(read.point, IOM_REGIONS[r.Region!]!)?.message ?? null];
    });
    expect(flags).toEqual([
      ['2014.MMP00001', null],
      ['2022.MMP667', 'the point is outside North America: it would be inside if the longitude lost its minus sign'],
      ['2021.MMP00936', 'the point is outside Mexico and Central America: it may be a placeholder or a mistyped point'],
      ['2021.MMP00589', 'the point is outside South America: it would be inside if the latitude lost its minus sign'],
    ]);
    // the whole-continent box catches the positive longitudes, not the lost latitude sign (Chile at +19° is still in the Americas)
    const offContinent = rows.filter((r) => {
      const read = parseImportCoordinates(r.Coordinates!);
      return IOM_REGIONS[r.Region!] && read.ok && outsideRegion(read.point, 'americas') !== null;
    });
    expect(offContinent.map((r) => r['Main ID'])).toEqual(['2022.MMP667', '2021.MMP00936']);
  });

  it('reads every date and count of the rows', () => {
    expect(rows.map((r) => parseImportDate(r['Incident Date']!, { order: 'mdy' }))).toEqual(
      ['2014-01-06', '2022-01-03', '2021-10-25', '2021-07-01', '2015-04-18'].map((start) => ({ ok: true, date: { start }, warnings: [] })),
    );
    const total = parseImportNumber(rows[4]!['Total Number of Dead and Missing']!, { integer: true, nonNegative: true });
    expect(total.ok && [total.value, total.warnings.map((w) => w.code)]).toEqual([1022, ['assumed_thousands']]);
  });
});

describe('outsideRegion', () => {
  it('accepts places Bitácora works in and refuses other continents', () => {
    const tapachula = { lat: 14.9, lon: -92.26 };
    const tijuana = { lat: 32.53, lon: -117.04 };
    const elPaso = { lat: 31.76, lon: -106.49 };
    for (const code of ['americas', 'mexico_central_america'] as const) expect(outsideRegion(tapachula, code)).toBeNull();
    for (const code of ['americas', 'north_america', 'us_mexico_border', 'mexico_central_america'] as const) expect(outsideRegion(tijuana, code), code).toBeNull();
    expect(outsideRegion(elPaso, 'us_mexico_border')).toBeNull();
    expect(outsideRegion(tapachula, 'us_mexico_border')).toEqual({ code: 'outside_region', message: 'the point is outside the US–Mexico border: it may be a placeholder or a mistyped point' });
    expect(outsideRegion({ lat: 36.71, lon: 5.55 }, 'americas')?.code).toBe('outside_region'); // Algeria
    expect(outsideRegion({ lat: 14.93, lon: -23.51 }, 'americas')?.code).toBe('outside_region'); // Praia, Cabo Verde
    expect(outsideRegion({ lat: -3.85, lon: -32.42 }, 'south_america')).toBeNull(); // Fernando de Noronha
    expect(outsideRegion({ lat: -0.74, lon: -90.31 }, 'south_america')).toBeNull(); // Galápagos
  });

  it('names an exchange of latitude and longitude', () => {
    expect(outsideRegion({ lat: -89.2, lon: 13.7 }, 'mexico_central_america')?.message).toBe('the point is outside Mexico and Central America: it would be inside if latitude and longitude are exchanged');
  });

  it('widens every side by the tolerance, 0.5° unless told', () => {
    const box = REGIONS.mexico_central_america;
    expect(outsideRegion({ lat: box.north + 0.4, lon: -100 }, 'mexico_central_america')).toBeNull();
    expect(outsideRegion({ lat: box.north + 0.6, lon: -100 }, 'mexico_central_america')).not.toBeNull();
    expect(outsideRegion({ lat: box.north + 0.4, lon: -100 }, 'mexico_central_america', 0)).not.toBeNull();
    expect(outsideRegion({ lat: 10, lon: 10 }, { name: 'a test box', south: 0, north: 20, west: 0, east: 20 })).toBeNull();
  });

  it('every point inside a box is inside, every point far outside is flagged (property)', () => {
    const code = fc.constantFrom(...(Object.keys(REGIONS) as RegionCode[]));
    fc.assert(
      fc.property(code, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (c, u, v) => {
        const r = REGIONS[c];
        const lat = r.south + u * (r.north - r.south);
        const lon = r.west + v * (r.east - r.west);
        expect(outsideRegion({ lat, lon }, c)).toBeNull();
        expect(outsideRegion({ lat: r.north + 1 + u, lon }, c)?.code).toBe('outside_region');
        expect(outsideRegion({ lat, lon: r.east + 1 + v }, c)?.code).toBe('outside_region');
      }),
    );
  });
});
