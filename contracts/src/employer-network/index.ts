import { matchingStatusChangedV1 } from './matching-status-changed';
import { clientLeftWorkV1, clientStartedWorkV1, placementEndedV1, placementReviewedV1, placementStartedV1 } from './placement';
import { employerNetworkReferralAcceptedV1, employerNetworkReferralDeclinedV1 } from './referral-answered';

export * from './matching-status-changed';
export * from './placement';
export * from './referral-answered';
export * from './topics';

export const employerNetworkEvents = [
  employerNetworkReferralAcceptedV1,
  employerNetworkReferralDeclinedV1,
  matchingStatusChangedV1,
  placementStartedV1,
  placementReviewedV1,
  placementEndedV1,
  clientStartedWorkV1,
  clientLeftWorkV1,
] as const;
