// The care provider's commands as @nestjs/cqrs messages: one per stream for the
// referral, and two that first read another stream (funding needs the referral, a
// claim needs the funding).
import type { CommandMetadata } from '@wcc/domain-kit';
import type { ReferralCommand, RequestCareFunding, SubmitCareClaim } from '@wcc/care-provider-domain';
import { StreamCommand } from '@wcc/nest-kit';

/** Any command on `referral-<referralId>`. */
export class ReferralStreamCommand extends StreamCommand<ReferralCommand> {}

export class RequestCareFundingCommand {
  constructor(
    readonly referralId: string,
    readonly data: Omit<RequestCareFunding['data'], 'referral'>,
    readonly metadata: CommandMetadata,
  ) {}
}

export class SubmitCareClaimCommand {
  constructor(
    readonly fundingRequestId: string,
    readonly data: Omit<SubmitCareClaim['data'], 'funding'>,
    readonly metadata: CommandMetadata,
  ) {}
}
