/**
 * What of one incident goes into a records export (ADR 0022). Without identifying values, the
 * incident as the domain strips it for people who may not see them (identifying.ts: real names,
 * contacts, private addresses and points, named perpetrators, testimonies and the fields an admin
 * marked identifying). With them, everything but the testimonies whose source has not given
 * consent for the export's purpose. The paths of the identifying values that go out are what the
 * audit records (never the values).
 */
import type { IncidentView } from '../incident/view.js';
import { incidentIdentifying, stripIncident, type Marked } from '../incident/identifying.js';
import { CONSENT_FOR_PURPOSE, type ExportPurpose } from './query.js';

export interface Projected {
  view: IncidentView;
  /** paths of the identifying values in `view` ("victims[0].actor.realName"), empty when none went out */
  identifyingPaths: string[];
  /** testimonies in the file, and those left out for want of consent (counted only with identifying values) */
  testimonies: { included: number; withheld: number };
}

/** Whether a source consented to this purpose: only an explicit "given" counts. */
export function consentGiven(source: IncidentView['sources'][number], purpose: ExportPurpose): boolean {
  return source.consent[CONSENT_FOR_PURPOSE[purpose]] === 'given';
}

export function projectIncident(v: IncidentView, opts: { identifying: boolean; purpose: ExportPurpose; marked: Marked }): Projected {
  if (!opts.identifying || opts.purpose === 'partners') {
    return { view: stripIncident(v, opts.marked), identifyingPaths: [], testimonies: { included: 0, withheld: 0 } };
  }
  let included = 0;
  let withheld = 0;
  const sources = v.sources.map((s) => {
    if (s.testimony === undefined) return s;
    if (consentGiven(s, opts.purpose)) {
      included++;
      return s;
    }
    withheld++;
    const { testimony: _t, ...rest } = s;
    return rest;
  });
  const view: IncidentView = { ...v, sources };
  return { view, identifyingPaths: incidentIdentifying(view, opts.marked).map((e) => e.path), testimonies: { included, withheld } };
}
