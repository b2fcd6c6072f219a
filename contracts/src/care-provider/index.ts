import { careClaimSubmittedV1, careFundingRequestedV1 } from './care-funding';
import { clientDischargedV1 } from './client-discharged';
import { ipsIntakeSessionHeldV1, ipsJobCoachAssignedV1 } from './ips';
import { referralAcceptedV1, referralDeclinedV1 } from './referral-answered';
import { screeningAdviceSubmittedV1 } from './screening-advice-submitted';
import { screeningStartedV1 } from './screening-started';
import { treatmentEpisodeEndedV1, treatmentEpisodeStartedV1 } from './treatment-episode';

export * from './care-funding';
export * from './client-discharged';
export * from './ips';
export * from './referral-answered';
export * from './screening-advice-submitted';
export * from './screening-started';
export * from './topics';
export * from './treatment-episode';

export const careProviderEvents = [
  referralAcceptedV1,
  referralDeclinedV1,
  screeningStartedV1,
  screeningAdviceSubmittedV1,
  ipsJobCoachAssignedV1,
  ipsIntakeSessionHeldV1,
  treatmentEpisodeStartedV1,
  treatmentEpisodeEndedV1,
  clientDischargedV1,
  careFundingRequestedV1,
  careClaimSubmittedV1,
] as const;
