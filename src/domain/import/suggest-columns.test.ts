import { describe, it, expect } from 'vitest';
import { suggestTargets } from './suggest-columns.js';

describe('guessing what each column is', () => {
  it('reads IOM\'s header', () => {
    const header = ['Main ID', 'Incident ID', 'Region', 'Incident Date', 'Year', 'Reported Month', 'Number Dead', 'Minimum Estimated Number of Missing', 'Total Number of Dead and Missing', 'Number of Survivors', 'Coordinates', 'Migrantion route', 'Cause of Death', 'Location of death', 'Information Source'];
    expect(suggestTargets(header)).toMatchObject({
      'Main ID': 'externalId', Region: 'region', 'Incident Date': 'date', Year: 'year', 'Reported Month': 'month', 'Number Dead': 'counts.dead',
      'Minimum Estimated Number of Missing': 'counts.missing', 'Number of Survivors': 'counts.survivors', Coordinates: 'coordinates',
      'Migrantion route': 'routeSegment', 'Cause of Death': 'act', 'Location of death': 'place', 'Information Source': 'summary',
    });
    // each one-column target once: the total is not taken for a second "dead" column
    expect(suggestTargets(header)['Total Number of Dead and Missing']).toBeUndefined();
  });

  it('reads a shelter\'s Spanish sheet, accents or not', () => {
    expect(suggestTargets(['Fecha', 'Título', 'Descripción', 'País', 'Estado', 'Municipio', 'Tipo de agresión', 'Presunto responsable', 'Latitud', 'Longitud', 'Víctima', 'Notas'])).toEqual({
      Fecha: 'date', Título: 'title', Descripción: 'summary', País: 'country', Estado: 'state', Municipio: 'locality', 'Tipo de agresión': 'act',
      'Presunto responsable': 'perpetrator', Latitud: 'latitude', Longitud: 'longitude', Víctima: 'victim', Notas: 'summary',
    });
  });
});
