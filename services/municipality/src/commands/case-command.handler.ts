// Every other command on a case: load the case stream, decide, append.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE, StreamCommand, type HandledCommand } from '@wcc/nest-kit';
import { caseDecider, type CaseCommand, type CaseEvent } from '@wcc/municipality-domain';
import { handleIdempotently } from './idempotent';

export class CaseCommandRequest extends StreamCommand<CaseCommand> {}

@CommandHandler(CaseCommandRequest)
export class CaseCommandHandler implements ICommandHandler<CaseCommandRequest, HandledCommand<CaseEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ id, command, metadata }: CaseCommandRequest): Promise<HandledCommand<CaseEvent>> {
    return handleIdempotently(this.store, caseDecider, id, command, metadata);
  }
}
