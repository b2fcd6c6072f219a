// One chain topic for everything the municipality publishes about a case, so consent,
// referral and their order arrive together per case key at the chain's processors.
export const municipalityCaseEventsTopic = 'wcc.municipality.case-events.v1';
// Per partner, only what that partner's service may know (see core/topics.ts).
export const municipalityToCareProviderTopic = 'wcc.municipality.to-care-provider.v1';
export const municipalityToEmployerNetworkTopic = 'wcc.municipality.to-employer-network.v1';
