// The care provider's commands as @nestjs/cqrs messages, one per stream type. A funding
// request names its referral and a claim its funding; the handlers read those streams
// for the decider, so the caller sends only what it knows.
import type { Command } from '@wcc/domain-kit';
import type { ReferralCommand, RequestCareFunding, SubmitCareClaim } from '@wcc/care-provider-domain';
import { StreamCommand } from '@wcc/nest-kit';

/** Any command on `referral-<referralId>`. */
export class ReferralStreamCommand extends StreamCommand<ReferralCommand> {}

export type RequestCareFundingRequest = Command<'RequestCareFunding', Omit<RequestCareFunding['data'], 'referral'> & { readonly referralId: string }>;
/** A new `care-funding-<fundingRequestIdFor(commandId)>`. */
export class CareFundingStreamCommand extends StreamCommand<RequestCareFundingRequest> {}

export type SubmitCareClaimRequest = Command<'SubmitCareClaim', Omit<SubmitCareClaim['data'], 'funding'> & { readonly fundingRequestId: string }>;
/** A new `care-claim-<claimIdFor(commandId)>`. */
export class CareClaimStreamCommand extends StreamCommand<SubmitCareClaimRequest> {}
