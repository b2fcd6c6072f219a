// The care provider's answers to the municipality's referrals and its screening
// advice, recorded on the case. Its other events (screening started, IPS, treatment,
// funding) are not the municipality's to keep and are passed over.
import { forwardRef, Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import {
  careProviderToMunicipalityTopic,
  referralAcceptedV1,
  referralDeclinedV1,
  screeningAdviceSubmittedV1,
  type ReferralAcceptedV1,
  type ReferralDeclinedV1,
  type ScreeningAdviceSubmittedV1,
} from '@wcc/contracts';
import type { EventStore } from '@wcc/event-store';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import { EVENT_STORE, type IntegrationEventConsumer } from '@wcc/nest-kit';
import { applyToCase } from './apply-to-case';

export const careProviderTopics = [careProviderToMunicipalityTopic];

@Injectable()
export class CareProviderConsumer implements IntegrationEventConsumer {
  // forwardRef: MessagingModule's consumer factory may take this instance before its
  // constructor ran; with a forwardRef Nest fills in that same object instead of replacing it.
  constructor(@Inject(forwardRef(() => EVENT_STORE)) private readonly store: EventStore) {}

  async handle(received: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<void> {
    switch (received.definition.type) {
      case referralAcceptedV1.type: {
        const data = received.data as ReferralAcceptedV1;
        const partner = { organisationId: data.organisationId, organisationType: 'care-provider' as const };
        const plannedStart = data.plannedStart === undefined ? {} : { plannedStart: data.plannedStart };
        return applyToCase(this.store, received, tx, partner, data.caseId, { type: 'RecordReferralAccepted', data: { referralId: data.referralId, ...plannedStart } });
      }
      case referralDeclinedV1.type: {
        const data = received.data as ReferralDeclinedV1;
        const partner = { organisationId: data.organisationId, organisationType: 'care-provider' as const };
        return applyToCase(this.store, received, tx, partner, data.caseId, {
          type: 'RecordReferralDeclined',
          data: { referralId: data.referralId, reasonCode: data.reasonCode, reason: data.reason },
        });
      }
      case screeningAdviceSubmittedV1.type: {
        const data = received.data as ScreeningAdviceSubmittedV1;
        const partner = { organisationId: data.organisationId, organisationType: 'care-provider' as const };
        return applyToCase(this.store, received, tx, partner, data.caseId, {
          type: 'RecordScreeningAdvice',
          data: {
            adviceId: data.adviceId,
            referralId: data.referralId,
            advisedRoute: data.advisedRoute,
            workCapacityHoursPerWeek: data.workCapacityHoursPerWeek,
            ...(data.recommendedHoursPerWeek === undefined ? {} : { recommendedHoursPerWeek: data.recommendedHoursPerWeek }),
            functionalLimitations: [...data.functionalLimitations],
            contraIndications: data.contraIndications,
            reviewDate: data.reviewDate,
          },
        });
      }
      default:
        return;
    }
  }
}
