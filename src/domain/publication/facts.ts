/**
 * What the open-data export reads of one incident (src/store/publication/): codes, dates and
 * public place fields only. Victims are numbers local to one export (never ids) with their kind
 * and four profile codes. No title, summary, note, testimony, name, contact, address or private
 * point exists in this shape, so nothing built from it can carry one.
 */
export interface PublicationVictim {
  /** a number local to this export: the same person in two incidents has the same number */
  n: number;
  kind: string;
  role: string | null;
  gender: string | null;
  lgbti: string | null;
  migrationStatus: string | null;
}

export interface PublicationAct {
  kind: string;
  root: string;
  /** the victim's number, or null when the act names no victim (it concerns them all) */
  victim: number | null;
}

export interface PublicationFacts {
  date: { start: string | null; end: string | null; approximate: boolean };
  /** the public place as recorded (locality is text someone typed: used only to find a gazetteer town) */
  place: { precision: string; country: string | null; state: string | null; locality: string | null; crossing: string | null };
  status: string;
  followUp: string;
  acts: PublicationAct[];
  perpetrators: string[];
  context: string[];
  victims: PublicationVictim[];
}
