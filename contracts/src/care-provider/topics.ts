// Everything a GGZ care provider publishes about a case, in order per case key.
export const careProviderCaseEventsTopic = 'wcc.care-provider.case-events.v1';
