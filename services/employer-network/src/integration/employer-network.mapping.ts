// What the employer network tells the chain, mapped explicitly from its private domain
// events: the answer to a referral, the matching status, and each placement's start,
// reviews and end with hours, wage and contract type. Employers, vacancies, contacts,
// candidate details, review notes and free-text reasons stay here.
//
// Privacy decision: a job lost for 'health' is itself health data. It is published as
// 'other' and no free-text end reason is ever published, so 'other' cannot be told
// apart from 'health' (which the published contract does not even allow).
import {
  addressableOrganisation,
  clientLeftWorkV1,
  clientStartedWorkV1,
  employerNetworkReferralAcceptedV1,
  employerNetworkReferralDeclinedV1,
  matchingStatusChangedV1,
  placementEndedV1,
  placementReviewedV1,
  placementStartedV1,
  type MatchingStatus as PublishedMatchingStatus,
  type PublishedPlacementEndReason,
} from '@wcc/contracts';
import { assertNever } from '@wcc/domain-kit';
import { matchingDecider, type MatchingEvent, type PlacementEndReason } from '@wcc/employer-network-domain';
import { integrationMessage, type IntegrationMapping, type IntegrationMessage } from '@wcc/messaging';

export function publishedEndReason(reason: PlacementEndReason): PublishedPlacementEndReason {
  switch (reason) {
    case 'health':
      return 'other';
    case 'contract-not-renewed':
    case 'dismissed':
    case 'resigned':
    case 'employer-closed':
    case 'other':
      return reason;
    default:
      return assertNever(reason);
  }
}

/** The municipality an answer or placement goes to, when the stored event names it (events from before it was kept do not: they reach the chain topic only). */
const addressedTo = (referringOrganisationId: string | undefined) => {
  const addressee = addressableOrganisation(referringOrganisationId);
  return addressee === undefined ? {} : { addressedTo: addressee };
};

export const employerNetworkMapping: IntegrationMapping = (recorded) => {
  // Employer streams (employers, vacancies, contacts) are the employer network's own business.
  if (!recorded.streamId.startsWith(`${matchingDecider.streamType}-`)) return [];
  const event = { type: recorded.type, data: recorded.data } as MatchingEvent;
  const { caseId, clientKey, organisationId, referralId } = event.data;
  const envelope = { caseId, clientKey, occurredAt: recorded.metadata.occurredAt };
  const status = (value: PublishedMatchingStatus): IntegrationMessage => integrationMessage(matchingStatusChangedV1, { ...envelope, organisationId, referralId, status: value });

  switch (event.type) {
    case 'ReferralReceived':
      return [];
    case 'ReferralAccepted': {
      const { plannedStart, referringOrganisationId } = event.data;
      return [
        integrationMessage(employerNetworkReferralAcceptedV1, { ...envelope, referralId, organisationId, ...addressedTo(referringOrganisationId), ...(plannedStart ? { plannedStart } : {}) }),
        status('matching'),
      ];
    }
    case 'ReferralDeclined':
      return [
        integrationMessage(employerNetworkReferralDeclinedV1, {
          ...envelope,
          referralId,
          organisationId,
          ...addressedTo(event.data.referringOrganisationId),
          reasonCode: event.data.reasonCode,
          reason: event.data.reason,
        }),
      ];
    case 'CandidateProposed':
      return [status('candidate-proposed')];
    case 'PlacementStarted': {
      const d = event.data;
      return [
        integrationMessage(placementStartedV1, {
          ...envelope,
          organisationId,
          ...addressedTo(d.referringOrganisationId),
          placementId: d.placementId,
          sequence: d.sequence,
          employerId: d.employerId,
          employerName: d.employerName,
          role: d.role,
          contractType: d.contractType,
          hoursPerWeek: d.hoursPerWeek,
          grossHourlyWageCents: d.grossHourlyWageCents,
          ...(d.wageValuePercent === undefined ? {} : { wageValuePercent: d.wageValuePercent }),
          wageSubsidy: d.wageSubsidy,
          jobCoach: d.jobCoach,
          startDate: d.startDate,
        }),
        // The insurer's copy: that and when, nothing of the job itself.
        integrationMessage(clientStartedWorkV1, { ...envelope, organisationId, placementId: d.placementId, startDate: d.startDate }),
        status('placed'),
      ];
    }
    case 'PlacementReviewed': {
      const d = event.data;
      return [
        integrationMessage(placementReviewedV1, {
          ...envelope,
          organisationId,
          placementId: d.placementId,
          reviewMonth: d.reviewMonth,
          reviewedOn: d.reviewedOn,
          stillWorking: d.stillWorking,
          hoursPerWeek: d.hoursPerWeek,
          issues: [...d.issues],
        }),
      ];
    }
    case 'PlacementEnded': {
      const d = event.data;
      return [
        integrationMessage(placementEndedV1, {
          ...envelope,
          organisationId,
          ...addressedTo(d.referringOrganisationId),
          placementId: d.placementId,
          endDate: d.endDate,
          reason: publishedEndReason(d.reason),
        }),
        integrationMessage(clientLeftWorkV1, { ...envelope, organisationId, placementId: d.placementId, endDate: d.endDate }),
        status('reopened'),
      ];
    }
    case 'MatchingClosed':
      return [status('closed')];
    default:
      return assertNever(event);
  }
};
