import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { employerDecider, type EmployerCommand, type EmployerEvent, type EmployerState } from '@wcc/employer-network-domain';
import type { EventStore } from '@wcc/event-store';
import { DeciderCommandHandler, EVENT_STORE } from '@wcc/nest-kit';
import { EmployerStreamCommand } from './employer-network.commands';

@CommandHandler(EmployerStreamCommand)
export class EmployerCommandHandler extends DeciderCommandHandler<EmployerCommand, EmployerEvent, EmployerState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, employerDecider);
  }
}
