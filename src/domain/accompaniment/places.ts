/**
 * The places accompaniment runs go through, with their zone (ADR 0024): border towns on both sides,
 * ports of entry and immigration courts. Public places only — a shelter's address or a meeting
 * point is a leg's sealed `meetingPoint`, never a place here. Zones are IANA names: the Mexican
 * border towns in Baja California, Chihuahua's Ciudad Juárez and Tamaulipas change their clocks on
 * the US dates, while most of Mexico (Monterrey, Hermosillo, Mexico City) no longer changes them.
 */
export type PlaceKind = 'city' | 'port' | 'court';

export interface AccompanimentPlace {
  code: string;
  kind: PlaceKind;
  country: 'MX' | 'US' | 'GT' | 'HN' | 'SV';
  zone: string;
  es: string;
  en: string;
}

const p = (code: string, kind: PlaceKind, country: AccompanimentPlace['country'], zone: string, es: string, en = es): AccompanimentPlace => ({ code, kind, country, zone, es, en });

export const PLACES: readonly AccompanimentPlace[] = [
  // Baja California and California (Pacific time on both sides)
  p('mx-tijuana', 'city', 'MX', 'America/Tijuana', 'Tijuana, B.C.'),
  p('mx-mexicali', 'city', 'MX', 'America/Tijuana', 'Mexicali, B.C.'),
  p('mx-tecate', 'city', 'MX', 'America/Tijuana', 'Tecate, B.C.'),
  p('mx-ensenada', 'city', 'MX', 'America/Tijuana', 'Ensenada, B.C.'),
  p('us-san-diego', 'city', 'US', 'America/Los_Angeles', 'San Diego, California'),
  p('us-calexico', 'city', 'US', 'America/Los_Angeles', 'Calexico, California'),
  p('poe-san-ysidro', 'port', 'US', 'America/Los_Angeles', 'Garita de San Ysidro (El Chaparral)', 'San Ysidro port of entry (El Chaparral)'),
  p('poe-san-ysidro-pedwest', 'port', 'US', 'America/Los_Angeles', 'Garita de San Ysidro, PedWest', 'San Ysidro port of entry, PedWest'),
  p('poe-otay-mesa', 'port', 'US', 'America/Los_Angeles', 'Garita de Otay', 'Otay Mesa port of entry'),
  p('poe-calexico-west', 'port', 'US', 'America/Los_Angeles', 'Garita de Calexico Oeste (Mexicali centro)', 'Calexico West port of entry'),
  p('poe-calexico-east', 'port', 'US', 'America/Los_Angeles', 'Garita de Calexico Este', 'Calexico East port of entry'),
  p('court-san-diego', 'court', 'US', 'America/Los_Angeles', 'Corte de inmigración de San Diego', 'San Diego Immigration Court'),
  p('court-imperial', 'court', 'US', 'America/Los_Angeles', 'Corte de inmigración de Imperial', 'Imperial Immigration Court'),
  // Sonora and Arizona (no clock changes on either side)
  p('mx-nogales', 'city', 'MX', 'America/Hermosillo', 'Nogales, Son.'),
  p('mx-hermosillo', 'city', 'MX', 'America/Hermosillo', 'Hermosillo, Son.'),
  p('us-nogales', 'city', 'US', 'America/Phoenix', 'Nogales, Arizona'),
  p('poe-nogales-deconcini', 'port', 'US', 'America/Phoenix', 'Garita DeConcini (Nogales)', 'Nogales DeConcini port of entry'),
  p('court-tucson', 'court', 'US', 'America/Phoenix', 'Corte de inmigración de Tucson', 'Tucson Immigration Court'),
  // Chihuahua and West Texas (mountain time, US dates)
  p('mx-ciudad-juarez', 'city', 'MX', 'America/Ciudad_Juarez', 'Ciudad Juárez, Chih.'),
  p('us-el-paso', 'city', 'US', 'America/Denver', 'El Paso, Texas'),
  p('poe-paso-del-norte', 'port', 'US', 'America/Denver', 'Puente Paso del Norte (Santa Fe)', 'Paso del Norte port of entry'),
  p('poe-ysleta', 'port', 'US', 'America/Denver', 'Puente Zaragoza–Ysleta', 'Ysleta port of entry'),
  p('court-el-paso', 'court', 'US', 'America/Denver', 'Corte de inmigración de El Paso', 'El Paso Immigration Court'),
  // Coahuila, Nuevo León, Tamaulipas and South Texas (central time)
  p('mx-piedras-negras', 'city', 'MX', 'America/Matamoros', 'Piedras Negras, Coah.'),
  p('mx-nuevo-laredo', 'city', 'MX', 'America/Matamoros', 'Nuevo Laredo, Tamps.'),
  p('mx-reynosa', 'city', 'MX', 'America/Matamoros', 'Reynosa, Tamps.'),
  p('mx-matamoros', 'city', 'MX', 'America/Matamoros', 'Matamoros, Tamps.'),
  p('mx-monterrey', 'city', 'MX', 'America/Monterrey', 'Monterrey, N.L.'),
  p('mx-saltillo', 'city', 'MX', 'America/Monterrey', 'Saltillo, Coah.'),
  p('us-eagle-pass', 'city', 'US', 'America/Chicago', 'Eagle Pass, Texas'),
  p('us-laredo', 'city', 'US', 'America/Chicago', 'Laredo, Texas'),
  p('us-mcallen', 'city', 'US', 'America/Chicago', 'McAllen, Texas'),
  p('us-brownsville', 'city', 'US', 'America/Chicago', 'Brownsville, Texas'),
  p('poe-laredo-bridge-2', 'port', 'US', 'America/Chicago', 'Puente Internacional 2 (Laredo)', 'Laredo Bridge II port of entry'),
  p('poe-hidalgo', 'port', 'US', 'America/Chicago', 'Puente Hidalgo–Reynosa', 'Hidalgo port of entry'),
  p('poe-gateway-brownsville', 'port', 'US', 'America/Chicago', 'Puente Nuevo (Gateway, Brownsville)', 'Brownsville Gateway port of entry'),
  p('court-harlingen', 'court', 'US', 'America/Chicago', 'Corte de inmigración de Harlingen', 'Harlingen Immigration Court'),
  p('court-laredo-ihfc', 'court', 'US', 'America/Chicago', 'Corte de audiencias de inmigración de Laredo', 'Laredo Immigration Hearing Facility'),
  p('court-brownsville-ihfc', 'court', 'US', 'America/Chicago', 'Corte de audiencias de inmigración de Brownsville', 'Brownsville Immigration Hearing Facility'),
  // further south, where some people wait
  p('mx-tapachula', 'city', 'MX', 'America/Mexico_City', 'Tapachula, Chis.'),
  p('mx-cdmx', 'city', 'MX', 'America/Mexico_City', 'Ciudad de México'),
];

const BY_CODE = new Map(PLACES.map((x) => [x.code, x]));

export function placeOf(code: string): AccompanimentPlace | undefined {
  return BY_CODE.get(code);
}

export const COURTS = PLACES.filter((x) => x.kind === 'court');
