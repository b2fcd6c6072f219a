// Takes in the municipality's referrals for matching: a ClientReferred addressed to the
// employer network opens the case's matching stream, in the inbox transaction. Only
// what matching needs is kept: the route of ClientReferred is care-summary data
// ('first-psychosis' says something about health) and is dropped here, at the edge.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { clientReferredV1, type ClientReferredV1 } from '@wcc/contracts';
import type { Actor } from '@wcc/domain-kit';
import { matchingDecider, type ReceiveReferral } from '@wcc/employer-network-domain';
import type { EventStore } from '@wcc/event-store';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import { commandMetadataFromEvent, EVENT_STORE, handleWithDecider, type IntegrationEventConsumer } from '@wcc/nest-kit';

@Injectable()
export class MunicipalityReferralConsumer implements IntegrationEventConsumer {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async handle(event: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<void> {
    if (event.definition.type !== clientReferredV1.type) return; // consent and the rest are not the employer network's
    const referral = event.data as ClientReferredV1;
    if (referral.toOrganisationType !== 'employer-network') return;
    const command: ReceiveReferral = {
      type: 'ReceiveReferral',
      data: {
        caseId: referral.caseId,
        clientKey: referral.clientKey,
        referralId: referral.referralId,
        fromOrganisationId: referral.fromOrganisationId,
        toOrganisationId: referral.toOrganisationId,
        reason: referral.reason,
        replyDeadline: referral.replyDeadline,
      },
    };
    const actor: Actor = { userId: event.cloudEvent.source, organisationId: referral.fromOrganisationId, organisationType: 'municipality' };
    await handleWithDecider(this.store, matchingDecider, referral.caseId, command, commandMetadataFromEvent(event, actor, 'receive-referral'), { transaction: tx });
  }
}
