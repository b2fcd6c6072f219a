// Loads the funding request so the claim decider can check it is the caller's and granted.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { careClaimDecider, careFundingDecider, claimIdFor, type CareClaimEvent } from '@wcc/care-provider-domain';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE, handleWithDecider, loadState, type HandledCommand } from '@wcc/nest-kit';
import { SubmitCareClaimCommand } from './care-provider.commands';

@CommandHandler(SubmitCareClaimCommand)
export class SubmitCareClaimHandler implements ICommandHandler<SubmitCareClaimCommand, HandledCommand<CareClaimEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ fundingRequestId, data, metadata }: SubmitCareClaimCommand): Promise<HandledCommand<CareClaimEvent>> {
    const { state: funding } = await loadState(this.store, careFundingDecider, fundingRequestId);
    const command = { type: 'SubmitCareClaim' as const, data: { funding, ...data } };
    return handleWithDecider(this.store, careClaimDecider, claimIdFor(metadata.commandId), command, metadata);
  }
}
