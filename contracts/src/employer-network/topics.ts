// Everything the employer network publishes about a case, in order per case key:
// the answer to a referral, matching status, and placements from start to job loss.
// The chain topic, read by the chain's processors.
export const employerNetworkCaseEventsTopic = 'wcc.employer-network.case-events.v1';
// Per partner, only what that partner's service may know (see core/topics.ts).
export const employerNetworkToMunicipalityTopic = 'wcc.employer-network.to-municipality.v1';
export const employerNetworkToInsurerTopic = 'wcc.employer-network.to-insurer.v1';
