/**
 * The small shape the pattern detectors read. It is built from recorded incidents by whoever calls the
 * detectors (a service); the detectors never see titles, descriptions or any identifying field, only
 * ids, the earliest possible day, act kinds and perpetrator codes.
 */

/** One perpetrator's involvement in an act. */
export interface PatternPerpetrator {
  /** perpetrator vocabulary code, e.g. 'state.mx.inm', 'state.us.cbp', 'non_state.organised_crime', 'state.other_country' */
  code: string;
  /** ISO 3166-1 alpha-2; says which country for 'state.other_country' (and a bare 'state') */
  country?: string;
}

/** One act of an incident. */
export interface PatternAct {
  /** act vocabulary code, hierarchical with dots, e.g. 'threat.death', 'surveillance.home' */
  kind: string;
  /** the victim this act was against; absent = against every victim of the incident */
  victimId?: string;
  perpetrators: PatternPerpetrator[];
}

export interface PatternIncident {
  /** incident id */
  id: string;
  /** earliest possible day of the incident, 'YYYY-MM-DD'; null when undated (undated incidents never count in windowed patterns) */
  day: string | null;
  /** ids of the people/organisations affected by the incident */
  victimIds: string[];
  acts: PatternAct[];
}
