// Reads the funding request so the claim decider can check it is the caller's and granted.
import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { careClaimDecider, careFundingDecider, type CareClaimCommand, type CareClaimEvent, type CareClaimState } from '@wcc/care-provider-domain';
import type { EventStore } from '@wcc/event-store';
import { DeciderCommandHandler, EVENT_STORE, loadState } from '@wcc/nest-kit';
import { CareClaimStreamCommand, type SubmitCareClaimRequest } from './care-provider.commands';

@CommandHandler(CareClaimStreamCommand)
export class CareClaimCommandHandler extends DeciderCommandHandler<CareClaimCommand, CareClaimEvent, CareClaimState, SubmitCareClaimRequest> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, careClaimDecider);
  }

  protected override async prepare({ data: { fundingRequestId, ...data } }: SubmitCareClaimRequest): Promise<CareClaimCommand> {
    const { state: funding } = await loadState(this.store, careFundingDecider, fundingRequestId);
    return { type: 'SubmitCareClaim', data: { funding, ...data } };
  }
}
