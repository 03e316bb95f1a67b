/**
 * The letter of an urgent appeal: one template per protection body and language (Spanish and
 * English), filled from plain facts (facts.ts) — nothing else reaches it. A respectful, conventional
 * structure: place and date, addressee, subject with the case's reference, greeting, purpose, the
 * facts (date as recorded, public place, kinds of act, perpetrators' kinds and institutions, the
 * people affected), a testimony when consent allows it, the risk and urgency, the requests proper to
 * that body, closing and signature with the organisation's name. Bracketed lines are for the drafter
 * to complete or remove before sending.
 */
import type { FuzzyDate } from '../dates.js';
import { dateWords } from '../report/words.js';
import { countryName, crossingByCode, stateByCode } from '../places/places.js';
import type { AppealLang, ProtectionBody } from './bodies.js';
import type { AppealAct, AppealFacts, AppealVictim } from './facts.js';

/** Labels of vocabulary codes in the letter's language. */
export type TermLabel = (scheme: string, code: string) => string;

/** Roles of people who defend rights (the Mechanism's and the UN mandate's concern). */
const DEFENDER_ROLES = new Set(['shelter_director', 'shelter_coordinator', 'shelter_staff', 'volunteer', 'lawyer', 'journalist', 'communicator', 'hrd_other', 'migrant_defender']);
/** Statuses for which the consulate of the country of origin must not be approached without consent. */
const PROTECTION_SEEKERS = new Set(['asylum_seeker', 'refugee']);

interface BodyText {
  addressee: string[];
  subject: string;
  greeting: string;
  purpose: (org: string, country: string) => string;
  requests: (country: string) => string[];
  /** a prompt for the drafter, placed before the requests */
  prompt?: string;
}

const ES: Record<ProtectionBody, BodyText> = {
  mx_mechanism: {
    addressee: ['Mecanismo de Protección para Personas Defensoras de Derechos Humanos y Periodistas', 'Coordinación Ejecutiva Nacional', 'Secretaría de Gobernación', 'P r e s e n t e'],
    subject: 'Solicitud urgente de medidas de protección (procedimiento extraordinario)',
    greeting: 'Estimadas y estimados integrantes de la Coordinación Ejecutiva Nacional:',
    purpose: (org) => `${org} se dirige a ustedes para solicitar, con carácter urgente, la incorporación al Mecanismo y el otorgamiento de medidas urgentes de protección a favor de las personas que se mencionan más adelante, por los hechos que se describen a continuación.`,
    requests: () => [
      'Que esta solicitud se tramite mediante el procedimiento extraordinario previsto en la Ley para la Protección de Personas Defensoras de Derechos Humanos y Periodistas, por estar en peligro inminente la vida, la integridad física o la libertad de las personas señaladas.',
      'Que se dicten e implementen de inmediato medidas urgentes de protección a su favor, acordadas con las personas beneficiarias.',
      'Que se realice a la brevedad la evaluación de riesgo y se coordine con las autoridades federales, estatales y municipales competentes la implementación de las medidas.',
      'Que se nos informe por un canal seguro de las medidas adoptadas.',
    ],
  },
  iachr: {
    addressee: ['Comisión Interamericana de Derechos Humanos', 'Secretaría Ejecutiva', 'Organización de los Estados Americanos', 'Washington, D.C.'],
    subject: 'Solicitud de medidas cautelares (artículo 25 del Reglamento de la CIDH)',
    greeting: 'Distinguida Secretaría Ejecutiva:',
    purpose: (org) => `${org} se dirige respetuosamente a la Comisión Interamericana de Derechos Humanos para solicitar el otorgamiento de medidas cautelares, conforme al artículo 25 de su Reglamento, a favor de las personas que se mencionan más adelante, quienes se encuentran en una situación de gravedad y urgencia que presenta un riesgo de daño irreparable a sus derechos.`,
    prompt: '[Indique si los hechos se han puesto en conocimiento de las autoridades del Estado y con qué resultado, y si las personas propuestas como beneficiarias conocen y aceptan esta solicitud.]',
    requests: (country) => [
      `Que otorgue medidas cautelares a favor de las personas propuestas como beneficiarias y requiera al Estado de ${country} que adopte las medidas necesarias para proteger su vida e integridad personal.`,
      'Que, de considerarlo necesario, solicite al Estado información con carácter urgente, conforme al artículo 25 de su Reglamento.',
      'Que requiera al Estado que concierte las medidas con las personas beneficiarias y sus representantes, e informe sobre las acciones adoptadas para investigar los hechos y evitar su repetición.',
    ],
  },
  un_special_procedures: {
    addressee: ['Relatoría Especial sobre la situación de los defensores de derechos humanos', 'Procedimientos Especiales del Consejo de Derechos Humanos', 'Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos (ACNUDH)', 'Ginebra, Suiza'],
    subject: 'Solicitud de llamamiento urgente',
    greeting: 'Estimada Relatoría Especial:',
    purpose: (org) => `${org} se dirige a usted para poner en su conocimiento los hechos que se describen a continuación y solicitar que, en el marco de su mandato, dirija con urgencia una comunicación al Gobierno correspondiente.`,
    requests: (country) => [
      `Que dirija con urgencia una comunicación (llamamiento urgente) al Gobierno de ${country} en relación con los hechos descritos.`,
      'Que solicite al Gobierno información sobre las medidas adoptadas para proteger la vida, la integridad y la libertad de las personas afectadas y para investigar los hechos.',
      'Que, si lo considera oportuno, actúe de forma conjunta con otros procedimientos especiales competentes, como la Relatoría Especial sobre los derechos humanos de los migrantes.',
      'Que se nos informe por un canal seguro de las gestiones realizadas.',
    ],
  },
  consulate: {
    addressee: ['Titular de la representación consular', '[Consulado de … en …]'],
    subject: 'Solicitud urgente de asistencia y protección consular',
    greeting: 'Estimada o estimado cónsul:',
    purpose: (org) => `${org} se dirige a usted para solicitar su intervención urgente a favor de las personas que se mencionan más adelante, en atención a los hechos que se describen a continuación.`,
    requests: () => [
      'Que se establezca contacto de inmediato con las personas afectadas y se les brinde asistencia y protección consular.',
      'Que, si se encuentran privadas de la libertad, se verifique su situación y se hagan valer sus derechos de notificación, comunicación y acceso consular, conforme al artículo 36 de la Convención de Viena sobre Relaciones Consulares.',
      'Que se intervenga ante las autoridades competentes para garantizar su integridad y el debido proceso.',
      'Que se nos informe por un canal seguro de las gestiones realizadas.',
    ],
  },
  national_human_rights_commission: {
    addressee: ['Comisión Nacional de los Derechos Humanos', '[o la comisión o procuraduría de derechos humanos que corresponda]', 'P r e s e n t e'],
    subject: 'Queja y solicitud urgente de medidas precautorias o cautelares',
    greeting: 'Estimadas y estimados visitadores:',
    purpose: (org) => `${org} se dirige a ustedes para presentar queja por los hechos que se describen a continuación y solicitar con urgencia medidas precautorias o cautelares a favor de las personas que se mencionan más adelante.`,
    requests: () => [
      'Que se admita la presente como queja y se inicie de inmediato la investigación de los hechos.',
      'Que se solicite a las autoridades competentes que adopten las medidas precautorias o cautelares necesarias para evitar la consumación irreparable de las violaciones denunciadas, conforme al artículo 40 de la Ley de la Comisión Nacional de los Derechos Humanos.',
      'Que se verifique sin demora la situación de las personas afectadas.',
      'Que se nos informe por un canal seguro de las gestiones realizadas.',
    ],
  },
  other: {
    addressee: ['[Nombre del organismo destinatario]', '[Área o persona responsable]'],
    subject: 'Solicitud urgente de intervención',
    greeting: 'A quien corresponda:',
    purpose: (org) => `${org} se dirige a ustedes para solicitar su intervención urgente a favor de las personas que se mencionan más adelante, en atención a los hechos que se describen a continuación.`,
    requests: () => [
      'Que intervengan con urgencia, en el ámbito de sus atribuciones, para proteger la vida, la integridad y la libertad de las personas afectadas.',
      'Que soliciten a las autoridades competentes la adopción inmediata de medidas de protección y la investigación de los hechos.',
      'Que se nos informe por un canal seguro de las gestiones realizadas.',
    ],
  },
};

const EN: Record<ProtectionBody, BodyText> = {
  mx_mechanism: {
    addressee: ['Protection Mechanism for Human Rights Defenders and Journalists', 'National Executive Coordination', 'Ministry of the Interior (Secretaría de Gobernación), Mexico'],
    subject: 'Urgent request for protection measures (extraordinary procedure)',
    greeting: 'Dear members of the National Executive Coordination,',
    purpose: (org) => `${org} writes to request, as a matter of urgency, the incorporation into the Mechanism of the people named below and the granting of urgent protection measures in their favour, on account of the facts set out below.`,
    requests: () => [
      'That this request be handled through the extraordinary procedure provided for in the Law for the Protection of Human Rights Defenders and Journalists, since the life, physical integrity or liberty of the people named is in imminent danger.',
      'That urgent protection measures be ordered and put in place in their favour immediately, agreed with the beneficiaries.',
      'That the risk assessment be carried out without delay and the implementation of the measures be coordinated with the competent federal, state and municipal authorities.',
      'That we be informed of the measures adopted through a secure channel.',
    ],
  },
  iachr: {
    addressee: ['Inter-American Commission on Human Rights', 'Executive Secretariat', 'Organization of American States', 'Washington, D.C.'],
    subject: 'Request for precautionary measures (Article 25 of the IACHR Rules of Procedure)',
    greeting: 'Dear Executive Secretariat,',
    purpose: (org) => `${org} respectfully requests the Inter-American Commission on Human Rights to grant precautionary measures, under Article 25 of its Rules of Procedure, in favour of the people named below, who are in a serious and urgent situation presenting a risk of irreparable harm to their rights.`,
    prompt: '[State whether the facts have been brought to the attention of the State\'s authorities and with what result, and whether the proposed beneficiaries know of and agree to this request.]',
    requests: (country) => [
      `That it grant precautionary measures in favour of the proposed beneficiaries and require the State of ${country} to adopt the measures necessary to protect their life and personal integrity.`,
      'That, if it deems it necessary, it request information from the State as a matter of urgency, under Article 25 of its Rules of Procedure.',
      'That it require the State to agree the measures with the beneficiaries and their representatives, and to report on the action taken to investigate the facts and prevent their repetition.',
    ],
  },
  un_special_procedures: {
    addressee: ['Special Rapporteur on the situation of human rights defenders', 'Special Procedures of the Human Rights Council', 'Office of the United Nations High Commissioner for Human Rights (OHCHR)', 'Geneva, Switzerland'],
    subject: 'Request for an urgent appeal',
    greeting: 'Dear Special Rapporteur,',
    purpose: (org) => `${org} writes to bring to your attention the facts set out below and to request that, within your mandate, you address an urgent communication to the Government concerned.`,
    requests: (country) => [
      `That you urgently address a communication (urgent appeal) to the Government of ${country} concerning the facts described.`,
      'That you request from the Government information on the measures taken to protect the life, integrity and liberty of the people affected and to investigate the facts.',
      'That, if you consider it appropriate, you act jointly with other relevant special procedures, such as the Special Rapporteur on the human rights of migrants.',
      'That we be informed of the steps taken through a secure channel.',
    ],
  },
  consulate: {
    addressee: ['Head of the consular post', '[Consulate of … in …]'],
    subject: 'Urgent request for consular assistance and protection',
    greeting: 'Dear Consul,',
    purpose: (org) => `${org} writes to request your urgent intervention in favour of the people named below, on account of the facts set out below.`,
    requests: () => [
      'That contact be established immediately with the people affected and that they be given consular assistance and protection.',
      'That, if they are deprived of liberty, their situation be verified and their rights to consular notification, communication and access be upheld, under Article 36 of the Vienna Convention on Consular Relations.',
      'That you intervene with the competent authorities to safeguard their integrity and due process.',
      'That we be informed of the steps taken through a secure channel.',
    ],
  },
  national_human_rights_commission: {
    addressee: ['National Human Rights Commission (CNDH), Mexico', '[or the competent state human rights commission or ombudsperson\'s office]'],
    subject: 'Complaint and urgent request for precautionary measures',
    greeting: 'Dear Inspectors (Visitadores),',
    purpose: (org) => `${org} writes to file a complaint about the facts set out below and to request, as a matter of urgency, precautionary measures in favour of the people named below.`,
    requests: () => [
      'That this letter be admitted as a complaint and an investigation of the facts be opened immediately.',
      'That the competent authorities be asked to adopt the precautionary measures necessary to prevent the irreparable consummation of the violations reported, under Article 40 of the Law of the National Human Rights Commission.',
      'That the situation of the people affected be verified without delay.',
      'That we be informed of the steps taken through a secure channel.',
    ],
  },
  other: {
    addressee: ['[Name of the addressee body]', '[Office or person responsible]'],
    subject: 'Urgent request for action',
    greeting: 'To whom it may concern,',
    purpose: (org) => `${org} writes to request your urgent intervention in favour of the people named below, on account of the facts set out below.`,
    requests: () => [
      'That you intervene urgently, within your powers, to protect the life, integrity and liberty of the people affected.',
      'That you ask the competent authorities to adopt protection measures immediately and to investigate the facts.',
      'That we be informed of the steps taken through a secure channel.',
    ],
  },
};

const WORDS = {
  es: {
    place: '[Ciudad]',
    ref: 'Ref.',
    subject: 'Asunto',
    facts: 'Hechos',
    affected: 'Personas y organizaciones afectadas',
    testimony: 'Testimonio',
    risk: 'Riesgo y urgencia',
    requests: 'Solicitudes',
    requestsIntro: 'Por lo anterior, respetuosamente solicitamos:',
    when: (d: string) => `Según nuestro registro, los hechos ocurrieron ${d}`,
    noDate: 'Según nuestro registro, los hechos ocurrieron [fecha por precisar]',
    where: (p: string) => `, en ${p}.`,
    noPlace: ', en [lugar por precisar].',
    context: (c: string) => `Contexto: ${c}.`,
    actsIntro: 'Se registraron los siguientes actos:',
    against: (v: string) => ` contra ${v}`,
    responsible: (p: string) => `presuntos responsables: ${p}`,
    consequences: (c: string) => `consecuencias: ${c}`,
    noActs: '[Describa aquí los hechos.]',
    narrative: '[Amplíe aquí el relato de los hechos.]',
    person: (v: AppealVictim) => (v.realName ? `${v.realName} (en nuestro registro: «${v.pseudonym}»)` : `«${v.pseudonym}» (seudónimo)`),
    organisation: (v: AppealVictim) => v.pseudonym,
    nationality: (c: string) => `nacionalidad: ${c}`,
    identityFollows: '[datos de identificación: se comunicarán por un canal seguro]',
    testimonyIntro: 'Una de las fuentes de nuestro registro, que consintió en que su testimonio se use en acciones legales, declaró:',
    testimoniesIntro: 'Fuentes de nuestro registro que consintieron en que su testimonio se use en acciones legales declararon:',
    riskText: 'Los hechos descritos colocan a las personas mencionadas en una situación de riesgo grave e inminente para su vida, su integridad personal y su libertad, que exige una respuesta inmediata.',
    defenders: 'Las personas afectadas defienden los derechos de las personas migrantes; estos hechos buscan impedir o castigar esa labor.',
    riskPrompt: '[Describa aquí el riesgo actual: amenazas posteriores, paradero de las personas, plazos.]',
    asylumCaution: '[Antes de enviar: no comparta datos de una persona solicitante de asilo o refugiada con el consulado de su país de origen sin su consentimiento expreso.]',
    closing: 'Agradecemos de antemano su pronta intervención y quedamos a su disposición para ampliar la información por un canal seguro.',
    signOff: 'Atentamente,',
    signatory: '[Nombre y cargo de quien firma]',
    theState: '[Estado]',
    approx: (s: string) => `aproximadamente ${s}`,
  },
  en: {
    place: '[City]',
    ref: 'Ref.',
    subject: 'Subject',
    facts: 'Facts',
    affected: 'People and organisations affected',
    testimony: 'Testimony',
    risk: 'Risk and urgency',
    requests: 'Requests',
    requestsIntro: 'In view of the above, we respectfully request:',
    when: (d: string) => `According to our records, the events took place ${d}`,
    noDate: 'According to our records, the events took place [date to be confirmed]',
    where: (p: string) => ` in ${p}.`,
    noPlace: ' in [place to be confirmed].',
    context: (c: string) => `Context: ${c}.`,
    actsIntro: 'The following acts were recorded:',
    against: (v: string) => ` against ${v}`,
    responsible: (p: string) => `alleged perpetrators: ${p}`,
    consequences: (c: string) => `consequences: ${c}`,
    noActs: '[Describe the facts here.]',
    narrative: '[Add the account of the events here.]',
    person: (v: AppealVictim) => (v.realName ? `${v.realName} (in our records: “${v.pseudonym}”)` : `“${v.pseudonym}” (pseudonym)`),
    organisation: (v: AppealVictim) => v.pseudonym,
    nationality: (c: string) => `nationality: ${c}`,
    identityFollows: '[identifying details: to be communicated through a secure channel]',
    testimonyIntro: 'One of the sources in our records, who consented to their testimony being used in legal action, stated:',
    testimoniesIntro: 'Sources in our records who consented to their testimony being used in legal action stated:',
    riskText: 'The facts described place the people named in a situation of serious and imminent risk to their life, personal integrity and liberty, which calls for an immediate response.',
    defenders: 'The people affected defend the rights of migrants; these acts seek to prevent or punish that work.',
    riskPrompt: '[Describe the current risk here: later threats, the whereabouts of the people, deadlines.]',
    asylumCaution: '[Before sending: do not share the details of an asylum seeker or refugee with the consulate of their country of origin without their express consent.]',
    closing: 'We thank you in advance for your prompt action and remain available to provide further information through a secure channel.',
    signOff: 'Yours faithfully,',
    signatory: '[Name and position of the signatory]',
    theState: '[State]',
    approx: (s: string) => `approximately ${s}`,
  },
} as const;

/** "el 5 de marzo de 2026", "en julio de 2019", "entre julio de 2026 y el 15 de agosto de 2026"; "on 5 March 2026", "in July 2019" … */
export function dateAsRecorded(d: FuzzyDate, lang: AppealLang): string {
  const one = (x: string) => {
    const words = dateWords(x, lang);
    if (lang === 'es') return x.length === 10 ? `el ${words}` : words;
    return words;
  };
  let s: string;
  if (d.end && d.end !== d.start) s = lang === 'es' ? `entre ${one(d.start)} y ${one(d.end)}` : `between ${one(d.start)} and ${one(d.end)}`;
  else if (lang === 'es') s = d.start.length === 10 ? one(d.start) : `en ${one(d.start)}`;
  else s = d.start.length === 10 ? `on ${one(d.start)}` : `in ${one(d.start)}`;
  if (!d.approximate) return s;
  if (lang === 'en' && !s.startsWith('between ')) return `around ${s.replace(/^(in|on) /, '')}`;
  return WORDS[lang].approx(s);
}

/** The public place in words: "Saltillo, Coahuila, México"; a crossing first when recorded. */
export function placeAsRecorded(p: AppealFacts['place'], lang: AppealLang): string | undefined {
  if (!p.country) return undefined;
  const parts = [
    p.crossing ? crossingByCode(p.crossing)?.name[lang] : undefined,
    p.municipality,
    p.state ? stateByCode(p.state)?.name[lang] : undefined,
    countryName(p.country, lang),
  ];
  return parts.filter((x): x is string => !!x).join(', ');
}

/** "Estado mexicano: Instituto Nacional de Migración (INM)": an institution with its kind. */
function perpetratorWords(code: string, term: TermLabel): string {
  const parts = code.split('.');
  if (parts.length < 2) return term('perpetrator', code);
  return `${term('perpetrator', parts.slice(0, -1).join('.'))}: ${term('perpetrator', code)}`;
}

function actLine(a: AppealAct, lang: AppealLang, term: TermLabel): string {
  const w = WORDS[lang];
  const details = [
    a.perpetrators.length ? w.responsible(a.perpetrators.map((p) => perpetratorWords(p, term)).join('; ')) : '',
    a.consequences.length ? w.consequences(a.consequences.map((c) => term('consequence', c)).join(', ')) : '',
  ].filter(Boolean);
  const when = a.date ? ` (${dateAsRecorded(a.date, lang)})` : '';
  const whom = a.victim !== undefined ? w.against(lang === 'es' ? `«${a.victim}»` : `“${a.victim}”`) : '';
  return `- ${term('act', a.kind)}${whom}${when}${details.length ? `; ${details.join('; ')}` : ''}.`;
}

function victimLine(v: AppealVictim, lang: AppealLang, term: TermLabel): string {
  const w = WORDS[lang];
  if (v.kind === 'organisation') return `- ${w.organisation(v)}${v.orgType ? `, ${term('org_type', v.orgType)}` : ''}.`;
  const more = [v.role ? term('victim_role', v.role) : '', v.nationality ? w.nationality(countryName(v.nationality, lang)) : ''].filter(Boolean);
  return `- ${w.person(v)}${more.length ? `, ${more.join(', ')}` : ''}.`;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

/** The letter of an appeal to `body` in `lang`, from `facts` alone. */
export function appealLetter(body: ProtectionBody, lang: AppealLang, facts: AppealFacts, term: TermLabel): string {
  const w = WORDS[lang];
  const b = (lang === 'es' ? ES : EN)[body];
  const country = facts.place.country ? countryName(facts.place.country, lang) : w.theState;
  const out: string[] = [];
  const para = (...lines: string[]) => out.push(lines.join('\n'));
  let section = 0;
  const heading = (s: string) => para(`${ROMAN[section++]}. ${s}`);

  if (body === 'consulate' && facts.victims.some((v) => v.migrationStatus && PROTECTION_SEEKERS.has(v.migrationStatus))) para(w.asylumCaution);
  para(`${w.place}, ${dateWords(facts.today, lang)}`);
  para(...b.addressee);
  para(`${w.subject}: ${b.subject}`, `${w.ref} ${facts.caseRef}`);
  para(b.greeting);
  para(b.purpose(facts.organisation, country));

  heading(w.facts);
  const place = placeAsRecorded(facts.place, lang);
  para(`${facts.date ? w.when(dateAsRecorded(facts.date, lang)) : w.noDate}${place ? w.where(place) : w.noPlace}`);
  if (facts.context.length) para(w.context(facts.context.map((c) => term('context', c)).join(', ')));
  if (facts.acts.length) para(w.actsIntro, ...facts.acts.map((a) => actLine(a, lang, term)));
  else para(w.noActs);
  para(w.narrative);

  if (facts.victims.length) {
    heading(w.affected);
    para(...facts.victims.map((v) => victimLine(v, lang, term)));
    if (facts.identityFollows) para(w.identityFollows);
  }

  if (facts.testimonies.length) {
    heading(w.testimony);
    para(facts.testimonies.length === 1 ? w.testimonyIntro : w.testimoniesIntro);
    for (const q of facts.testimonies) para(lang === 'es' ? `«${q.text}»` : `“${q.text}”`, ...(q.source ? [`— ${q.source}`] : []));
  }

  heading(w.risk);
  const defenders = facts.victims.some((v) => v.kind === 'organisation' || (v.role !== undefined && DEFENDER_ROLES.has(v.role)));
  para([w.riskText, defenders ? w.defenders : ''].filter(Boolean).join(' '));
  para(w.riskPrompt);

  heading(w.requests);
  if (b.prompt) para(b.prompt);
  para(w.requestsIntro, ...b.requests(country).map((r, i) => `${i + 1}. ${r}`));

  para(w.closing);
  para(w.signOff);
  para(w.signatory, facts.organisation);
  return out.join('\n\n');
}

/** Fixed words of the PDF's metadata: the kind of document, never a name or a reference. */
export function appealTitle(lang: AppealLang): string {
  return lang === 'es' ? 'Apelación urgente' : 'Urgent appeal';
}
