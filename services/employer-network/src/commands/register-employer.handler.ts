import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { employerDecider, type EmployerCommand, type EmployerEvent, type EmployerState } from '@wcc/employer-network-domain';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE } from '@wcc/nest-kit';
import { RegisterEmployerCommand } from './commands';
import { IdempotentDeciderHandler } from './idempotent-decider.handler';

@CommandHandler(RegisterEmployerCommand)
export class RegisterEmployerHandler extends IdempotentDeciderHandler<EmployerCommand, EmployerEvent, EmployerState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, employerDecider);
  }
}
