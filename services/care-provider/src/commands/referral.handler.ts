import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { referralDecider, type ReferralCommand, type ReferralEvent, type ReferralState } from '@wcc/care-provider-domain';
import type { EventStore } from '@wcc/event-store';
import { DeciderCommandHandler, EVENT_STORE } from '@wcc/nest-kit';
import { ReferralStreamCommand } from './care-provider.commands';

@CommandHandler(ReferralStreamCommand)
export class ReferralCommandHandler extends DeciderCommandHandler<ReferralCommand, ReferralEvent, ReferralState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, referralDecider);
  }
}
