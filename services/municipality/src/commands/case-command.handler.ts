// Every other command on a case: refuse the client's name in text that leaves the
// municipality, and care words in text for the employer network, then decide on the case stream.
import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@wcc/event-store';
import { DeciderCommandHandler, EVENT_STORE, StreamCommand } from '@wcc/nest-kit';
import { caseDecider, type CaseCommand, type CaseEvent, type CaseState } from '@wcc/municipality-domain';
import { ClientNameGuard } from '../privacy/client-name-guard';

export class CaseCommandRequest extends StreamCommand<CaseCommand> {}

@CommandHandler(CaseCommandRequest)
export class CaseCommandHandler extends DeciderCommandHandler<CaseCommand, CaseEvent, CaseState> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly clientNames: ClientNameGuard,
  ) {
    super(store, caseDecider);
  }

  protected override async prepare(command: CaseCommand, { id, metadata }: CaseCommandRequest): Promise<CaseCommand> {
    this.clientNames.refuseCareWordsForTheEmployerNetwork(command);
    await this.clientNames.refuseClientNameIn(id, command, metadata);
    return command;
  }
}
