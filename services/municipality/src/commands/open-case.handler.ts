// OpenCase: the case starts from the client's registered profile, read from the
// client stream, so the chain receives the demographics as the municipality holds them.
import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { domainError, type Command } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import { CommandRefused, DeciderCommandHandler, EVENT_STORE, loadState, StreamCommand } from '@wcc/nest-kit';
import { caseDecider, clientDecider, type CaseCommand, type CaseEvent, type CaseState } from '@wcc/municipality-domain';

export type OpenCaseInput = Command<'OpenCase', { readonly caseId: string; readonly clientKey: string }>;

/** Opens `case-<caseId>` for a registered client. */
export class OpenCaseRequest extends StreamCommand<OpenCaseInput> {}

@CommandHandler(OpenCaseRequest)
export class OpenCaseHandler extends DeciderCommandHandler<CaseCommand, CaseEvent, CaseState, OpenCaseInput> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, caseDecider);
  }

  protected override async prepare({ data: { caseId, clientKey } }: OpenCaseInput): Promise<CaseCommand> {
    const { state: client } = await loadState(this.store, clientDecider, clientKey);
    if (client.status !== 'registered') throw new CommandRefused(domainError('not-found', 'client-not-found', 'There is no registered client with this client key.', '/clientKey'));
    return { type: 'OpenCase', data: { caseId, clientKey, clientMunicipalityId: client.municipalityId, profile: client.profile } };
  }
}
