import { careClaimRejectedV1, careClaimSettledV1 } from './care-claim-answered';
import { careFundingGrantedV1, careFundingRefusedV1 } from './care-funding-decided';

export * from './care-claim-answered';
export * from './care-funding-decided';
export * from './topics';

export const insurerEvents = [careFundingGrantedV1, careFundingRefusedV1, careClaimSettledV1, careClaimRejectedV1] as const;
