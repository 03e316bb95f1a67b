/** Reading a workbook's XML before parsing it: sheet names, the part of a sheet, how far a sheet reaches. */
import { describe, it, expect } from 'vitest';
import { sheetExtent, sheetNames, sheetPart, unescapeXml } from './xlsx-workbook.js';

const WORKBOOK = `<?xml version="1.0"?><x:workbook xmlns:x="urn" xmlns:r="urn:r"><x:bookViews/><x:sheets>
  <x:sheet name="Datos &amp; más" sheetId="1" r:id="rId1"/>
  <x:sheet sheetId="2" r:id='rId7' name='Hoja &#x31;'/><x:sheet state="hidden" name="Oculta" sheetId="3" r:id="rId3"></x:sheet>
</x:sheets></x:workbook>`;
const RELS = `<Relationships xmlns="urn"><Relationship Id="rId3" Type="t" Target="/xl/worksheets/oculta.xml"/>
  <Relationship Target="worksheets/sheet1.xml" Type="t" Id="rId1"/><Relationship Id="rId7" Type="t" Target="./worksheets/hoja.xml"/></Relationships>`;

describe('sheetNames and sheetPart', () => {
  it('reads the names in order, unescaped, with any attribute order, quotes or prefix', () => {
    expect(sheetNames(WORKBOOK)).toEqual(['Datos & más', 'Hoja 1', 'Oculta']);
    expect(sheetNames('<workbook/>')).toEqual([]);
  });

  it('finds the part of each sheet through the workbook\'s relationships', () => {
    expect([1, 2, 3].map((i) => sheetPart(WORKBOOK, RELS, i))).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/hoja.xml', 'xl/worksheets/oculta.xml']);
    expect(sheetPart(WORKBOOK, RELS, 4)).toBeUndefined();
    expect(sheetPart(WORKBOOK, '<Relationships/>', 1)).toBeUndefined();
  });

  it('unescapes XML entities, leaving unknown ones', () => {
    expect(unescapeXml('a &amp; b &lt;&gt; &quot;&apos; &#241; &#xF1; &nope; &#0;')).toBe('a & b <> "\' ñ ñ &nope; &#0;');
  });
});

describe('sheetExtent', () => {
  it('is the highest row and column the cells reach', () => {
    const xml = '<worksheet><cols><col min="1" max="99"/></cols><sheetData><row r="2" spans="1:3"><c r="A2"/><c r="C2" t="s"><v>0</v></c></row>'
      + '<x:row r="10"><x:c r="$AB$10"><x:v>1</x:v></x:c></x:row></sheetData><rowBreaks count="1"/></worksheet>';
    expect(sheetExtent(xml)).toEqual({ rows: 10, columns: 28 });
  });

  it('counts rows and cells without references in order', () => {
    expect(sheetExtent('<sheetData><row><c/><c/><c/></row><row><c/></row><row r="7"/></sheetData>')).toEqual({ rows: 7, columns: 3 });
  });

  it('sees the far corner a tiny sheet can name', () => {
    expect(sheetExtent('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1048576"><v>1</v></c></row>')).toEqual({ rows: 1_048_576, columns: 16_384 });
    expect(sheetExtent('<row r="99999999"/>')).toEqual({ rows: 99_999_999, columns: 0 });
  });
});
