// The employer network's answers to matching referrals and the client's jobs
// (placements with sequence, hours, wage and contract type), recorded on the case.
// Matching status and placement reviews are passed over.
import { forwardRef, Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import {
  employerNetworkToMunicipalityTopic,
  employerNetworkReferralAcceptedV1,
  employerNetworkReferralDeclinedV1,
  placementEndedV1,
  placementStartedV1,
  type EmployerNetworkReferralAcceptedV1,
  type EmployerNetworkReferralDeclinedV1,
  type PlacementEndedV1,
  type PlacementStartedV1,
} from '@wcc/contracts';
import type { EventStore } from '@wcc/event-store';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import { EVENT_STORE, type IntegrationEventConsumer } from '@wcc/nest-kit';
import { applyToCase } from './apply-to-case';

export const employerNetworkTopics = [employerNetworkToMunicipalityTopic];

@Injectable()
export class EmployerNetworkConsumer implements IntegrationEventConsumer {
  // forwardRef: MessagingModule's consumer factory may take this instance before its
  // constructor ran; with a forwardRef Nest fills in that same object instead of replacing it.
  constructor(@Inject(forwardRef(() => EVENT_STORE)) private readonly store: EventStore) {}

  async handle(received: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<void> {
    const partnerOf = (organisationId: string) => ({ organisationId, organisationType: 'employer-network' as const });
    switch (received.definition.type) {
      case employerNetworkReferralAcceptedV1.type: {
        const data = received.data as EmployerNetworkReferralAcceptedV1;
        const plannedStart = data.plannedStart === undefined ? {} : { plannedStart: data.plannedStart };
        return applyToCase(this.store, received, tx, partnerOf(data.organisationId), data.caseId, {
          type: 'RecordReferralAccepted',
          data: { referralId: data.referralId, ...plannedStart },
        });
      }
      case employerNetworkReferralDeclinedV1.type: {
        const data = received.data as EmployerNetworkReferralDeclinedV1;
        return applyToCase(this.store, received, tx, partnerOf(data.organisationId), data.caseId, {
          type: 'RecordReferralDeclined',
          data: { referralId: data.referralId, reasonCode: data.reasonCode, reason: data.reason },
        });
      }
      case placementStartedV1.type: {
        const data = received.data as PlacementStartedV1;
        return applyToCase(this.store, received, tx, partnerOf(data.organisationId), data.caseId, {
          type: 'RecordPlacementStarted',
          data: {
            placementId: data.placementId,
            sequence: data.sequence,
            employerId: data.employerId,
            employerName: data.employerName,
            role: data.role,
            contractType: data.contractType,
            hoursPerWeek: data.hoursPerWeek,
            grossHourlyWageCents: data.grossHourlyWageCents,
            ...(data.wageValuePercent === undefined ? {} : { wageValuePercent: data.wageValuePercent }),
            wageSubsidy: data.wageSubsidy,
            jobCoach: data.jobCoach,
            startDate: data.startDate,
          },
        });
      }
      case placementEndedV1.type: {
        const data = received.data as PlacementEndedV1;
        return applyToCase(this.store, received, tx, partnerOf(data.organisationId), data.caseId, {
          type: 'RecordPlacementEnded',
          data: { placementId: data.placementId, endDate: data.endDate, reason: data.reason },
        });
      }
      default:
        return;
    }
  }
}
