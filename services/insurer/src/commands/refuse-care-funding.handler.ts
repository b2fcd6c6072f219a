import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@wcc/event-store';
import { careFundingDecider, type CareFundingCommand, type CareFundingEvent, type CareFundingState } from '@wcc/insurer-domain';
import { DeciderCommandHandler, EVENT_STORE } from '@wcc/nest-kit';
import { RefuseCareFundingCommand } from './care-funding.commands';

@CommandHandler(RefuseCareFundingCommand)
export class RefuseCareFundingHandler extends DeciderCommandHandler<CareFundingCommand, CareFundingEvent, CareFundingState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, careFundingDecider);
  }
}
