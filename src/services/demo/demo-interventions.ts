/**
 * Interventions for the demo generator: which actions an organisation took after an incident
 * (complaints, appeals, legal accompaniment, press statements…) by region, to whom they were
 * addressed in each country, and their outcome and follow-up.
 */
import { stateByCode, countryName } from '../../domain/places/places.js';
import * as T from './demo-texts.js';
import type { DemoLang } from './demo-texts.js';
import type { RawIntervention } from './demo-input-types.js';
import type { Weighted, Rng } from './demo-random.js';
import type { Codes } from './demo-codes.js';
import { type DatePlan, laterDate } from './demo-dates.js';
import type { Region, PlacePlan } from './demo-places.js';
import type { PoolActor } from './demo-people.js';
import { fillTemplate } from './demo-narrative.js';

const INTERVENTION_KINDS: Record<Region, Weighted<string>> = {
  MX: [['complaint_hr_commission', 18], ['complaint_prosecutor', 16], ['mechanism_inclusion', 8], ['urgent_appeal', 10], ['press_statement', 12], ['public_campaign', 4], ['legal_accompaniment', 10], ['amparo_habeas', 5], ['iachr_precautionary', 4], ['information_request', 5], ['oversight_complaint', 4], ['meeting_authorities', 6], ['psychosocial', 4], ['relocation', 3], ['un_special_procedures', 3]],
  US: [['oversight_complaint', 18], ['information_request', 12], ['legal_accompaniment', 18], ['press_statement', 14], ['public_campaign', 8], ['urgent_appeal', 8], ['consular_contact', 6], ['un_special_procedures', 5], ['iachr_precautionary', 3], ['meeting_authorities', 6], ['psychosocial', 3], ['amparo_habeas', 4]],
  CA: [['complaint_prosecutor', 20], ['complaint_hr_commission', 15], ['urgent_appeal', 15], ['press_statement', 15], ['legal_accompaniment', 10], ['iachr_precautionary', 6], ['psychosocial', 6], ['relocation', 5], ['un_special_procedures', 4], ['meeting_authorities', 4]],
};
const HR_COMMISSION: Record<string, string> = { GT: 'Procuraduría de los Derechos Humanos (PDH)', HN: 'CONADEH', SV: 'PDDH' };
const PROSECUTOR: Record<string, string> = { GT: 'Ministerio Público de Guatemala', HN: 'Ministerio Público de Honduras', SV: 'Fiscalía General de la República (El Salvador)' };

function addressee(rng: Rng, kind: string, plan: PlacePlan, primary: PoolActor | undefined): string | undefined {
  const state = plan.place.state ? stateByCode(plan.place.state)?.name.es : undefined;
  const town = plan.locality?.name;
  const c = plan.country;
  switch (kind) {
    case 'complaint_hr_commission':
      if (c !== 'MX') return HR_COMMISSION[c];
      return state && rng.chance(0.4) ? `Comisión Estatal de Derechos Humanos de ${state}` : 'CNDH';
    case 'complaint_prosecutor':
      if (c !== 'MX') return PROSECUTOR[c];
      return rng.pick(['FGR', ...(state ? [`Fiscalía General del Estado de ${state}`] : []), 'Fiscalía Especializada en Delitos contra Migrantes']);
    case 'mechanism_inclusion': return rng.pick(['Mecanismo de Protección', 'Mecanismo de Protección para Personas Defensoras de Derechos Humanos y Periodistas']);
    case 'iachr_precautionary': return 'CIDH';
    case 'urgent_appeal': return rng.pick(['CIDH', 'OACNUDH', 'Relatoría Especial de la ONU sobre la situación de los defensores de derechos humanos']);
    case 'un_special_procedures': return rng.pick(['Relatoría Especial de la ONU sobre los derechos humanos de los migrantes', 'UN Special Rapporteur on human rights defenders']);
    case 'press_statement': return rng.pick(['Medios de comunicación', 'Opinión pública', 'The press']);
    case 'public_campaign': return c === 'US' ? rng.pick(['DHS', 'Congress']) : c === 'MX' ? rng.pick(['Gobierno de México', 'Gobierno del estado', 'INM']) : 'Gobierno nacional';
    case 'legal_accompaniment': return c === 'US' ? rng.pick(['Immigration court', 'Federal district court']) : rng.pick(['Juzgado de Distrito', 'Juzgado de control']);
    case 'amparo_habeas': return c === 'US' ? 'U.S. District Court' : state ? `Juzgado de Distrito en ${state}` : 'Juzgado de Distrito';
    case 'information_request': return c === 'US' ? rng.pick(['CBP (FOIA)', 'ICE (FOIA)']) : rng.pick(['INM (Unidad de Transparencia)', 'Guardia Nacional (Unidad de Transparencia)']);
    case 'oversight_complaint': return c === 'US' ? rng.pick(['DHS Office for Civil Rights and Civil Liberties (CRCL)', 'DHS Office of Inspector General (OIG)']) : 'Órgano Interno de Control del INM';
    case 'consular_contact': {
      const nat = primary?.nationality && primary.nationality !== 'US' ? primary.nationality : 'MX';
      return `Consulado de ${countryName(nat, 'es')} en ${town && plan.country === 'US' ? town : 'San Diego'}`;
    }
    case 'meeting_authorities': return c === 'US' ? rng.pick(['CBP port director', 'Congressional district office']) : town && rng.chance(0.5) ? `Gobierno municipal de ${town}` : state ? `Oficina de Representación del INM en ${state}` : 'INM';
    default: return undefined;
  }
}

export function makeInterventions(rng: Rng, codes: Codes, d: DatePlan, lang: DemoLang, plan: PlacePlan, primary: PoolActor | undefined, org: PoolActor | undefined): RawIntervention[] {
  const out: RawIntervention[] = [];
  const count = rng.weighted<number>([[1, 70], [2, 22], [3, 8]]);
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted(INTERVENTION_KINDS[plan.region]);
    if (used.has(kind)) continue;
    used.add(kind);
    const x: RawIntervention = { kind: codes.c('intervention_kind', kind) };
    if (rng.chance(0.9)) x.date = laterDate(rng, d, 1 + i * 10, 90 + i * 60, 0.7);
    const to = addressee(rng, kind, plan, primary);
    if (to) x.addressee = to;
    if (rng.chance(0.6)) x.actor = org ? org.pseudonym : rng.pick(lang === 'es' ? ['Equipo jurídico del albergue', 'Red regional de defensoras (ficticia)', 'Área de incidencia'] : ['Shelter legal team', 'Regional defenders network (fictional)', 'Advocacy team']);
    if (!['press_statement', 'psychosocial', 'relocation', 'public_campaign'].includes(kind) && rng.chance(0.85)) {
      x.outcome = codes.c('intervention_outcome', rng.weighted<string>([['pending', d.year >= 2025 ? 50 : 20], ['no_response', 25], ['granted', 14], ['partially_granted', 10], ['denied', 15], ['other', 3]]));
    }
    if (rng.chance(0.4)) x.followUp = codes.c('follow_up', rng.weighted<string>([['open', 40], ['under_investigation', 25], ['impunity', 15], ['resolved', 20]]));
    if (rng.chance(0.3)) x.notes = fillTemplate(rng.pick(T.INTERVENTION_NOTES[lang]), { n: String(rng.int(1, 999)), year: String(d.year) });
    out.push(x);
  }
  return out;
}
