// OpenCase: the case starts from the client's registered profile, read from the
// client stream, so the chain receives the demographics as the municipality holds them.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE, loadState, ProblemException, type HandledCommand } from '@wcc/nest-kit';
import { caseDecider, clientDecider, type CaseEvent } from '@wcc/municipality-domain';
import { handleIdempotently } from './idempotent';

export class OpenCaseRequest {
  constructor(
    readonly caseId: string,
    readonly clientKey: string,
    readonly metadata: CommandMetadata,
  ) {}
}

@CommandHandler(OpenCaseRequest)
export class OpenCaseHandler implements ICommandHandler<OpenCaseRequest, HandledCommand<CaseEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId, clientKey, metadata }: OpenCaseRequest): Promise<HandledCommand<CaseEvent>> {
    const { state: client } = await loadState(this.store, clientDecider, clientKey);
    if (client.status !== 'registered') throw ProblemException.notFound('There is no registered client with this client key.');
    const data = { caseId, clientKey, clientMunicipalityId: client.municipalityId, profile: client.profile };
    return handleIdempotently(this.store, caseDecider, caseId, { type: 'OpenCase', data }, metadata);
  }
}
