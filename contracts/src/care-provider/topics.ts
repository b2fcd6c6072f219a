// Everything a GGZ care provider publishes about a case, in order per case key: the
// chain topic, read by the chain's processors.
export const careProviderCaseEventsTopic = 'wcc.care-provider.case-events.v1';
// Per partner, only what that partner's service may know (see core/topics.ts): the
// municipality the answers to its referrals, the insurer funding requests and claims.
export const careProviderToMunicipalityTopic = 'wcc.care-provider.to-municipality.v1';
export const careProviderToInsurerTopic = 'wcc.care-provider.to-insurer.v1';
