// Loads the referral so the funding decider can check it is the caller's and accepted.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { careFundingDecider, fundingRequestIdFor, referralDecider, type CareFundingEvent } from '@wcc/care-provider-domain';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE, handleWithDecider, loadState, type HandledCommand } from '@wcc/nest-kit';
import { RequestCareFundingCommand } from './care-provider.commands';

@CommandHandler(RequestCareFundingCommand)
export class RequestCareFundingHandler implements ICommandHandler<RequestCareFundingCommand, HandledCommand<CareFundingEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ referralId, data, metadata }: RequestCareFundingCommand): Promise<HandledCommand<CareFundingEvent>> {
    const { state: referral } = await loadState(this.store, referralDecider, referralId);
    const command = { type: 'RequestCareFunding' as const, data: { referral, ...data } };
    return handleWithDecider(this.store, careFundingDecider, fundingRequestIdFor(metadata.commandId), command, metadata);
  }
}
