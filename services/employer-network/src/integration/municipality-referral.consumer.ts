// Takes in the municipality's referrals for matching: a ClientReferredForMatching opens
// the case's matching stream, in the inbox transaction. It arrives on the addressed
// network's own audience topic, which carries nothing else: no GGZ referral, no consent
// record, no route (care-summary data), no other network's referral ever reaches this service.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { clientReferredForMatchingV1, type ClientReferredForMatchingV1 } from '@wcc/contracts';
import type { Actor } from '@wcc/domain-kit';
import { matchingDecider, type ReceiveReferral } from '@wcc/employer-network-domain';
import type { EventStore } from '@wcc/event-store';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import { commandMetadataFromEvent, EVENT_STORE, handleWithDecider, type IntegrationEventConsumer } from '@wcc/nest-kit';

@Injectable()
export class MunicipalityReferralConsumer implements IntegrationEventConsumer {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async handle(event: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<void> {
    if (event.definition.type !== clientReferredForMatchingV1.type) return; // a newer event type on the topic, not yet used here
    const referral = event.data as ClientReferredForMatchingV1;
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
