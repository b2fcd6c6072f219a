import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { matchingDecider, type MatchingCommand, type MatchingEvent, type MatchingState } from '@wcc/employer-network-domain';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE } from '@wcc/nest-kit';
import { DeclineReferralCommand } from './commands';
import { IdempotentDeciderHandler } from './idempotent-decider.handler';

@CommandHandler(DeclineReferralCommand)
export class DeclineReferralHandler extends IdempotentDeciderHandler<MatchingCommand, MatchingEvent, MatchingState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, matchingDecider);
  }
}
