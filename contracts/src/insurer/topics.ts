// Everything a health insurer publishes about a case — funding decisions and claim
// outcomes — in order per case key: the chain topic, read by the chain's processors.
export const insurerCaseEventsTopic = 'wcc.insurer.case-events.v1';
// Per partner, only what that partner's service may know (see core/topics.ts).
export const insurerToCareProviderTopic = 'wcc.insurer.to-care-provider.v1';
