// Everything the employer network publishes about a case, in order per case key:
// the answer to a referral, matching status, and placements from start to job loss.
export const employerNetworkCaseEventsTopic = 'wcc.employer-network.case-events.v1';
