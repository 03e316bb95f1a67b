/** Human names for record fields, for error summaries ("Acto 2 › Responsable 1 › Tipo") and history. */
import { t } from '../i18n/i18n';

export function fieldName(leaf: string): string {
  switch (leaf) {
    case 'title': return t('field.title');
    case 'summary': return t('field.summary');
    case 'date': return t('field.date');
    case 'start': return t('field.start');
    case 'end': return t('field.end');
    case 'approximate': return t('field.approximate');
    case 'place': return t('field.place');
    case 'precision': return t('field.precision');
    case 'country': return t('field.country');
    case 'state': return t('field.state');
    case 'locality': return t('field.locality');
    case 'routeSegment': return t('field.routeSegment');
    case 'crossing': return t('field.crossing');
    case 'private': return t('field.private');
    case 'lat': return t('field.lat');
    case 'lon': return t('field.lon');
    case 'address': return t('field.address');
    case 'context': return t('field.context');
    case 'status': return t('field.status');
    case 'followUp': return t('field.followUp');
    case 'confidentiality': return t('field.confidentiality');
    case 'victims': return t('field.victim');
    case 'actor': return t('field.profile');
    case 'actorId': return t('field.victim');
    case 'key': return t('field.victim');
    case 'kind': return t('field.kind');
    case 'pseudonym': return t('field.pseudonym');
    case 'realName': return t('field.realName');
    case 'contact': return t('field.contact');
    case 'privateAddress': return t('field.privateAddress');
    case 'role': return t('field.role');
    case 'genderIdentity': return t('field.genderIdentity');
    case 'lgbti': return t('field.lgbti');
    case 'migrationStatus': return t('field.migrationStatus');
    case 'ageGroup': return t('field.ageGroup');
    case 'nationality': return t('field.nationality');
    case 'orgType': return t('field.orgType');
    case 'notes': return t('field.notes');
    case 'protectionMeasures': return t('field.protectionMeasure');
    case 'acts': return t('field.act');
    case 'victimKey': return t('field.victim');
    case 'methods': return t('field.methods');
    case 'consequences': return t('field.consequences');
    case 'description': return t('field.description');
    case 'perpetrators': return t('field.perpetrator');
    case 'perpetrator': return t('field.perpetratorKind');
    case 'degree': return t('field.degree');
    case 'identifiedIndividuals': return t('field.identifiedIndividuals');
    case 'sources': return t('field.source');
    case 'method': return t('field.sourceMethod');
    case 'receivedOn': return t('field.receivedOn');
    case 'reliability': return t('field.reliability');
    case 'testimony': return t('field.testimony');
    case 'consent': return t('field.consent');
    case 'internal_analysis': return t('consent.internal_analysis');
    case 'share_partners': return t('consent.share_partners');
    case 'anonymous_publication': return t('consent.anonymous_publication');
    case 'named_publication': return t('consent.named_publication');
    case 'legal_action': return t('consent.legal_action');
    case 'interventions': return t('field.intervention');
    case 'addressee': return t('field.addressee');
    case 'outcome': return t('field.outcome');
    case 'reference': return t('field.reference');
    case 'granted': return t('field.granted');
    case 'expires': return t('field.expires');
    case 'includes': return t('field.includes');
    case 'deleted': return t('field.deleted');
    case 'mergedFrom': return t('duplicates.field.mergedFrom');
    case 'mergedInto': return t('duplicates.field.mergedInto');
    case 'version': return t('field.version');
    default: return leaf;
  }
}

/**
 * "acts[1].perpetrators[0].perpetrator" → "Acto 2 › Responsable 1 › Tipo de responsable".
 * History paths use ids ("acts#<id>"): `position` turns an id into its number when known.
 */
export function pathLabel(path: string, position?: (list: string, id: string) => number | undefined): string {
  const out: string[] = [];
  for (const seg of path.split('.')) {
    const m = seg.match(/^([A-Za-z_]+)(?:\[(\d+)\]|#(.+))?$/);
    if (!m) {
      out.push(seg);
      continue;
    }
    const name = fieldName(m[1]!);
    if (m[2] !== undefined) out.push(`${name} ${Number(m[2]) + 1}`);
    else if (m[3] !== undefined) {
      const n = position?.(m[1]!, m[3]);
      out.push(n ? `${name} ${n}` : name);
    } else out.push(name);
  }
  return out.join(' › ');
}
