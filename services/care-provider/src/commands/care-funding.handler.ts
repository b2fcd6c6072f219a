// Reads the referral so the funding decider can check it is the caller's and accepted.
import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { careFundingDecider, referralDecider, type CareFundingCommand, type CareFundingEvent, type CareFundingState } from '@wcc/care-provider-domain';
import type { EventStore } from '@wcc/event-store';
import { DeciderCommandHandler, EVENT_STORE, loadState } from '@wcc/nest-kit';
import { CareFundingStreamCommand, type RequestCareFundingRequest } from './care-provider.commands';

@CommandHandler(CareFundingStreamCommand)
export class CareFundingCommandHandler extends DeciderCommandHandler<CareFundingCommand, CareFundingEvent, CareFundingState, RequestCareFundingRequest> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, careFundingDecider);
  }

  protected override async prepare({ data: { referralId, ...data } }: RequestCareFundingRequest): Promise<CareFundingCommand> {
    const { state: referral } = await loadState(this.store, referralDecider, referralId);
    return { type: 'RequestCareFunding', data: { referral, ...data } };
  }
}
