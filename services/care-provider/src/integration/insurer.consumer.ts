// Records the insurer's answers to this service's funding requests and claims, inside
// the inbox transaction. Only answers addressed to the providers this deployment serves
// reach it (their own topics); one about a request or claim this service never made (an
// insurer answering a mistaken id) is still not ours and is skipped.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { careClaimDecider, careFundingDecider } from '@wcc/care-provider-domain';
import {
  careClaimRejectedV1,
  careClaimSettledV1,
  careFundingGrantedV1,
  careFundingRefusedV1,
  type CareClaimRejectedV1,
  type CareClaimSettledV1,
  type CareFundingGrantedV1,
  type CareFundingRefusedV1,
} from '@wcc/contracts';
import type { Actor } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import { commandMetadataFromEvent, EVENT_STORE, handleWithDecider, loadState, type IntegrationEventConsumer } from '@wcc/nest-kit';

@Injectable()
export class InsurerEventsConsumer implements IntegrationEventConsumer {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async handle(event: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<void> {
    const actorFor = (insurerId: string | undefined): Actor => ({
      userId: `system:${event.cloudEvent.source}`,
      organisationId: insurerId ?? 'unknown-insurer',
      organisationType: 'insurer',
    });
    const options = { transaction: tx };
    switch (event.definition.type) {
      case careFundingGrantedV1.type: {
        const d = event.data as CareFundingGrantedV1;
        if (!(await this.isOurFunding(d.fundingRequestId))) return;
        const command = {
          type: 'RecordCareFundingGranted' as const,
          data: { insurerId: d.insurerId, grantedUnits: d.grantedUnits, grantedAmountCents: d.grantedAmountCents, periodFrom: d.periodFrom, periodTo: d.periodTo },
        };
        await handleWithDecider(this.store, careFundingDecider, d.fundingRequestId, command, commandMetadataFromEvent(event, actorFor(d.insurerId), 'funding-granted'), options);
        return;
      }
      case careFundingRefusedV1.type: {
        const d = event.data as CareFundingRefusedV1;
        if (!(await this.isOurFunding(d.fundingRequestId))) return;
        const command = { type: 'RecordCareFundingRefused' as const, data: { insurerId: d.insurerId, reasonCode: d.reasonCode, reason: d.reason } };
        await handleWithDecider(this.store, careFundingDecider, d.fundingRequestId, command, commandMetadataFromEvent(event, actorFor(d.insurerId), 'funding-refused'), options);
        return;
      }
      case careClaimSettledV1.type: {
        const d = event.data as CareClaimSettledV1;
        if (!(await this.isOurClaim(d.claimId))) return;
        const command = { type: 'RecordCareClaimSettled' as const, data: { insurerId: d.insurerId, amountCents: d.amountCents, settledOn: d.settledOn } };
        await handleWithDecider(this.store, careClaimDecider, d.claimId, command, commandMetadataFromEvent(event, actorFor(d.insurerId), 'claim-settled'), options);
        return;
      }
      case careClaimRejectedV1.type: {
        const d = event.data as CareClaimRejectedV1;
        if (!(await this.isOurClaim(d.claimId))) return;
        const command = {
          type: 'RecordCareClaimRejected' as const,
          data: { ...(d.insurerId !== undefined ? { insurerId: d.insurerId } : {}), reason: d.reason, detail: d.detail },
        };
        await handleWithDecider(this.store, careClaimDecider, d.claimId, command, commandMetadataFromEvent(event, actorFor(d.insurerId), 'claim-rejected'), options);
        return;
      }
      default:
        return;
    }
  }

  private async isOurFunding(fundingRequestId: string): Promise<boolean> {
    return (await loadState(this.store, careFundingDecider, fundingRequestId)).state.status !== 'none';
  }

  private async isOurClaim(claimId: string): Promise<boolean> {
    return (await loadState(this.store, careClaimDecider, claimId)).state.status !== 'none';
  }
}
