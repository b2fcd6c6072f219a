// A proposal and a placement are judged against the employer and its vacancy: the
// handler reads the employer's current state from its own stream and hands it to the
// decider with the command; every other matching command needs only its own stream.
import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { employerDecider, employerSnapshotOf, matchingDecider, type MatchingCommand, type MatchingEvent, type MatchingState } from '@wcc/employer-network-domain';
import type { EventStore } from '@wcc/event-store';
import { DeciderCommandHandler, EVENT_STORE, loadState } from '@wcc/nest-kit';
import { MatchingStreamCommand } from './employer-network.commands';

@CommandHandler(MatchingStreamCommand)
export class MatchingCommandHandler extends DeciderCommandHandler<MatchingCommand, MatchingEvent, MatchingState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, matchingDecider);
  }

  protected override async prepare(command: MatchingCommand): Promise<MatchingCommand> {
    if (command.type !== 'ProposeCandidate' && command.type !== 'StartPlacement') return command;
    const employer = employerSnapshotOf((await loadState(this.store, employerDecider, command.data.employerId)).state);
    return { ...command, data: { ...command.data, employer } } as MatchingCommand;
  }
}
