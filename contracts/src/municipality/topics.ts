// One topic for everything the municipality publishes about a case, so consent,
// referral and their order arrive together per case key.
export const municipalityCaseEventsTopic = 'wcc.municipality.case-events.v1';
