// The decider judges the employer and vacancy; the handler only loads the employer's
// current state from its own stream and hands it over with the command.
import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import {
  employerDecider,
  employerSnapshotOf,
  matchingDecider,
  type MatchingCommand,
  type MatchingEvent,
  type MatchingState,
} from '@wcc/employer-network-domain';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE, loadState, type HandledCommand } from '@wcc/nest-kit';
import { ProposeCandidateCommand } from './commands';
import { IdempotentDeciderHandler } from './idempotent-decider.handler';

@CommandHandler(ProposeCandidateCommand)
export class ProposeCandidateHandler extends IdempotentDeciderHandler<MatchingCommand, MatchingEvent, MatchingState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, matchingDecider);
  }

  override async execute({ id, command, metadata }: ProposeCandidateCommand): Promise<HandledCommand<MatchingEvent>> {
    const employer = employerSnapshotOf((await loadState(this.events, employerDecider, command.data.employerId)).state);
    return super.execute(new ProposeCandidateCommand(id, { ...command, data: { ...command.data, employer } }, metadata));
  }
}
