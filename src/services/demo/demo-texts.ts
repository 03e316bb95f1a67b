/**
 * Narrative templates for the synthetic demo dataset (generate-demo.ts). Everything here is
 * invented: no real person, organisation or case. Templates hold {placeholders} that the
 * generator fills; a placeholder written with a capital letter ({Perp}, {Where}) gets its value
 * capitalised. Spanish predicates always take a plural subject (the perpetrators) and a
 * grammatically singular victim, so verbs agree whatever is drawn; "a el"/"de el" are contracted
 * after filling.
 *
 * Placeholders: perp (perpetrators, plural, e.g. "elementos del INM"), what (the act as a
 * predicate, from WHAT), where ("en Tapachula", "at the San Ysidro port of entry"), town (bare
 * place name), victim ("la coordinadora del albergue", "a volunteer"), shelter ("el albergue",
 * or the organisation's name), poss/obj/subj (English pronouns of the victim), oa (Spanish
 * gender ending of the victim: "a" or "o"), label / lc (the act's vocabulary label, as is and
 * with a lower-case first letter), vehicle, platform, network, phrase (a quoted threat), hours,
 * clock, n, nm (a number of migrants), nth (an ordinal), pseudo (the victim's pseudonym).
 * Templates can be limited to some act codes (`only`) or to person victims (`personal`).
 */

export type DemoLang = 'es' | 'en';
export type Bi = Record<DemoLang, string>;
export type BiList = Record<DemoLang, string[]>;

/** The act as a predicate after a plural subject (the perpetrators), per act code. */
export const WHAT: Record<string, Bi> = {
  shelter_entry: { es: 'irrumpieron en {shelter}', en: 'burst into {shelter}' },
  'shelter_entry.attempted': { es: 'intentaron ingresar a {shelter}', en: 'tried to enter {shelter}' },
  'shelter_entry.forced': { es: 'ingresaron por la fuerza a {shelter}', en: 'forced their way into {shelter}' },
  'shelter_entry.raid': { es: 'realizaron un cateo dentro de {shelter}', en: 'raided {shelter}' },
  'shelter_entry.verification_operation': { es: 'montaron un operativo de verificación migratoria frente a {shelter}', en: 'ran an immigration-status check operation outside {shelter}' },
  'shelter_entry.photographing_staff': { es: 'fotografiaron y grabaron al personal de {shelter}', en: 'photographed and filmed the staff of {shelter}' },

  surveillance: { es: 'vigilaron a {victim} durante varios días', en: 'kept {victim} under surveillance for several days' },
  'surveillance.home': { es: 'vigilaron durante horas el domicilio de {victim}', en: 'watched the home of {victim} for hours' },
  'surveillance.workplace': { es: 'vigilaron desde {vehicle} la entrada de {shelter}', en: 'watched the entrance of {shelter} from {vehicle}' },
  'surveillance.following': { es: 'siguieron a {victim} en {vehicle}', en: 'followed {victim} in {vehicle}' },
  'surveillance.communications': { es: 'intervinieron las comunicaciones de {victim}', en: 'monitored the communications of {victim}' },
  'surveillance.photographing': { es: 'fotografiaron a {victim} al salir de {shelter}', en: 'photographed {victim} leaving {shelter}' },
  'surveillance.inquiries': { es: 'hicieron preguntas sobre {victim} entre vecinos y conocidos', en: 'asked around about {victim} among neighbours and acquaintances' },

  threat: { es: 'amenazaron a {victim}', en: 'threatened {victim}' },
  'threat.in_person': { es: 'amenazaron en persona a {victim}', en: 'threatened {victim} in person' },
  'threat.phone': { es: 'amenazaron por teléfono a {victim}', en: 'threatened {victim} in phone calls' },
  'threat.private_message': { es: 'enviaron mensajes amenazantes por {platform} a {victim}', en: 'sent threatening messages to {victim} on {platform}' },
  'threat.public_post': { es: 'publicaron amenazas contra {victim} en {network}', en: 'posted threats against {victim} on {network}' },
  'threat.death': { es: 'amenazaron de muerte a {victim}', en: 'threatened to kill {victim}' },
  'threat.arrest': { es: 'amenazaron con encarcelar a {victim}', en: 'threatened {victim} with arrest' },
  'threat.deportation': { es: 'amenazaron con deportar a {victim}', en: 'threatened to deport {victim}' },
  'threat.serious_problems': { es: 'advirtieron a {victim} que tendría “problemas serios”', en: 'warned {victim} of “serious problems”' },
  'threat.home_photos': { es: 'enviaron a {victim} fotografías de su casa', en: 'sent {victim} photographs of {poss} house' },
  'threat.family': { es: 'amenazaron a la familia de {victim}', en: 'threatened the family of {victim}' },

  harassment: { es: 'hostigaron a {victim}', en: 'harassed {victim}' },
  'harassment.intimidation': { es: 'patrullaron de forma intimidante alrededor de {shelter}', en: 'patrolled menacingly around {shelter}' },
  'harassment.by_business': { es: 'enviaron personas a {shelter} para intimidar a {victim}', en: 'sent people into {shelter} to intimidate {victim}' },
  'harassment.online': { es: 'hostigaron en {network} a {victim}', en: 'harassed {victim} on {network}' },
  'harassment.doxxing': { es: 'publicaron en {network} datos personales de {victim}', en: 'published personal details of {victim} on {network}' },
  'harassment.administrative': { es: 'realizaron inspecciones injustificadas y amenazaron con clausurar {shelter}', en: 'carried out baseless inspections and threatened to close {shelter}' },

  criminal_pressure: { es: 'presionaron a {victim} para que colaborara con ellos', en: 'pressured {victim} to cooperate with them' },
  'criminal_pressure.recruitment': { es: 'exigieron a {victim} que les entregara a jóvenes alojados en {shelter}', en: 'demanded that {victim} hand over young men staying at {shelter}' },
  'criminal_pressure.access_demand': { es: 'exigieron acceso libre a {shelter}', en: 'demanded free access to {shelter}' },
  'criminal_pressure.information_demand': { es: 'exigieron a {victim} información sobre las personas alojadas en {shelter}', en: 'demanded that {victim} give them information about the people staying at {shelter}' },

  detention: { es: 'detuvieron arbitrariamente a {victim}', en: 'arbitrarily detained {victim}' },
  'detention.arrest': { es: 'arrestaron a {victim} sin orden judicial', en: 'arrested {victim} without a warrant' },
  'detention.immigration_detention': { es: 'llevaron a {victim} a una estación migratoria', en: 'took {victim} to an immigration detention centre' },
  'detention.incommunicado': { es: 'mantuvieron incomunicad{oa} a {victim} durante {hours} horas', en: 'held {victim} incommunicado for {hours} hours' },
  'detention.brief': { es: 'retuvieron a {victim} durante {hours} horas en un retén', en: 'held {victim} for {hours} hours at a checkpoint' },
  'detention.mass_roundup': { es: 'detuvieron a {nm} personas migrantes y a {victim} en una redada', en: 'rounded up {nm} migrants and {victim} in a sweep' },

  interrogation: { es: 'interrogaron durante {hours} horas a {victim} sobre su trabajo en {shelter}', en: 'questioned {victim} for {hours} hours about {poss} work at {shelter}' },

  border: { es: 'sometieron a {victim} a controles abusivos', en: 'subjected {victim} to abusive border controls' },
  'border.secondary_inspection': { es: 'enviaron a {victim} a revisión secundaria', en: 'sent {victim} to secondary inspection' },
  'border.device_search': { es: 'retuvieron a {victim} y revisaron su teléfono', en: 'detained {victim} and searched {poss} phone' },
  'border.device_seizure': { es: 'confiscaron el teléfono y la computadora de {victim}', en: 'seized the phone and laptop of {victim}' },
  'border.denial_of_entry': { es: 'negaron la entrada a {victim}', en: 'denied entry to {victim}' },
  'border.migratory_alert': { es: 'informaron a {victim} que tiene una alerta migratoria en su expediente', en: 'told {victim} that {poss} record carried a migratory alert' },

  deportation: { es: 'deportaron a {victim}', en: 'deported {victim}' },
  'deportation.expulsion': { es: 'expulsaron sumariamente a {victim} bajo el Título 42', en: 'summarily expelled {victim} under Title 42' },
  'deportation.return_to_mexico': { es: 'devolvieron a {victim} a México bajo el MPP', en: 'returned {victim} to Mexico under MPP' },

  status_revocation: { es: 'revocaron el estatus migratorio de {victim}', en: 'revoked the immigration status of {victim}' },
  'status_revocation.daca': { es: 'negaron la renovación del DACA de {victim}', en: 'denied the DACA renewal of {victim}' },
  'status_revocation.residence': { es: 'cancelaron la residencia de {victim}', en: 'cancelled the residence permit of {victim}' },
  'status_revocation.visa': { es: 'revocaron la tarjeta SENTRI y la visa de {victim}', en: 'revoked the SENTRI pass and visa of {victim}' },

  criminalisation: { es: 'iniciaron un proceso penal contra {victim}', en: 'opened criminal proceedings against {victim}' },
  'criminalisation.investigation': { es: 'abrieron una carpeta de investigación contra {victim}', en: 'opened a criminal investigation into {victim}' },
  'criminalisation.summons': { es: 'citaron a declarar a {victim}', en: 'summoned {victim} to testify' },
  'criminalisation.arrest_warrant': { es: 'obtuvieron una orden de aprehensión contra {victim}', en: 'obtained an arrest warrant against {victim}' },
  'criminalisation.charges': { es: 'presentaron cargos penales contra {victim}', en: 'filed criminal charges against {victim}' },
  'criminalisation.smuggling_charge': { es: 'acusaron a {victim} de tráfico de personas', en: 'charged {victim} with human smuggling' },
  'criminalisation.trafficking_charge': { es: 'acusaron a {victim} de trata de personas', en: 'accused {victim} of human trafficking' },
  'criminalisation.civil_administrative': { es: 'iniciaron un procedimiento administrativo contra {shelter}', en: 'started administrative proceedings against {shelter}' },

  defamation: { es: 'difamaron a {victim}', en: 'defamed {victim}' },
  'defamation.terrorist_label': { es: 'calificaron a {victim} de “amenaza para la seguridad nacional”', en: 'labelled {victim} a “threat to national security”' },
  'defamation.smuggler_label': { es: 'acusaron públicamente a {victim} de ser “pollero”', en: 'publicly called {victim} a “smuggler”' },
  'defamation.fake_news': { es: 'difundieron noticias falsas sobre {shelter}', en: 'spread false news about {shelter}' },
  'defamation.by_officials': { es: 'hicieron declaraciones estigmatizantes contra {victim}', en: 'made stigmatising statements about {victim}' },
  'defamation.smear_campaign': { es: 'lanzaron una campaña de desprestigio en {network} contra {victim}', en: 'launched a smear campaign against {victim} on {network}' },

  gendered_abuse: { es: 'insultaron con expresiones sexistas a {victim}', en: 'directed sexist abuse at {victim}' },
  'gendered_abuse.sexist': { es: 'hicieron comentarios sexistas y humillantes a {victim}', en: 'made sexist, humiliating remarks to {victim}' },
  'gendered_abuse.sexual_harassment': { es: 'acosaron sexualmente a {victim}', en: 'sexually harassed {victim}' },
  'gendered_abuse.homophobic': { es: 'dirigieron insultos homofóbicos a {victim}', en: 'hurled homophobic insults at {victim}' },
  'gendered_abuse.transphobic': { es: 'dirigieron insultos transfóbicos a {victim}', en: 'subjected {victim} to transphobic abuse' },

  physical_assault: { es: 'agredieron físicamente a {victim}', en: 'physically assaulted {victim}' },
  'physical_assault.beating': { es: 'golpearon a {victim}', en: 'beat {victim}' },
  'physical_assault.excessive_force': { es: 'usaron fuerza excesiva contra {victim}', en: 'used excessive force against {victim}' },
  'physical_assault.torture': { es: 'sometieron a malos tratos a {victim} durante su detención', en: 'ill-treated {victim} in custody' },

  shooting: { es: 'dispararon contra {victim}', en: 'opened fire on {victim}' },
  'shooting.at_people': { es: 'dispararon contra {victim} y un grupo de migrantes', en: 'shot at {victim} and a group of migrants' },
  'shooting.at_property': { es: 'dispararon contra la fachada de {shelter}', en: 'fired shots at the front of {shelter}' },

  killing: { es: 'asesinaron a {victim}', en: 'killed {victim}' },
  'killing.extrajudicial_execution': { es: 'ejecutaron extrajudicialmente a {victim}', en: 'extrajudicially executed {victim}' },
  'killing.femicide': { es: 'asesinaron a {victim}', en: 'murdered {victim}' },
  'killing.massacre': { es: 'asesinaron a {victim} y a otras {n} personas', en: 'killed {victim} and {n} other people' },
  'killing.death_in_custody': { es: 'tenían bajo custodia a {victim} cuando murió', en: 'had {victim} in custody when {subj} died' },
  'killing.attempted': { es: 'intentaron asesinar a {victim}', en: 'tried to kill {victim}' },

  kidnapping: { es: 'privaron de la libertad a {victim}', en: 'abducted {victim}' },
  'kidnapping.express': { es: 'secuestraron durante {hours} horas a {victim}', en: 'held {victim} for {hours} hours in an express kidnapping' },
  'kidnapping.ransom': { es: 'secuestraron a {victim} y exigieron un rescate', en: 'kidnapped {victim} and demanded a ransom' },
  'kidnapping.mass': { es: 'secuestraron a {nm} migrantes alojados en {shelter}', en: 'kidnapped {nm} migrants staying at {shelter}' },

  disappearance: { es: 'se llevaron a {victim}, cuyo paradero se desconoce', en: 'took {victim} away; {poss} whereabouts are unknown' },
  'disappearance.enforced': { es: 'detuvieron a {victim}, que desde entonces está desaparecid{oa}', en: 'detained {victim}, who has been missing ever since' },
  'disappearance.by_private': { es: 'se llevaron por la fuerza a {victim}; desde entonces no se sabe de su paradero', en: 'forcibly took {victim}; {poss} whereabouts remain unknown' },

  obstruction: { es: 'obstaculizaron el trabajo legal de {victim}', en: 'obstructed the legal work of {victim}' },
  'obstruction.arbitrary_requirements': { es: 'impusieron requisitos arbitrarios a {victim} para acompañar solicitudes de asilo', en: 'imposed arbitrary requirements on {victim} for filing asylum cases' },
  'obstruction.missed_deadlines': { es: 'ignoraron los plazos legales en los casos que lleva {victim}', en: 'ignored legal deadlines in cases handled by {victim}' },
  'obstruction.closed_offices': { es: 'mantuvieron cerradas las oficinas donde {victim} debía presentar trámites', en: 'kept closed the offices where {victim} had to file paperwork' },
  'obstruction.denied_access': { es: 'negaron a {victim} el acceso a personas detenidas', en: 'denied {victim} access to detained people' },

  humanitarian_obstruction: { es: 'impidieron la labor humanitaria de {victim}', en: 'blocked the humanitarian work of {victim}' },
  'humanitarian_obstruction.blocked_delivery': { es: 'impidieron a {victim} entregar agua y alimentos a personas migrantes', en: 'stopped {victim} from delivering water and food to migrants' },
  'humanitarian_obstruction.supplies_destroyed': { es: 'destruyeron los garrafones de agua que {victim} dejó en el desierto', en: 'destroyed water jugs that {victim} had left in the desert' },

  robbery_extortion: { es: 'robaron y extorsionaron a {victim}', en: 'robbed and extorted {victim}' },
  'robbery_extortion.robbery': { es: 'asaltaron a {victim}', en: 'robbed {victim}' },
  'robbery_extortion.information_theft': { es: 'robaron computadoras y archivos de {shelter}', en: 'stole computers and files from {shelter}' },
  'robbery_extortion.extortion': { es: 'exigieron dinero a {victim} a cambio de no hacerle daño', en: 'demanded money from {victim} in exchange for “leaving {obj} alone”' },
  'robbery_extortion.protection_money': { es: 'exigieron el pago de “cobro de piso” a {shelter}', en: 'demanded “protection money” from {shelter}' },
  'robbery_extortion.bribe_demand': { es: 'exigieron un soborno a {victim} para liberar a personas migrantes', en: 'demanded a bribe from {victim} to release migrants' },

  property_damage: { es: 'dañaron las instalaciones de {shelter}', en: 'damaged the premises of {shelter}' },
  'property_damage.vandalism': { es: 'pintaron consignas contra migrantes en la fachada de {shelter}', en: 'sprayed anti-migrant slogans on the walls of {shelter}' },
  'property_damage.arson': { es: 'prendieron fuego a una parte de {shelter}', en: 'set fire to part of {shelter}' },
  'property_damage.vehicle': { es: 'dañaron el vehículo de {victim}', en: 'vandalised the car of {victim}' },

  sexual_violence: { es: 'agredieron sexualmente a {victim}', en: 'sexually assaulted {victim}' },
  'sexual_violence.attempted_rape': { es: 'intentaron agredir sexualmente a {victim}', en: 'attempted to sexually assault {victim}' },
  'sexual_violence.sexual_assault': { es: 'agredieron sexualmente a {victim}', en: 'sexually assaulted {victim}' },
  'sexual_violence.forced_nudity': { es: 'obligaron a {victim} a desnudarse durante una revisión', en: 'forced {victim} to undress during a search' },

  crime_scene_tampering: { es: 'alteraron la escena del crimen para culpar a la víctima', en: 'tampered with the crime scene to blame the victim' },
};

/** Titles any act can use (the act's own phrasing comes from {what} and {label}). */
export const GENERIC_TITLES: BiList = {
  es: [
    '{Perp} {what} {where}',
    '{Town}: {perp} {what}',
    '{Label} {where}',
    '{Label} ({town})',
    'Denuncian que {perp} {what} {where}',
    '{Where}, {perp} {what}',
    '{Perp} {what}',
    '{Label}: {perp} {what}',
    'Otra vez {where}: {perp} {what}',
    'Alerta {where}: {perp} {what}',
  ],
  en: [
    '{Perp} {what} {where}',
    '{Town}: {perp} {what}',
    '{Label} {where}',
    '{Label} ({town})',
    'Defenders report that {perp} {what} {where}',
    '{Where}, {perp} {what}',
    '{Perp} {what}',
    '{Label}: {perp} {what}',
    'Again {where}: {perp} {what}',
    'Alert {where}: {perp} {what}',
  ],
};

/** A template, optionally limited to some act codes (exact codes). */
export type Tpl = string | { t: string; only?: string[]; person?: boolean };
const only = (codes: string[], t: string): Tpl => ({ t, only: codes });
/** a sentence that only makes sense when the victim is a person */
const personal = (t: string): Tpl => ({ t, person: true });

/** The templates that fit an act and its victim. */
export function fitting(list: readonly Tpl[], act: string, victimIsPerson: boolean): string[] {
  const out: string[] = [];
  for (const x of list) {
    if (typeof x === 'string') out.push(x);
    else if ((!x.only || x.only.includes(act)) && (!x.person || victimIsPerson)) out.push(x.t);
  }
  return out;
}

export interface FamilyTexts {
  /** titles particular to this family (mixed with GENERIC_TITLES) */
  titles: Tpl[];
  /** the first sentence of the summary */
  openings: Tpl[];
  /** further sentences */
  details: Tpl[];
}

const COMMON_OPENINGS_ES = [
  '{Perp} {what} {where}.',
  'Alrededor de las {clock}, {perp} {what} {where}.',
  'El equipo informó que {perp} {what} {where}.',
  '{Where}, {perp} {what}.',
  'Según el reporte recibido, {perp} {what} {where}.',
  'Personas que estaban presentes relataron que {perp} {what}.',
];
const COMMON_OPENINGS_EN = [
  '{Perp} {what} {where}.',
  'At around {clock}, {perp} {what} {where}.',
  'The team reported that {perp} {what} {where}.',
  '{Where}, {perp} {what}.',
  'According to the report we received, {perp} {what} {where}.',
  'People who were present said that {perp} {what}.',
];

export const FAMILY_TEXTS: Record<DemoLang, Record<string, FamilyTexts>> = {
  es: {
    shelter_entry: {
      titles: [
        '{Perp} {what} {where} sin orden judicial',
        only(['shelter_entry.verification_operation', 'shelter_entry.raid', 'shelter_entry.photographing_staff'], 'Operativo frente a {shelter} {where}'),
        only(['shelter_entry', 'shelter_entry.forced', 'shelter_entry.raid'], 'Irrupción en {shelter} {where}'),
        '{Shelter} denuncia {lc} {where}',
        only(['shelter_entry.attempted'], 'Intentan ingresar a {shelter} {where}'),
        'Agentes armados llegan a {shelter} {where}',
        only(['shelter_entry.verification_operation'], 'Operativo migratorio junto a {shelter} ({town})'),
        '{Perp} rodearon {shelter} {where}',
      ],
      openings: [
        ...COMMON_OPENINGS_ES,
        '{Perp} {what} {where} sin identificarse ni explicar el motivo.',
        'Durante la hora de la comida, {perp} {what} {where}, mientras había {nm} personas migrantes dentro.',
        'Sin mostrar ninguna orden, {perp} {what} {where}.',
        'Hacia las {clock}, llegaron al menos {n} vehículos oficiales y {perp} {what}.',
      ],
      details: [
        'La ley mexicana prohíbe las revisiones migratorias dentro de los albergues de la sociedad civil.',
        'El personal pidió ver una orden judicial y no se la mostraron.',
        'Varias personas migrantes huyeron por la parte trasera y al menos {n} fueron detenidas en la calle.',
        'Los agentes permanecieron cerca de {hours} horas en la entrada.',
        'Los agentes tomaron fotografías de las voluntarias y de las placas de sus autos.',
        only(['shelter_entry', 'shelter_entry.forced', 'shelter_entry.raid', 'shelter_entry.verification_operation'], 'Se llevaron a {n} personas alojadas, entre ellas menores de edad.'),
        only(['shelter_entry', 'shelter_entry.attempted', 'shelter_entry.forced'], 'La directora del albergue tuvo que bloquear la puerta con su cuerpo para impedir el paso.'),
        'El operativo se repitió dos días después con más elementos.',
        'Las familias alojadas pasaron la noche con miedo a un nuevo ingreso.',
      ],
    },
    surveillance: {
      titles: [
        'Vigilancia a {victim} {where}',
        '{Perp} {what}',
        'Reportan vigilancia {where}',
        only(['surveillance.following', 'surveillance.photographing'], 'Siguen y fotografían a defensoras {where}'),
        only(['surveillance.workplace'], '{Vehicle} vigila {shelter} {where}'),
        'Vigilancia persistente a personal de {shelter}',
        only(['surveillance.workplace'], 'Vigilan {shelter} ({town})'),
        'Preocupa la vigilancia a {victim} {where}',
      ],
      openings: [
        ...COMMON_OPENINGS_ES,
        'Durante al menos {n} días seguidos, {perp} {what} {where}.',
        'Desde hace semanas, {perp} {what}; el equipo lo notó de nuevo {where}.',
        'Vecinos avisaron al equipo de que {perp} {what}.',
        'Por tercera vez este mes, {perp} {what} {where}.',
      ],
      details: [
        only(['surveillance.home', 'surveillance.workplace', 'surveillance.following'], 'El equipo vio {vehicle} detenerse varias veces cerca de la casa.'),
        only(['surveillance.home', 'surveillance.workplace', 'surveillance.following', 'surveillance.photographing'], 'Los ocupantes del vehículo tomaban fotos a quienes entraban y salían.'),
        personal('Alguien preguntó en la tienda de la esquina a qué hora sale del trabajo.'),
        only(['surveillance.home', 'surveillance.workplace', 'surveillance.following'], 'El mismo vehículo apareció después frente a las oficinas de la organización.'),
        'Al pedirles que se identificaran, se fueron sin decir nada.',
        'El equipo cambió sus rutas y horarios de traslado.',
        'La vigilancia coincidió con la publicación de un informe sobre abusos en la zona.',
        only(['surveillance.home', 'surveillance.workplace', 'surveillance.following'], 'Las placas del vehículo no aparecen en el registro público.'),
      ],
    },
    threat: {
      titles: [
        'Amenazan a {victim} {where}',
        '{Perp} {what}',
        'Amenazas contra {victim} ({town})',
        '“{phrase}”: amenaza a {victim} {where}',
        'Nueva amenaza contra {shelter}',
        'Denuncian amenazas contra defensoras {where}',
        'Amenaza a {victim} tras denunciar abusos {where}',
        only(['threat.private_message', 'threat.public_post', 'threat.home_photos'], 'Mensajes amenazantes a {victim}'),
      ],
      openings: [
        ...COMMON_OPENINGS_ES,
        'Después de acompañar una denuncia, {perp} {what}.',
        only(['threat', 'threat.in_person', 'threat.phone', 'threat.death', 'threat.arrest', 'threat.deportation', 'threat.serious_problems', 'threat.family'], 'En la noche, {perp} {what} y le dijeron: “{phrase}”.'),
        '{Perp} {what} {where}, con la frase “{phrase}”.',
        'Días después de una conferencia de prensa, {perp} {what}.',
      ],
      details: [
        'Le dijeron: “{phrase}”.',
        only(['threat.phone', 'threat.private_message', 'threat.home_photos'], 'Los mensajes llegaron desde un número desconocido que después dejó de existir.'),
        personal('La amenaza mencionaba el nombre de sus hijos.'),
        'Es el {nth} incidente de este tipo en lo que va del año.',
        personal('La persona afectada tuvo que dormir fuera de su casa varios días.'),
        'Las amenazas se repitieron en {n} ocasiones durante la semana.',
        only(['threat.private_message', 'threat.public_post', 'threat.home_photos'], 'El equipo guardó capturas de pantalla de los mensajes.'),
        'La amenaza llegó poco después de que el albergue denunciara públicamente un operativo.',
      ],
    },
    harassment: {
      titles: [
        'Hostigamiento a {shelter} {where}',
        '{Perp} {what}',
        'Intimidación a {victim} {where}',
        'Acoso contra {shelter} ({town})',
        'Denuncian hostigamiento {where}',
        'Hostigan al personal de {shelter}',
        only(['harassment', 'harassment.intimidation'], 'Presencia intimidante frente a {shelter} {where}'),
        only(['harassment.online', 'harassment.doxxing'], 'Acoso en redes a {victim}'),
      ],
      openings: [
        ...COMMON_OPENINGS_ES,
        'Durante la semana, {perp} {what} {where}.',
        'Sin razón aparente, {perp} {what}.',
        only(['harassment', 'harassment.intimidation', 'harassment.by_business', 'harassment.administrative'], 'Mientras se repartía la comida, {perp} {what}.'),
        'Como ya había ocurrido antes, {perp} {what} {where}.',
      ],
      details: [
        only(['harassment.by_business'], 'Personas enviadas por un hotel de la zona entraron a la cocina y a la oficina sin permiso.'),
        only(['harassment', 'harassment.intimidation'], 'Una patrulla pasó frente a la entrada cada media hora durante toda la tarde.'),
        only(['harassment.online', 'harassment.doxxing'], 'Los comentarios en redes incluían la dirección del albergue.'),
        only(['harassment.administrative'], 'Los inspectores dijeron que el albergue “no tenía permisos” y se fueron sin dejar acta.'),
        only(['harassment.by_business'], 'Choferes de autobuses insultaron a las voluntarias en la terminal.'),
        'El hostigamiento se intensificó tras la llegada de un grupo numeroso de migrantes.',
        'Se pidió a las personas alojadas que no salieran del albergue.',
        'El equipo registró {n} episodios similares en el último mes.',
      ],
    },
    detention: {
      titles: [
        'Detienen a {victim} {where}',
        '{Perp} {what}',
        'Detención arbitraria de {victim} ({town})',
        'Nueva detención arbitraria {where}',
        '{Victim}, detenid{oa} {where}',
        'Detención de {victim} durante un operativo',
        'Denuncian detención arbitraria {where}',
        'Liberan a {victim} tras {hours} horas de detención',
      ],
      openings: [
        ...COMMON_OPENINGS_ES,
        personal('Cuando acompañaba a un grupo de migrantes, {perp} {what} {where}.'),
        'Sin explicar el motivo, {perp} {what} {where}.',
        'Al salir de {shelter}, {perp} {what}.',
        only(['detention', 'detention.arrest'], 'En un retén carretero, {perp} {what}.'),
      ],
      details: [
        'No le informaron el motivo de la detención ni le permitieron hacer una llamada.',
        'Fue liberad{oa} {hours} horas después, sin cargos.',
        'Le quitaron el teléfono durante toda la detención.',
        'Le acusaron de “ayudar a ilegales”.',
        'La abogada del albergue no pudo verle sino hasta el día siguiente.',
        'Junto con {victim} se llevaron a {n} personas migrantes.',
        'En el lugar le dijeron que “ya sabían a qué se dedicaba”.',
        'Su familia no supo de su paradero durante varias horas.',
      ],
    },
    border: {
      titles: [
        'Revisión abusiva a {victim} {where}',
        '{Perp} {what} {where}',
        only(['border.device_search', 'border.device_seizure'], 'Revisan el teléfono de {victim} en la frontera'),
        only(['border.migratory_alert'], 'Alerta migratoria contra {victim}'),
        only(['border', 'border.secondary_inspection'], 'Interrogan a {victim} en la garita ({town})'),
        '{Victim}, retenid{oa} {where}',
        only(['border.denial_of_entry'], 'Niegan la entrada a {victim} {where}'),
        only(['border.secondary_inspection', 'border.device_search', 'border.migratory_alert'], 'Revisión secundaria a {victim} {where}'),
      ],
      openings: [
        ...COMMON_OPENINGS_ES,
        'Al intentar cruzar para una audiencia, {perp} {what} {where}.',
        'Cuando regresaba de acompañar a solicitantes de asilo, {perp} {what} {where}.',
        '{Where}, al presentar sus documentos, {perp} {what}.',
        'Durante un cruce de rutina, {perp} {what}.',
      ],
      details: [
        'Le preguntaron por los nombres de otras personas voluntarias y de los abogados del albergue.',
        'Los agentes le mostraron fotografías suyas tomadas en la caravana.',
        only(['border.device_search', 'border.device_seizure'], 'Revisaron sus mensajes de WhatsApp y sus fotos durante {hours} horas.'),
        'Le dijeron que su nombre “aparecía en una lista”.',
        only(['border.device_seizure'], 'No le devolvieron el teléfono sino varias semanas después.'),
        'Tuvo que cancelar el acompañamiento a {n} personas con cita en la corte.',
        only(['border.device_search', 'border.device_seizure'], 'Los agentes copiaron el contenido de su computadora.'),
        'No es la primera vez que le envían a revisión secundaria.',
      ],
    },
    defamation: {
      titles: [
        only(['defamation', 'defamation.smear_campaign', 'defamation.fake_news'], 'Campaña de desprestigio contra {victim}'),
        '{Perp} {what}',
        'Estigmatizan a {shelter} {where}',
        'Difaman a defensoras de migrantes {where}',
        'Acusan sin pruebas a {victim}',
        only(['defamation.fake_news'], 'Noticias falsas sobre {shelter}'),
        'Declaraciones estigmatizantes contra {victim} ({town})',
        only(['defamation.terrorist_label'], 'Llaman “amenaza” a {victim}'),
      ],
      openings: [
        ...COMMON_OPENINGS_ES,
        only(['defamation', 'defamation.by_officials', 'defamation.terrorist_label', 'defamation.smuggler_label'], 'En una conferencia de prensa, {perp} {what}.'),
        only(['defamation', 'defamation.terrorist_label', 'defamation.smuggler_label', 'defamation.fake_news'], 'A través de {network}, {perp} {what}.'),
        'Tras la llegada de una caravana, {perp} {what} {where}.',
        only(['defamation', 'defamation.fake_news', 'defamation.smuggler_label', 'defamation.terrorist_label'], 'En un programa de radio local, {perp} {what}.'),
      ],
      details: [
        'Las publicaciones se compartieron miles de veces en pocas horas.',
        'Varios comentarios pedían “quemar el albergue”.',
        'Se acusó al albergue de “traer delincuencia” a la colonia.',
        only(['defamation.smear_campaign', 'defamation.fake_news', 'defamation.terrorist_label', 'defamation.smuggler_label'], 'El equipo pidió a la plataforma retirar el contenido sin respuesta.'),
        'La campaña coincidió con la discusión de un permiso de uso de suelo para el albergue.',
        'Las publicaciones incluían fotos del personal tomadas sin su consentimiento.',
        'Las mismas cuentas habían atacado antes a otras organizaciones de la red.',
      ],
    },
    criminalisation: {
      titles: [
        'Criminalizan a {victim} {where}',
        '{Perp} {what}',
        'Proceso penal contra {victim} ({town})',
        only(['criminalisation.smuggling_charge'], 'Acusan a {victim} de tráfico de personas'),
        only(['criminalisation.summons'], 'Citan a declarar a {victim}'),
        only(['criminalisation.investigation', 'criminalisation.civil_administrative'], 'Abren investigación contra {shelter}'),
        'Criminalización de la ayuda humanitaria {where}',
        only(['criminalisation.arrest_warrant'], 'Orden de aprehensión contra {victim}'),
      ],
      openings: [
        ...COMMON_OPENINGS_ES,
        'Por dar alojamiento a personas migrantes, {perp} {what}.',
        'Semanas después de una denuncia pública, {perp} {what}.',
        'Con base en un informe policial lleno de inconsistencias, {perp} {what}.',
        personal('Tras trasladar en su auto a una familia migrante, {perp} {what}.'),
      ],
      details: [
        'La acusación se basa en que dio comida y transporte a personas migrantes.',
        'La defensa considera que el caso busca frenar el trabajo del albergue.',
        only(['criminalisation', 'criminalisation.charges', 'criminalisation.smuggling_charge', 'criminalisation.trafficking_charge', 'criminalisation.arrest_warrant'], 'La audiencia se aplazó {n} veces.'),
        'El expediente incluye fotos de su actividad en la caravana.',
        only(['criminalisation', 'criminalisation.charges', 'criminalisation.smuggling_charge', 'criminalisation.trafficking_charge', 'criminalisation.arrest_warrant'], 'De ser condenad{oa}, podría enfrentar años de prisión.'),
        only(['criminalisation', 'criminalisation.charges', 'criminalisation.smuggling_charge', 'criminalisation.trafficking_charge'], 'Le impusieron firmar cada semana ante un juzgado.'),
      ],
    },
    criminal_pressure: {
      titles: [
        'Grupo criminal presiona a {shelter} {where}',
        '{Perp} {what}',
        only(['criminal_pressure.recruitment'], 'Exigen a {victim} entregar a jóvenes migrantes'),
        'Presión del crimen organizado sobre {shelter} ({town})',
        'Presión criminal sobre albergue {where}',
        only(['criminal_pressure.access_demand'], 'Hombres armados exigen acceso a {shelter}'),
        only(['criminal_pressure.recruitment'], 'Intentan reclutar a migrantes de {shelter}'),
        'Amenazas y exigencias de un grupo criminal {where}',
      ],
      openings: [
        ...COMMON_OPENINGS_ES,
        'Hombres armados llegaron en {vehicle} y {perp} {what}.',
        'En una llamada, {perp} {what}.',
        'Mientras el albergue estaba lleno, {perp} {what} {where}.',
      ],
      details: [
        'Dijeron que “la plaza tiene dueño” y que el albergue debía “cooperar”.',
        only(['criminal_pressure', 'criminal_pressure.recruitment'], 'Preguntaron específicamente por muchachos de entre 15 y 20 años.'),
        'Dieron un plazo de {n} días para responder.',
        'Al día siguiente se vio a los mismos hombres en la esquina.',
        'El equipo decidió no presentar denuncia por temor a represalias.',
      ],
    },
  },
  en: {
    shelter_entry: {
      titles: [
        '{Perp} {what} {where} without a warrant',
        only(['shelter_entry.verification_operation', 'shelter_entry.raid', 'shelter_entry.photographing_staff'], 'Operation outside {shelter} {where}'),
        only(['shelter_entry', 'shelter_entry.forced', 'shelter_entry.raid'], 'Raid on {shelter} {where}'),
        '{Shelter} reports {lc} {where}',
        only(['shelter_entry.attempted'], 'Attempted entry into {shelter} {where}'),
        'Armed agents arrive at {shelter} {where}',
        only(['shelter_entry.verification_operation'], 'Immigration operation next to {shelter} ({town})'),
        '{Perp} surrounded {shelter} {where}',
      ],
      openings: [
        ...COMMON_OPENINGS_EN,
        '{Perp} {what} {where} without identifying themselves or giving any reason.',
        'During lunch, {perp} {what} {where} while {nm} migrants were inside.',
        'Without any court order, {perp} {what} {where}.',
        'At around {clock}, at least {n} official vehicles arrived and {perp} {what}.',
      ],
      details: [
        'Mexican law bars immigration checks inside civil-society shelters.',
        'Staff asked to see a court order; none was shown.',
        'Several migrants fled through the back and at least {n} were detained in the street.',
        'The agents stayed at the entrance for about {hours} hours.',
        'The agents photographed volunteers and the licence plates of their cars.',
        only(['shelter_entry', 'shelter_entry.forced', 'shelter_entry.raid', 'shelter_entry.verification_operation'], 'They took {n} people staying at the shelter, including children.'),
        only(['shelter_entry', 'shelter_entry.attempted', 'shelter_entry.forced'], 'The shelter director had to block the door with her body to stop them.'),
        'The operation was repeated two days later with more agents.',
        'Families staying at the shelter spent the night afraid of another entry.',
      ],
    },
    surveillance: {
      titles: [
        'Surveillance of {victim} {where}',
        '{Perp} {what}',
        'Surveillance reported {where}',
        only(['surveillance.following', 'surveillance.photographing'], 'Defenders followed and photographed {where}'),
        only(['surveillance.workplace'], '{Vehicle} watching {shelter} {where}'),
        'Persistent surveillance of {shelter} staff',
        only(['surveillance.workplace'], '{Shelter} watched ({town})'),
        'Concern over surveillance of {victim} {where}',
      ],
      openings: [
        ...COMMON_OPENINGS_EN,
        'For at least {n} days in a row, {perp} {what} {where}.',
        'For weeks now, {perp} {what}; the team noticed it again {where}.',
        'Neighbours warned the team that {perp} {what}.',
        'For the third time this month, {perp} {what} {where}.',
      ],
      details: [
        only(['surveillance.home', 'surveillance.workplace', 'surveillance.following'], '{Vehicle} was seen parked near the house for hours.'),
        only(['surveillance.home', 'surveillance.workplace', 'surveillance.following', 'surveillance.photographing'], 'The people in the vehicle photographed everyone going in and out.'),
        personal('Someone asked at the corner shop what time {subj} leaves work.'),
        only(['surveillance.home', 'surveillance.workplace', 'surveillance.following'], 'The same vehicle later appeared outside the organisation’s office.'),
        'When asked to identify themselves, they drove off without a word.',
        'The team changed its routes and travel times.',
        'The surveillance began after the publication of a report on abuses in the area.',
        only(['surveillance.home', 'surveillance.workplace', 'surveillance.following'], 'The vehicle’s plates do not appear in the public register.'),
      ],
    },
    threat: {
      titles: [
        'Threats against {victim} {where}',
        '{Perp} {what}',
        'Threats against {victim} ({town})',
        '“{phrase}”: threat against {victim} {where}',
        'New threat against {shelter}',
        'Defenders threatened {where}',
        '{Victim} threatened after reporting abuses {where}',
        only(['threat.private_message', 'threat.public_post', 'threat.home_photos'], 'Threatening messages sent to {victim}'),
      ],
      openings: [
        ...COMMON_OPENINGS_EN,
        'After accompanying a complaint, {perp} {what}.',
        only(['threat', 'threat.in_person', 'threat.phone', 'threat.death', 'threat.arrest', 'threat.deportation', 'threat.serious_problems', 'threat.family'], 'At night, {perp} {what} and told {obj}: “{phrase}”.'),
        '{Perp} {what} {where}, saying “{phrase}”.',
        'Days after a press conference, {perp} {what}.',
      ],
      details: [
        'They said: “{phrase}”.',
        only(['threat.phone', 'threat.private_message', 'threat.home_photos'], 'The messages came from an unknown number that was later disconnected.'),
        personal('The threat mentioned the names of {poss} children.'),
        'It is the {nth} incident of this kind this year.',
        personal('The person affected had to sleep away from home for several days.'),
        'The threats were repeated {n} times during the week.',
        only(['threat.private_message', 'threat.public_post', 'threat.home_photos'], 'The team kept screenshots of the messages.'),
        'The threat came shortly after the shelter publicly denounced an operation.',
      ],
    },
    harassment: {
      titles: [
        'Harassment of {shelter} {where}',
        '{Perp} {what}',
        'Intimidation of {victim} {where}',
        'Harassment against {shelter} ({town})',
        'Harassment reported {where}',
        '{Shelter} staff harassed',
        only(['harassment', 'harassment.intimidation'], 'Intimidating presence outside {shelter} {where}'),
        only(['harassment.online', 'harassment.doxxing'], 'Online harassment of {victim}'),
      ],
      openings: [
        ...COMMON_OPENINGS_EN,
        'During the week, {perp} {what} {where}.',
        'For no apparent reason, {perp} {what}.',
        only(['harassment', 'harassment.intimidation', 'harassment.by_business', 'harassment.administrative'], 'While food was being served, {perp} {what}.'),
        'As had happened before, {perp} {what} {where}.',
      ],
      details: [
        only(['harassment.by_business'], 'People sent by a local hotel walked into the kitchen and the office without permission.'),
        only(['harassment', 'harassment.intimidation'], 'A patrol car drove past the entrance every half hour all afternoon.'),
        only(['harassment.online', 'harassment.doxxing'], 'The comments online included the shelter’s address.'),
        only(['harassment.administrative'], 'The inspectors said the shelter “had no permits” and left without a written record.'),
        only(['harassment.by_business'], 'Bus drivers insulted volunteers at the terminal.'),
        'The harassment grew after a large group of migrants arrived.',
        'People staying at the shelter were asked not to go out.',
        'The team recorded {n} similar episodes in the last month.',
      ],
    },
    detention: {
      titles: [
        '{Victim} detained {where}',
        '{Perp} {what}',
        'Arbitrary detention of {victim} ({town})',
        'Migrant-rights defender detained {where}',
        'Detention of {victim} during an operation',
        'Arbitrary detention reported {where}',
        '{Victim} released after {hours} hours in detention',
        '{Perp} detain a defender {where}',
      ],
      openings: [
        ...COMMON_OPENINGS_EN,
        personal('While accompanying a group of migrants, {perp} {what} {where}.'),
        'Without giving any reason, {perp} {what} {where}.',
        'As {subj} left {shelter}, {perp} {what}.',
        only(['detention', 'detention.arrest'], 'At a highway checkpoint, {perp} {what}.'),
      ],
      details: [
        'No reason was given for the detention and no phone call was allowed.',
        '{Victim} was released {hours} hours later without charge.',
        'Officers kept {poss} phone throughout the detention.',
        'Officers accused {obj} of “helping illegals”.',
        'The shelter’s lawyer could not see {obj} until the next day.',
        '{n} migrants were taken along with {obj}.',
        'Officers said they “already knew what {subj} does”.',
        '{Poss} family did not know where {subj} was for several hours.',
      ],
    },
    border: {
      titles: [
        '{Perp} {what} {where}',
        'Abusive inspection of {victim} {where}',
        only(['border.device_search', 'border.device_seizure'], 'Defender’s phone searched at the border'),
        only(['border.migratory_alert'], 'Migratory alert placed on {victim}'),
        only(['border', 'border.secondary_inspection'], 'Defender questioned at the port of entry ({town})'),
        '{Victim} held {where}',
        only(['border.denial_of_entry'], 'Entry denied to {victim} {where}'),
        only(['border.secondary_inspection', 'border.device_search', 'border.migratory_alert'], 'Secondary inspection for {victim} {where}'),
      ],
      openings: [
        ...COMMON_OPENINGS_EN,
        'While crossing for a court hearing, {perp} {what} {where}.',
        'On the way back from accompanying asylum seekers, {perp} {what} {where}.',
        '{Where}, when {subj} presented {poss} documents, {perp} {what}.',
        'During a routine crossing, {perp} {what}.',
      ],
      details: [
        'Officers asked for the names of other volunteers and of the shelter’s lawyers.',
        'Agents showed {obj} photographs of {obj}self taken during the caravan.',
        only(['border.device_search', 'border.device_seizure'], 'They went through {poss} WhatsApp messages and photos for {hours} hours.'),
        'Officers said {poss} name “was on a list”.',
        only(['border.device_seizure'], 'The phone was returned only several weeks later.'),
        '{Subj} had to cancel accompanying {n} people with court dates.',
        only(['border.device_search', 'border.device_seizure'], 'Agents copied the contents of {poss} laptop.'),
        'It is at least the {nth} time {subj} has been sent to secondary inspection.',
      ],
    },
    defamation: {
      titles: [
        only(['defamation', 'defamation.smear_campaign', 'defamation.fake_news'], 'Smear campaign against {victim}'),
        '{Perp} {what}',
        '{Shelter} stigmatised {where}',
        'Migrant-rights defenders defamed {where}',
        'Baseless accusations against {victim}',
        only(['defamation.fake_news'], 'False news about {shelter}'),
        'Stigmatising statements about {victim} ({town})',
        only(['defamation.terrorist_label'], '{Victim} called a “threat”'),
      ],
      openings: [
        ...COMMON_OPENINGS_EN,
        only(['defamation', 'defamation.by_officials', 'defamation.terrorist_label', 'defamation.smuggler_label'], 'At a press conference, {perp} {what}.'),
        only(['defamation', 'defamation.terrorist_label', 'defamation.smuggler_label', 'defamation.fake_news'], 'On {network}, {perp} {what}.'),
        'After a caravan arrived, {perp} {what} {where}.',
        only(['defamation', 'defamation.fake_news', 'defamation.smuggler_label', 'defamation.terrorist_label'], 'On a local radio show, {perp} {what}.'),
      ],
      details: [
        'The posts were shared thousands of times within hours.',
        'Several comments called for “burning down the shelter”.',
        'The shelter was accused of “bringing crime” to the neighbourhood.',
        only(['defamation.smear_campaign', 'defamation.fake_news', 'defamation.terrorist_label', 'defamation.smuggler_label'], 'The team asked the platform to remove the content; it did not reply.'),
        'The campaign coincided with a zoning dispute over the shelter’s permit.',
        'The posts included photos of staff taken without their consent.',
        'The same accounts had attacked other organisations in the network before.',
      ],
    },
    criminalisation: {
      titles: [
        '{Victim} criminalised {where}',
        '{Perp} {what}',
        'Criminal case against {victim} ({town})',
        only(['criminalisation.smuggling_charge'], '{Victim} charged with human smuggling'),
        only(['criminalisation.summons'], '{Victim} summoned to testify'),
        only(['criminalisation.investigation', 'criminalisation.civil_administrative'], 'Investigation opened against {shelter}'),
        'Humanitarian aid criminalised {where}',
        only(['criminalisation.arrest_warrant'], 'Arrest warrant against {victim}'),
      ],
      openings: [
        ...COMMON_OPENINGS_EN,
        'For giving shelter to migrants, {perp} {what}.',
        'Weeks after a public complaint, {perp} {what}.',
        'Based on a police report full of inconsistencies, {perp} {what}.',
        personal('After {subj} drove a migrant family to a clinic, {perp} {what}.'),
      ],
      details: [
        'The accusation rests on {obj} having given food and rides to migrants.',
        'The defence believes the case aims to stop the shelter’s work.',
        only(['criminalisation', 'criminalisation.charges', 'criminalisation.smuggling_charge', 'criminalisation.trafficking_charge', 'criminalisation.arrest_warrant'], 'The hearing has been postponed {n} times.'),
        'The file includes photographs of {poss} work with the caravan.',
        only(['criminalisation', 'criminalisation.charges', 'criminalisation.smuggling_charge', 'criminalisation.trafficking_charge', 'criminalisation.arrest_warrant'], 'If convicted, {subj} could face years in prison.'),
        only(['criminalisation', 'criminalisation.charges', 'criminalisation.smuggling_charge', 'criminalisation.trafficking_charge'], '{Subj} must report to a court every week.'),
      ],
    },
    criminal_pressure: {
      titles: [
        'Criminal group pressures {shelter} {where}',
        '{Perp} {what}',
        only(['criminal_pressure.recruitment'], '{Victim} told to hand over young migrants'),
        'Organised crime pressure on {shelter} ({town})',
        'Criminal pressure on a shelter {where}',
        only(['criminal_pressure.access_demand'], 'Armed men demand access to {shelter}'),
        only(['criminal_pressure.recruitment'], 'Attempt to recruit migrants from {shelter}'),
        'Threats and demands by a criminal group {where}',
      ],
      openings: [
        ...COMMON_OPENINGS_EN,
        'Armed men arrived in {vehicle} and {perp} {what}.',
        'In a phone call, {perp} {what}.',
        'While the shelter was full, {perp} {what} {where}.',
      ],
      details: [
        'They said “this territory has an owner” and that the shelter had to “cooperate”.',
        only(['criminal_pressure', 'criminal_pressure.recruitment'], 'They asked specifically about boys aged 15 to 20.'),
        'They gave a deadline of {n} days.',
        'The same men were seen on the corner the next day.',
        'The team decided not to file a complaint for fear of reprisals.',
      ],
    },
  },
};

/** For families without their own texts. */
export const FALLBACK_TEXTS: Record<DemoLang, FamilyTexts> = {
  es: {
    titles: [],
    openings: [...COMMON_OPENINGS_ES, 'De acuerdo con el testimonio recogido, {perp} {what} {where}.'],
    details: [
      'El equipo documentó lo ocurrido y lo compartió con la red.',
      'Las personas migrantes alojadas quedaron muy atemorizadas.',
      'No hubo respuesta de las autoridades a las que se pidió intervenir.',
      'Es el {nth} hecho grave registrado en la zona este año.',
      'La familia pidió que no se difundieran detalles del caso.',
    ],
  },
  en: {
    titles: [],
    openings: [...COMMON_OPENINGS_EN, 'According to the testimony gathered, {perp} {what} {where}.'],
    details: [
      'The team documented what happened and shared it with the network.',
      'The migrants staying at the shelter were badly frightened.',
      'The authorities asked to intervene did not respond.',
      'It is the {nth} serious incident recorded in the area this year.',
      'The family asked that details of the case not be made public.',
    ],
  },
};

export const CLOSINGS: Record<DemoLang, Tpl[]> = {
  es: [
    'El equipo activó su protocolo de seguridad y documentó lo ocurrido.',
    'La organización solicitó medidas de protección.',
    'No se presentó denuncia por temor a represalias.',
    'Las autoridades no han respondido a las solicitudes de información.',
    'El caso se compartió con la red regional para su seguimiento.',
    'Las personas migrantes alojadas quedaron atemorizadas.',
    'Se suspendieron temporalmente algunas actividades.',
    personal('La persona afectada cambió su rutina y sus rutas de traslado.'),
    'La red emitió un posicionamiento público al día siguiente.',
    'Se pidió acompañamiento a organizaciones internacionales.',
    'Hasta ahora no hay avances en la investigación.',
    'El equipo reforzó las medidas de seguridad digital.',
  ],
  en: [
    'The team activated its security protocol and documented what happened.',
    'The organisation requested protection measures.',
    'No complaint was filed for fear of reprisals.',
    'The authorities have not answered requests for information.',
    'The case was shared with the regional network for follow-up.',
    'The migrants staying at the shelter were left frightened.',
    'Some activities were suspended for a while.',
    personal('The person affected changed routines and travel routes.'),
    'The network issued a public statement the next day.',
    'International organisations were asked for accompaniment.',
    'There has been no progress in the investigation so far.',
    'The team tightened its digital-security measures.',
  ],
};

/** One sentence per context tag, added to the summary when the tag is set. */
export const CONTEXT_SENTENCES: Record<DemoLang, Partial<Record<string, string>>> = {
  es: {
    caravan: 'Los hechos ocurrieron durante el paso de una caravana de personas migrantes por la zona.',
    mpp: 'La víctima acompañaba a personas devueltas a México bajo el programa “Quédate en México” (MPP).',
    title_42: 'En ese momento las expulsiones bajo el Título 42 mantenían a cientos de personas varadas en la frontera.',
    cbp_one: 'Muchas de las personas alojadas esperaban su cita de CBP One.',
    desert: 'La zona es un desierto donde voluntarios dejan agua para quienes cruzan a pie.',
    river_crossing: 'El lugar es un punto de cruce del río muy usado por personas migrantes.',
    border_wall: 'Los hechos ocurrieron frente al muro fronterizo.',
    train: 'Muchas de las personas afectadas viajaban en el tren de carga.',
    checkpoint: 'Todo ocurrió en un punto de revisión migratoria.',
    detention_centre: 'La persona fue llevada a una estación migratoria.',
    court: 'El caso sigue abierto ante un tribunal.',
    bus_terminal: 'Los hechos ocurrieron en la terminal de autobuses.',
    highway: 'Ocurrió en un tramo carretero con fuerte presencia de retenes.',
    encampment: 'Cerca del lugar hay un campamento de personas migrantes.',
    protest: 'Ocurrió durante una manifestación pacífica.',
    social_media: 'Las publicaciones circularon ampliamente en redes sociales.',
    militarisation: 'La zona está fuertemente militarizada desde el despliegue de la Guardia Nacional.',
    elections: 'Era periodo electoral y el discurso contra migrantes se había endurecido.',
    pandemic: 'Sucedió durante la pandemia, cuando el albergue operaba con aforo reducido.',
    port_of_entry: 'Sucedió en el puerto de entrada, frente a otras personas que esperaban cruzar.',
  },
  en: {
    caravan: 'It happened while a migrant caravan was passing through the area.',
    mpp: 'The victim was accompanying people returned to Mexico under the “Remain in Mexico” policy (MPP).',
    title_42: 'At the time, Title 42 expulsions left hundreds of people stranded at the border.',
    cbp_one: 'Many people at the shelter were waiting for their CBP One appointment.',
    desert: 'The area is desert where volunteers leave water for people crossing on foot.',
    river_crossing: 'The place is a river crossing widely used by migrants.',
    border_wall: 'It happened in front of the border wall.',
    train: 'Many of the people affected were travelling on the freight train.',
    checkpoint: 'It all happened at an immigration checkpoint.',
    detention_centre: 'The person was taken to an immigration detention centre.',
    court: 'The case is still open before a court.',
    bus_terminal: 'It happened at the bus terminal.',
    highway: 'It happened on a stretch of highway with many checkpoints.',
    encampment: 'There is a migrant encampment near the place.',
    protest: 'It happened during a peaceful protest.',
    social_media: 'The posts circulated widely on social media.',
    militarisation: 'The area has been heavily militarised since the National Guard deployment.',
    elections: 'It was election season and anti-migrant rhetoric had hardened.',
    pandemic: 'It happened during the pandemic, when the shelter was running at reduced capacity.',
    port_of_entry: 'It happened at the port of entry, in front of other people waiting to cross.',
  },
};

/** How the narratives name perpetrators: plural noun phrases, lower-case unless a proper noun. */
export const PERPETRATOR_PHRASES: Record<string, BiList> = {
  'state.mx.inm': { es: ['elementos del INM', 'agentes del Instituto Nacional de Migración', 'agentes migratorios del INM'], en: ['INM agents', 'officers of the National Migration Institute (INM)', 'Mexican immigration agents'] },
  'state.mx.guardia_nacional': { es: ['elementos de la Guardia Nacional', 'agentes de la Guardia Nacional'], en: ['National Guard troops', 'members of Mexico’s National Guard'] },
  'state.mx.sedena': { es: ['soldados del Ejército', 'militares de la SEDENA'], en: ['army soldiers', 'SEDENA soldiers'] },
  'state.mx.semar': { es: ['elementos de la Marina'], en: ['navy marines'] },
  'state.mx.federal_police': { es: ['agentes de la Policía Federal', 'policías federales'], en: ['Federal Police officers'] },
  'state.mx.fgr': { es: ['agentes de la FGR', 'agentes ministeriales federales'], en: ['federal prosecutors’ agents (FGR)'] },
  'state.mx.state_prosecutor': { es: ['agentes de la fiscalía estatal', 'policías ministeriales'], en: ['state prosecutor’s investigators', 'state judicial police'] },
  'state.mx.state_police': { es: ['policías estatales', 'elementos de la policía estatal'], en: ['state police officers'] },
  'state.mx.municipal_police': { es: ['policías municipales', 'agentes de la policía municipal'], en: ['municipal police officers', 'local police officers'] },
  'state.mx.comar': { es: ['funcionarios de la COMAR'], en: ['COMAR officials'] },
  'state.mx.judiciary': { es: ['funcionarios judiciales'], en: ['court officials'] },
  'state.mx.federal_official': { es: ['funcionarios federales'], en: ['federal officials'] },
  'state.mx.state_official': { es: ['funcionarios del gobierno estatal'], en: ['state government officials'] },
  'state.mx.municipal_official': { es: ['funcionarios de Protección Civil municipal', 'inspectores municipales'], en: ['municipal civil-protection officials', 'municipal inspectors'] },
  'state.us.cbp': { es: ['agentes de la CBP', 'oficiales de Aduanas y Protección Fronteriza (CBP)'], en: ['CBP officers', 'Customs and Border Protection officers'] },
  'state.us.border_patrol': { es: ['agentes de la Patrulla Fronteriza'], en: ['Border Patrol agents'] },
  'state.us.ice': { es: ['agentes de ICE'], en: ['ICE agents', 'ICE officers'] },
  'state.us.dhs_other': { es: ['funcionarios del DHS', 'funcionarios de USCIS'], en: ['DHS officials', 'USCIS officials'] },
  'state.us.doj_courts': { es: ['fiscales federales de Estados Unidos'], en: ['federal prosecutors', 'U.S. Attorney’s Office prosecutors'] },
  'state.us.state_local_police': { es: ['policías del condado', 'agentes del sheriff'], en: ['sheriff’s deputies', 'local police officers'] },
  'state.us.national_guard': { es: ['efectivos de la Guardia Nacional de Estados Unidos'], en: ['National Guard soldiers deployed to the border'] },
  'state.us.military': { es: ['militares estadounidenses'], en: ['U.S. troops'] },
  'state.us.other': { es: ['autoridades estadounidenses'], en: ['U.S. officials'] },
  'state.gt.pnc': { es: ['agentes de la PNC de Guatemala'], en: ['Guatemalan National Civil Police officers'] },
  'state.gt.igm': { es: ['agentes del Instituto Guatemalteco de Migración'], en: ['Guatemalan Migration Institute (IGM) agents'] },
  'state.gt.army': { es: ['soldados del Ejército de Guatemala'], en: ['Guatemalan soldiers'] },
  'state.gt.mp': { es: ['fiscales del Ministerio Público'], en: ['Public Prosecutor’s Office investigators'] },
  'state.gt.other': { es: ['autoridades guatemaltecas'], en: ['Guatemalan officials'] },
  'state.hn.policia_nacional': { es: ['agentes de la Policía Nacional de Honduras'], en: ['Honduran National Police officers'] },
  'state.hn.pmop': { es: ['elementos de la Policía Militar del Orden Público'], en: ['Military Police (PMOP) officers'] },
  'state.hn.inm': { es: ['agentes del Instituto Nacional de Migración de Honduras'], en: ['Honduran migration officers'] },
  'state.hn.army': { es: ['militares hondureños'], en: ['Honduran soldiers'] },
  'state.hn.mp': { es: ['fiscales del Ministerio Público hondureño'], en: ['Honduran prosecutors'] },
  'state.hn.other': { es: ['autoridades hondureñas'], en: ['Honduran officials'] },
  'state.sv.pnc': { es: ['agentes de la PNC de El Salvador'], en: ['Salvadoran police officers'] },
  'state.sv.dgme': { es: ['agentes de la Dirección General de Migración'], en: ['Salvadoran migration (DGME) officers'] },
  'state.sv.army': { es: ['soldados salvadoreños'], en: ['Salvadoran soldiers'] },
  'state.sv.fgr': { es: ['fiscales de la FGR salvadoreña'], en: ['Salvadoran prosecutors'] },
  'state.sv.other': { es: ['autoridades salvadoreñas'], en: ['Salvadoran officials'] },
  'non_state.organised_crime': { es: ['hombres armados que dijeron pertenecer a un grupo criminal', 'integrantes de un grupo del crimen organizado', 'sujetos armados vinculados a un cártel'], en: ['armed men who said they belonged to a criminal group', 'members of an organised crime group', 'cartel gunmen'] },
  'non_state.gang': { es: ['pandilleros', 'integrantes de una mara'], en: ['gang members'] },
  'non_state.militia': { es: ['integrantes de una milicia armada', 'hombres armados de un grupo de “vigilancia fronteriza”'], en: ['members of an armed militia', 'self-styled border vigilantes'] },
  'non_state.social_media_anonymous': { es: ['cuentas anónimas en redes sociales', 'perfiles falsos en redes sociales'], en: ['anonymous social-media accounts', 'fake profiles'] },
  'non_state.social_media_identified': { es: ['usuarios identificados de redes sociales', 'varios influencers locales'], en: ['identified social-media users', 'several local influencers'] },
  'non_state.business.hotel': { es: ['empleados de un hotel que hospeda a migrantes'], en: ['staff of a migrant hotel'] },
  'non_state.business.transport': { es: ['choferes de una línea de autobuses'], en: ['drivers from a bus company'] },
  'non_state.business.smuggling_network': { es: ['integrantes de una red de polleros'], en: ['members of a smuggling network'] },
  'non_state.business.other': { es: ['empleados de un negocio local'], en: ['employees of a local business'] },
  'non_state.private_security': { es: ['guardias de seguridad privada'], en: ['private security guards'] },
  'non_state.media_outlet': { es: ['conductores de un programa de radio local'], en: ['hosts of a local radio show'] },
  'non_state.private_individual': { es: ['personas de la colonia'], en: ['local residents'] },
  'non_state.unknown': { es: ['personas desconocidas', 'hombres no identificados', 'sujetos desconocidos'], en: ['unknown persons', 'unidentified men'] },
  'non_state.other': { es: ['personas ajenas al albergue'], en: ['outsiders'] },
};

/** Optional description of a perpetrator involvement (indexed; not identifying). */
export const PERPETRATOR_DESCRIPTIONS: BiList = {
  es: [
    'Al menos {n} elementos uniformados.',
    'Vestían ropa de civil y portaban armas largas.',
    'Llegaron en {vehicle}.',
    'Se negaron a identificarse.',
    'Cubrían su rostro con pasamontañas.',
    'Uno de ellos grababa con su teléfono.',
    'Dijeron actuar “por órdenes de arriba”.',
    'Llegaron en {n} vehículos oficiales.',
  ],
  en: [
    'At least {n} uniformed officers.',
    'They wore plain clothes and carried rifles.',
    'They arrived in {vehicle}.',
    'They refused to identify themselves.',
    'Their faces were covered with balaclavas.',
    'One of them filmed with his phone.',
    'They said they were acting “on orders from above”.',
    'They arrived in {n} official vehicles.',
  ],
};

/** Identifying detail of named perpetrators: obviously fictitious badge numbers only. */
export const IDENTIFIED_INDIVIDUALS: BiList = {
  es: ['Agente con gafete número 0000-{n} (ficticio).', 'Patrulla con número económico FICT-{n}.', 'Cuenta @perfil_ficticio_{n}.'],
  en: ['Officer with badge number 0000-{n} (fictitious).', 'Patrol vehicle number FICT-{n}.', 'Account @fictitious_profile_{n}.'],
};

export const VEHICLES: BiList = {
  es: ['una camioneta blanca sin placas', 'un auto gris con vidrios polarizados', 'una motocicleta sin placas', 'una patrulla sin número económico', 'una pickup negra', 'un taxi sin logotipo'],
  en: ['a white van with no plates', 'a grey car with tinted windows', 'a car with no plates', 'an unmarked patrol car', 'a black pickup truck', 'an unmarked taxi'],
};
export const PLATFORMS = ['WhatsApp', 'Facebook Messenger', 'Telegram', 'Signal', 'Instagram', 'SMS'];
export const NETWORKS = ['Facebook', 'X', 'TikTok', 'Instagram', 'YouTube'];
export const THREAT_PHRASES: BiList = {
  es: ['te vamos a desaparecer', 'deja de meterte en lo que no te importa', 'vas a tener problemas serios', 'sabemos dónde vives', 'cierra el albergue o lo cerramos nosotros', 'ya sabemos a qué escuela van tus hijos', 'aquí no queremos a tus migrantes', 'te estamos viendo'],
  en: ['we know where you live', 'stop helping these people', 'you’ll be sorry', 'we are watching you', 'close the shelter or we will close it for you', 'go back to where you came from', 'this is your last warning', 'we know where your kids go to school'],
};
export const ORDINALS: BiList = { es: ['segundo', 'tercer', 'cuarto', 'quinto', 'sexto', 'séptimo'], en: ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'] };

/** How a victim is named in narratives, by role: feminine, masculine and neutral forms. */
export const ROLE_PHRASES: Record<string, { es: { f: string; m: string; n: string }; en: string }> = {
  shelter_director: { es: { f: 'la directora del albergue', m: 'el director del albergue', n: 'la persona que dirige el albergue' }, en: 'the shelter director' },
  shelter_coordinator: { es: { f: 'la coordinadora del albergue', m: 'el coordinador del albergue', n: 'la persona que coordina el albergue' }, en: 'the shelter coordinator' },
  shelter_staff: { es: { f: 'una integrante del equipo del albergue', m: 'un integrante del equipo del albergue', n: 'una persona del equipo del albergue' }, en: 'a member of the shelter staff' },
  volunteer: { es: { f: 'una voluntaria', m: 'un voluntario', n: 'una persona voluntaria' }, en: 'a volunteer' },
  lawyer: { es: { f: 'una abogada', m: 'un abogado', n: 'una persona abogada' }, en: 'a lawyer' },
  journalist: { es: { f: 'una periodista', m: 'un periodista', n: 'una persona periodista' }, en: 'a journalist' },
  communicator: { es: { f: 'una comunicadora comunitaria', m: 'un comunicador comunitario', n: 'una persona comunicadora' }, en: 'a community communicator' },
  hrd_other: { es: { f: 'una defensora de derechos humanos', m: 'un defensor de derechos humanos', n: 'una persona defensora de derechos humanos' }, en: 'a human rights defender' },
  migrant_defender: { es: { f: 'una defensora migrante', m: 'un defensor migrante', n: 'una persona defensora migrante' }, en: 'a migrant defender' },
  asylum_seeker: { es: { f: 'una solicitante de asilo que colabora con el albergue', m: 'un solicitante de asilo que colabora con el albergue', n: 'una persona solicitante de asilo que colabora con el albergue' }, en: 'an asylum seeker who volunteers at the shelter' },
  returned_asylum_seeker: { es: { f: 'una solicitante de asilo devuelta bajo el MPP', m: 'un solicitante de asilo devuelto bajo el MPP', n: 'una persona solicitante de asilo devuelta bajo el MPP' }, en: 'an asylum seeker returned under MPP' },
};

/** Pseudonym stems by role: Spanish feminine / masculine / neutral, and English. */
export const PSEUDONYM_STEMS: Record<string, { es: { f: string; m: string; n: string }; en: string }> = {
  shelter_director: { es: { f: 'Directora de albergue', m: 'Director de albergue', n: 'Persona directora de albergue' }, en: 'Shelter director' },
  shelter_coordinator: { es: { f: 'Coordinadora de albergue', m: 'Coordinador de albergue', n: 'Persona coordinadora de albergue' }, en: 'Shelter coordinator' },
  shelter_staff: { es: { f: 'Integrante de equipo', m: 'Integrante de equipo', n: 'Integrante de equipo' }, en: 'Shelter staff member' },
  volunteer: { es: { f: 'Voluntaria', m: 'Voluntario', n: 'Persona voluntaria' }, en: 'Volunteer' },
  lawyer: { es: { f: 'Abogada', m: 'Abogado', n: 'Persona abogada' }, en: 'Attorney' },
  journalist: { es: { f: 'Periodista', m: 'Periodista', n: 'Periodista' }, en: 'Journalist' },
  communicator: { es: { f: 'Comunicadora', m: 'Comunicador', n: 'Persona comunicadora' }, en: 'Communicator' },
  hrd_other: { es: { f: 'Defensora', m: 'Defensor', n: 'Persona defensora' }, en: 'Defender' },
  migrant_defender: { es: { f: 'Defensora migrante', m: 'Defensor migrante', n: 'Persona defensora migrante' }, en: 'Migrant defender' },
  asylum_seeker: { es: { f: 'Solicitante de asilo', m: 'Solicitante de asilo', n: 'Solicitante de asilo' }, en: 'Asylum seeker' },
  returned_asylum_seeker: { es: { f: 'Solicitante de asilo (MPP)', m: 'Solicitante de asilo (MPP)', n: 'Solicitante de asilo (MPP)' }, en: 'Asylum seeker (MPP)' },
};

/** Organisation names by type; {city} is a town from places.json. All end in "(ficticio)". */
export const ORG_NAMES: Record<string, { es: string[]; en: string[] }> = {
  shelter: { es: ['Albergue de {city} (ficticio)', 'Casa del Migrante de {city} (ficticia)', 'Casa de acogida de {city} (ficticia)'], en: ['{city} Migrant Shelter (fictional)', '{city} Welcome House (fictional)'] },
  soup_kitchen: { es: ['Comedor migrante de {city} (ficticio)'], en: ['{city} Migrant Kitchen (fictional)'] },
  hr_centre: { es: ['Centro de derechos humanos de {city} (ficticio)'], en: ['{city} Border Rights Center (fictional)'] },
  legal_aid: { es: ['Clínica jurídica para personas migrantes de {city} (ficticia)'], en: ['{city} Immigrant Legal Aid (fictional)'] },
  humanitarian: { es: ['Grupo humanitario de {city} (ficticio)'], en: ['{city} Humanitarian Aid Volunteers (fictional)'] },
  faith_based: { es: ['Pastoral de movilidad humana de {city} (ficticia)'], en: ['{city} Interfaith Accompaniment (fictional)'] },
  community_collective: { es: ['Colectivo comunitario de {city} (ficticio)'], en: ['{city} Community Collective (fictional)'] },
  search_collective: { es: ['Colectivo de búsqueda de {city} (ficticio)'], en: ['{city} Search Collective (fictional)'] },
  media: { es: ['Colectivo de comunicación fronteriza de {city} (ficticio)'], en: ['{city} Border Media Collective (fictional)'] },
  network: { es: ['Red de albergues de {city} (ficticia)'], en: ['{city} Shelter Network (fictional)'] },
};

/** Short testimonies in the source's words (identifying; sealed by the store). */
export const TESTIMONIES: BiList = {
  es: [
    'Llegaron en dos camionetas y preguntaron por mí con nombre y apellido. Me dijeron que sabían dónde vivía mi familia.',
    'Yo estaba en la cocina cuando entraron. No enseñaron ningún papel, solo empujaron la puerta y empezaron a sacar a la gente.',
    'Me revisaron el teléfono delante de mí y me preguntaron por cada contacto que tenía guardado como “albergue”.',
    'Desde hace un mes veo el mismo carro afuera de mi casa. Ya no dejo que mis hijos salgan solos.',
    'Me dijeron que si seguía ayudando a “esa gente” me iba a pasar lo mismo que a otros.',
    'Nos tuvieron sentados en el piso varias horas. A mí me decían que era pollera y que me iban a procesar.',
    'Publicaron mi foto con la palabra “traficante”. Desde entonces recibo mensajes todos los días.',
    'Uno de ellos me dijo en voz baja que la próxima vez no iba a ser una advertencia.',
    'Cuando pedí que se identificaran se rieron y me tomaron una foto.',
    'No sabemos nada de él desde ese día. Lo último que mandó fue un audio diciendo que lo estaban siguiendo.',
  ],
  en: [
    'They asked for me by name at the counter and took me to a back room. They wanted to know who pays for the shelter.',
    'I was in the kitchen when they came in. They showed no paper, they just pushed the door and started taking people out.',
    'They went through my phone in front of me and asked about every contact saved as “shelter”.',
    'For a month I have seen the same car outside my house. I no longer let my kids go out alone.',
    'They told me that if I kept helping “those people” the same would happen to me as to others.',
    'They kept us sitting on the floor for hours. They kept calling me a smuggler and said I would be prosecuted.',
    'They posted my photo with the word “trafficker”. Since then I get messages every day.',
    'One of them told me quietly that next time it would not be a warning.',
    'When I asked them to identify themselves they laughed and took my picture.',
    'We have heard nothing from him since that day. The last thing he sent was a voice note saying he was being followed.',
  ],
};

export const INTERVENTION_NOTES: BiList = {
  es: [
    'Se presentó con número de expediente ficticio EXP-{n}/{year}.',
    'Se acompañó a la persona afectada durante todo el trámite.',
    'La autoridad pidió más pruebas; se entregaron fotos y capturas.',
    'Se hizo seguimiento por teléfono cada semana.',
    'El escrito se firmó junto con otras organizaciones de la red.',
  ],
  en: [
    'Filed under fictitious case number EXP-{n}/{year}.',
    'The person affected was accompanied throughout the process.',
    'The authority asked for more evidence; photos and screenshots were provided.',
    'Followed up by phone every week.',
    'The letter was signed together with other organisations in the network.',
  ],
};

export const ACTOR_NOTES: BiList = {
  es: ['Persona ficticia creada para la demostración.', 'Prefiere ser contactada por Signal.', 'Ha recibido amenazas en años anteriores.', 'Cambió de domicilio por motivos de seguridad.'],
  en: ['Fictitious person created for the demo.', 'Prefers to be contacted on Signal.', 'Has been threatened in previous years.', 'Moved house for security reasons.'],
};

export const STREETS = ['Calle 5 de Mayo', 'Avenida Hidalgo', 'Calle Morelos', 'Calle Juárez', 'Avenida Revolución', 'Calle Benito Juárez', 'Calle Allende', 'Calle 16 de Septiembre', 'Calle Independencia', 'Avenida Reforma', 'Calle Zaragoza', 'Calle Guerrero'];
export const US_STREETS = ['Main St', 'Oak Ave', 'Mesa Rd', 'Border Ave', 'Alameda Ave', 'Camino Real'];

/** How route segments are named when only the segment is known. */
export const ROUTE_WHERE: Record<string, Bi> = {
  central_america_north: { es: 'en el norte de Centroamérica', en: 'in northern Central America' },
  hn_gt_border: { es: 'en la frontera entre Honduras y Guatemala', en: 'on the Honduras–Guatemala border' },
  sv_gt_border: { es: 'en la frontera entre El Salvador y Guatemala', en: 'on the El Salvador–Guatemala border' },
  gt_mx_border: { es: 'en la frontera entre Guatemala y México', en: 'on the Guatemala–Mexico border' },
  mx_southern_border: { es: 'en la frontera sur de México', en: 'on Mexico’s southern border' },
  gulf_route: { es: 'en la ruta del Golfo', en: 'on the Gulf route' },
  pacific_route: { es: 'en la ruta del Pacífico', en: 'on the Pacific route' },
  central_route: { es: 'en la ruta del centro del país', en: 'on the central route' },
  northeast: { es: 'en el noreste de México', en: 'in north-eastern Mexico' },
  north_central: { es: 'en Chihuahua', en: 'in Chihuahua' },
  northwest: { es: 'en el noroeste de México', en: 'in north-western Mexico' },
  us_border_zone: { es: 'en la zona fronteriza de Estados Unidos', en: 'in the U.S. border zone' },
  us_interior: { es: 'en el interior de Estados Unidos', en: 'in the U.S. interior' },
};
