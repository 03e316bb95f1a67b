/** A complete incident payload touching every part of the model. `marker` lets leak tests find it. */
export function fullIncident(marker = 'MARCA') {
  return {
    title: `Amenaza y vigilancia en el albergue ${marker}`,
    summary: `Dos hombres armados vigilaron la casa del coordinador y luego lo amenazaron de muerte por teléfono. ${marker}`,
    date: { start: '2026-07', end: '2026-08-15', approximate: true },
    place: { precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Saltillo', routeSegment: 'northeast', private: { lat: 25.43, lon: -101.0, address: `Calle secreta 12 ${marker}` } },
    context: ['shelter'],
    status: 'reported',
    followUp: 'open',
    confidentiality: 'organisation',
    victims: [
      { key: 'v1', actor: { kind: 'person', pseudonym: 'Coordinador A', realName: `Nombre Real ${marker}`, contact: `+52 000 ${marker}`, role: 'shelter_coordinator', genderIdentity: 'man', lgbti: 'no', migrationStatus: 'national', ageGroup: 'adult', nationality: 'MX' } },
      { key: 'v2', actor: { kind: 'organisation', pseudonym: 'Albergue de prueba', orgType: 'shelter', country: 'MX', state: 'MX-COA', locality: 'Saltillo', privateAddress: `Dirección ${marker}` } },
    ],
    acts: [
      { kind: 'surveillance.home', victimKey: 'v1', date: { start: '2026-07' }, methods: ['in_person'], perpetrators: [{ perpetrator: 'non_state.organised_crime', degree: 'direct', identifiedIndividuals: `alias El ${marker}` }] },
      { kind: 'threat.death', victimKey: 'v1', methods: ['phone_call'], consequences: ['psychological_harm'], perpetrators: [{ perpetrator: 'non_state.unknown' }, { perpetrator: 'state.mx.municipal_police', degree: 'suspected', country: 'MX' }] },
      { kind: 'shelter_entry.attempted', victimKey: 'v2', perpetrators: [{ perpetrator: 'state.mx.inm', degree: 'direct' }] },
    ],
    sources: [{ kind: 'victim', method: 'in_person', receivedOn: '2026-08-16', reliability: 'usually_reliable', pseudonym: 'Fuente 1', testimony: `Me dijeron que me fuera ${marker}`, consent: { internal_analysis: 'given', share_partners: 'given', anonymous_publication: 'given', named_publication: 'refused', legal_action: 'not_asked' } }],
    interventions: [{ kind: 'mechanism_inclusion', date: '2026-08-20', actor: 'Red de prueba', addressee: 'Mecanismo de Protección', outcome: 'pending', followUp: 'open' }],
  };
}
