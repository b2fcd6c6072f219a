// Every other command on a case: refuse the client's name in text that leaves the
// municipality, then load the case stream, decide, append.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE, StreamCommand, type HandledCommand } from '@wcc/nest-kit';
import { caseDecider, type CaseCommand, type CaseEvent } from '@wcc/municipality-domain';
import { ClientNameGuard } from '../privacy/client-name-guard';
import { handleIdempotently } from './idempotent';

export class CaseCommandRequest extends StreamCommand<CaseCommand> {}

@CommandHandler(CaseCommandRequest)
export class CaseCommandHandler implements ICommandHandler<CaseCommandRequest, HandledCommand<CaseEvent>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clientNames: ClientNameGuard,
  ) {}

  async execute({ id, command, metadata }: CaseCommandRequest): Promise<HandledCommand<CaseEvent>> {
    await this.clientNames.refuseClientNameIn(id, command, metadata);
    return handleIdempotently(this.store, caseDecider, id, command, metadata);
  }
}
