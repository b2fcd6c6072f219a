// Takes the municipality's referrals to a care provider into the referral inbox. The
// referral stream is written inside the inbox transaction, so a redelivered
// ClientReferred is recognised and nothing is received twice.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { referralDecider } from '@wcc/care-provider-domain';
import { clientReferredV1, type ClientReferredV1 } from '@wcc/contracts';
import type { EventStore } from '@wcc/event-store';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import { commandMetadataFromEvent, EVENT_STORE, handleWithDecider, type IntegrationEventConsumer } from '@wcc/nest-kit';
import { CareProviderConfig } from '../config';

@Injectable()
export class MunicipalityEventsConsumer implements IntegrationEventConsumer {
  // Made here, not injected: consumers are provided by MessagingModule, outside AppModule.
  private readonly config = new CareProviderConfig();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async handle(event: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<void> {
    // Consent and other municipality events are not this consumer's concern.
    if (event.definition.type !== clientReferredV1.type) return;
    const referral = event.data as ClientReferredV1;
    if (referral.toOrganisationType !== 'care-provider' || !this.config.serves(referral.toOrganisationId)) return;
    const actor = { userId: `system:${event.cloudEvent.source}`, organisationId: referral.fromOrganisationId, organisationType: 'municipality' as const };
    await handleWithDecider(
      this.store,
      referralDecider,
      referral.referralId,
      {
        type: 'ReceiveReferral',
        data: {
          referralId: referral.referralId,
          caseId: referral.caseId,
          clientKey: referral.clientKey,
          fromOrganisationId: referral.fromOrganisationId,
          toOrganisationId: referral.toOrganisationId,
          route: referral.route,
          reason: referral.reason,
          replyDeadline: referral.replyDeadline,
          referredAt: referral.occurredAt,
        },
      },
      commandMetadataFromEvent(event, actor, 'receive-referral'),
      { transaction: tx },
    );
  }
}
