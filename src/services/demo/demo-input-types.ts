/**
 * The shapes the demo generator builds: raw (pre-parse) incident and actor input as the API would
 * receive it, and the parts of it (acts, involvements, places, sources, interventions, protection
 * measures, fuzzy dates) that the other demo modules fill in. Types only; nothing runs here.
 */
import type { z } from 'zod';
import type { incidentInputSchema } from '../../domain/incident/schema.js';
import type { actorInputSchema } from '../../domain/actor/schema.js';

export type RawIncident = z.input<typeof incidentInputSchema>;
export type RawActor = z.input<typeof actorInputSchema>;
export type RawAct = NonNullable<RawIncident['acts']>[number];
export type RawInvolvement = NonNullable<RawAct['perpetrators']>[number];
export type RawPlace = NonNullable<RawIncident['place']>;
export type RawSource = NonNullable<RawIncident['sources']>[number];
export type RawIntervention = NonNullable<RawIncident['interventions']>[number];
export type RawMeasure = NonNullable<RawActor['protectionMeasures']>[number];
export type FuzzyDate = NonNullable<RawIncident['date']>;
