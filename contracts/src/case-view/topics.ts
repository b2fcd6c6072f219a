// What the case view publishes: one protocol record per disclosure of a client's data
// to someone of another organisation, or per refusal for lack of consent. Keyed by
// case id like every case topic, so the exchange log sees a case's records in order.
export const caseViewCaseEventsTopic = 'wcc.case-view.case-events.v1';
