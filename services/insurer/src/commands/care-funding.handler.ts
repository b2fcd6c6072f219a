import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@wcc/event-store';
import { careFundingDecider, type CareFundingCommand, type CareFundingEvent, type CareFundingState } from '@wcc/insurer-domain';
import { DeciderCommandHandler, EVENT_STORE } from '@wcc/nest-kit';
import { CareFundingStreamCommand } from './care-funding.commands';

@CommandHandler(CareFundingStreamCommand)
export class CareFundingCommandHandler extends DeciderCommandHandler<CareFundingCommand, CareFundingEvent, CareFundingState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, careFundingDecider);
  }
}
