// Funding requests and claims from care providers. A request is recorded for the
// addressed insurer's contract manager; a claim is checked against the decision and
// settled or rejected at once — inside the inbox transaction, so the answer and the
// "seen this message" row commit together. Only what is addressed to the insurers this
// deployment serves reaches it (their own topics); no other care-provider event
// (screening, treatment) and no other insurer's request ever does.
import { forwardRef, Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { careClaimSubmittedV1, careFundingRequestedV1, type CareClaimSubmittedV1, type CareFundingRequestedV1 } from '@wcc/contracts';
import type { Actor } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import { careFundingDecider } from '@wcc/insurer-domain';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import { commandMetadataFromEvent, EVENT_STORE, handleWithDecider, type IntegrationEventConsumer } from '@wcc/nest-kit';

function careProvider(organisationId: string): Actor {
  return { userId: 'wcc-insurer:care-provider-consumer', organisationId, organisationType: 'care-provider' };
}

@Injectable()
export class CareProviderConsumer implements IntegrationEventConsumer {
  // forwardRef: MessagingModule's consumer factory may take this instance before its
  // constructor ran (it does not wait for the handler's own dependencies); a forwardRef
  // makes Nest fill in that same object instead of replacing it.
  constructor(@Inject(forwardRef(() => EVENT_STORE)) private readonly store: EventStore) {}

  async handle(event: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<void> {
    switch (event.definition.type) {
      case careFundingRequestedV1.type:
        return this.register(event, event.data as CareFundingRequestedV1, tx);
      case careClaimSubmittedV1.type:
        return this.claim(event, event.data as CareClaimSubmittedV1, tx);
      default:
        return;
    }
  }

  private async register(event: ReceivedIntegrationEvent, d: CareFundingRequestedV1, tx: pg.PoolClient): Promise<void> {
    const command = {
      type: 'RegisterCareFundingRequest',
      data: {
        fundingRequestId: d.fundingRequestId,
        caseId: d.caseId,
        clientKey: d.clientKey,
        insurerId: d.insurerId,
        careProviderId: d.organisationId,
        instrument: d.instrument,
        requestedUnits: d.requestedUnits,
        requestedAmountCents: d.requestedAmountCents,
        periodFrom: d.periodFrom,
        periodTo: d.periodTo,
        // Job coaching is capped by the job (report 002 §5.1.4); a request without it is refused on arrival.
        ...(d.job === undefined ? {} : { job: { hoursPerWeek: d.job.hoursPerWeek, contractMonths: d.job.contractMonths, startDate: d.job.startDate } }),
      },
    } as const;
    const metadata = commandMetadataFromEvent(event, careProvider(d.organisationId), 'register-care-funding-request');
    await handleWithDecider(this.store, careFundingDecider, d.fundingRequestId, command, metadata, { transaction: tx });
  }

  private async claim(event: ReceivedIntegrationEvent, d: CareClaimSubmittedV1, tx: pg.PoolClient): Promise<void> {
    const command = {
      type: 'SubmitCareClaim',
      data: {
        claimId: d.claimId,
        fundingRequestId: d.fundingRequestId,
        caseId: d.caseId,
        clientKey: d.clientKey,
        insurerId: d.insurerId,
        careProviderId: d.organisationId,
        instrument: d.instrument,
        units: d.units,
        amountCents: d.amountCents,
        periodFrom: d.periodFrom,
        periodTo: d.periodTo,
      },
    } as const;
    const metadata = commandMetadataFromEvent(event, careProvider(d.organisationId), 'settle-care-claim');
    await handleWithDecider(this.store, careFundingDecider, d.fundingRequestId, command, metadata, { transaction: tx });
  }
}
