import { referralAcceptedV1, referralDeclinedV1 } from './referral-answered';
import { screeningAdviceSubmittedV1 } from './screening-advice-submitted';

export * from './referral-answered';
export * from './screening-advice-submitted';
export * from './topics';

export const careProviderEvents = [referralAcceptedV1, referralDeclinedV1, screeningAdviceSubmittedV1] as const;
