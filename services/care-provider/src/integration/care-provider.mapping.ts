// What the care provider tells the chain, mapped explicitly from its private domain
// events. ClinicalFindingsRecorded maps to nothing: diagnoses and notes never leave
// this service. The insurer's answers recorded here are the insurer's to publish,
// and the referral as received is the municipality's.
import type { CareClaimEvent, CareFundingEvent, ReferralEvent } from '@wcc/care-provider-domain';
import {
  addressableOrganisation,
  careClaimSubmittedV1,
  careFundingRequestedV1,
  clientDischargedV1,
  ipsIntakeSessionHeldV1,
  ipsJobCoachAssignedV1,
  referralAcceptedV1,
  referralDeclinedV1,
  screeningAdviceSubmittedV1,
  screeningStartedV1,
  treatmentEpisodeEndedV1,
  treatmentEpisodeStartedV1,
} from '@wcc/contracts';
import { assertNever } from '@wcc/domain-kit';
import type { RecordedEvent } from '@wcc/event-store';
import { integrationMessage, type IntegrationMapping, type IntegrationMessage } from '@wcc/messaging';

export type CareProviderDomainEvent = ReferralEvent | CareFundingEvent | CareClaimEvent;

// Every domain event type of the service, as a record so that a new one left out is a type error (not an event silently dropped).
const known = new Set<string>(
  Object.keys({
    ReferralReceived: true,
    ReferralAccepted: true,
    ReferralDeclined: true,
    ScreeningStarted: true,
    ClinicalFindingsRecorded: true,
    ScreeningAdviceSubmitted: true,
    IpsJobCoachAssigned: true,
    IpsIntakeSessionRecorded: true,
    TreatmentEpisodeStarted: true,
    TreatmentEpisodeEnded: true,
    ClientDischarged: true,
    CareFundingRequested: true,
    CareFundingGranted: true,
    CareFundingRefused: true,
    CareClaimSubmitted: true,
    CareClaimSettled: true,
    CareClaimRejected: true,
  } satisfies Record<CareProviderDomainEvent['type'], true>),
);

/** The municipality an answer goes to, when the stored event names it (events from before it was kept do not: they reach the chain topic only). */
const addressedTo = (referringOrganisationId: string | undefined) => {
  const addressee = addressableOrganisation(referringOrganisationId);
  return addressee === undefined ? {} : { addressedTo: addressee };
};

export const careProviderMapping: IntegrationMapping = (recorded: RecordedEvent): readonly IntegrationMessage[] => {
  if (!known.has(recorded.type)) return [];
  const event = { type: recorded.type, data: recorded.data } as CareProviderDomainEvent;
  const envelope = { caseId: event.data.caseId, clientKey: event.data.clientKey, occurredAt: recorded.metadata.occurredAt };
  switch (event.type) {
    case 'ReferralReceived':
    case 'ClinicalFindingsRecorded':
    case 'CareFundingGranted':
    case 'CareFundingRefused':
    case 'CareClaimSettled':
    case 'CareClaimRejected':
      return [];
    case 'ReferralAccepted': {
      const d = event.data;
      return [
        integrationMessage(referralAcceptedV1, {
          ...envelope,
          referralId: d.referralId,
          organisationId: d.organisationId,
          ...addressedTo(d.referringOrganisationId),
          ...(d.plannedStart !== undefined ? { plannedStart: d.plannedStart } : {}),
        }),
      ];
    }
    case 'ReferralDeclined': {
      const d = event.data;
      return [
        integrationMessage(referralDeclinedV1, {
          ...envelope,
          referralId: d.referralId,
          organisationId: d.organisationId,
          ...addressedTo(d.referringOrganisationId),
          reasonCode: d.reasonCode,
          reason: d.reason,
        }),
      ];
    }
    case 'ScreeningStarted': {
      const d = event.data;
      return [integrationMessage(screeningStartedV1, { ...envelope, referralId: d.referralId, organisationId: d.organisationId, startedOn: d.startedOn })];
    }
    case 'ScreeningAdviceSubmitted': {
      // Field by field: whatever else the domain event ever carries stays here.
      const d = event.data;
      return [
        integrationMessage(screeningAdviceSubmittedV1, {
          ...envelope,
          adviceId: d.adviceId,
          referralId: d.referralId,
          organisationId: d.organisationId,
          ...addressedTo(d.referringOrganisationId),
          advisedRoute: d.advisedRoute,
          workCapacityHoursPerWeek: d.workCapacityHoursPerWeek,
          ...(d.recommendedHoursPerWeek !== undefined ? { recommendedHoursPerWeek: d.recommendedHoursPerWeek } : {}),
          functionalLimitations: [...d.functionalLimitations],
          contraIndications: d.contraIndications,
          reviewDate: d.reviewDate,
        }),
      ];
    }
    case 'IpsJobCoachAssigned': {
      const d = event.data;
      return [integrationMessage(ipsJobCoachAssignedV1, { ...envelope, referralId: d.referralId, organisationId: d.organisationId, jobCoachId: d.jobCoachId })];
    }
    case 'IpsIntakeSessionRecorded': {
      const d = event.data;
      return [integrationMessage(ipsIntakeSessionHeldV1, { ...envelope, referralId: d.referralId, organisationId: d.organisationId, sessionNumber: d.sessionNumber, heldOn: d.heldOn })];
    }
    case 'TreatmentEpisodeStarted': {
      const d = event.data;
      return [integrationMessage(treatmentEpisodeStartedV1, { ...envelope, referralId: d.referralId, organisationId: d.organisationId, episodeId: d.episodeId, startDate: d.startDate })];
    }
    case 'TreatmentEpisodeEnded': {
      const d = event.data;
      return [
        integrationMessage(treatmentEpisodeEndedV1, {
          ...envelope,
          referralId: d.referralId,
          organisationId: d.organisationId,
          episodeId: d.episodeId,
          endDate: d.endDate,
          endReason: d.endReason,
        }),
      ];
    }
    case 'ClientDischarged': {
      const d = event.data;
      return [integrationMessage(clientDischargedV1, { ...envelope, referralId: d.referralId, organisationId: d.organisationId, dischargedOn: d.dischargedOn, reasonCode: d.reasonCode })];
    }
    case 'CareFundingRequested': {
      const d = event.data;
      return [
        integrationMessage(careFundingRequestedV1, {
          ...envelope,
          fundingRequestId: d.fundingRequestId,
          organisationId: d.organisationId,
          insurerId: d.insurerId,
          instrument: d.instrument,
          requestedUnits: d.units,
          requestedAmountCents: d.amountCents,
          periodFrom: d.periodFrom,
          periodTo: d.periodTo,
          ...(d.job === undefined ? {} : { job: { hoursPerWeek: d.job.hoursPerWeek, contractMonths: d.job.contractMonths, startDate: d.job.startDate } }),
        }),
      ];
    }
    case 'CareClaimSubmitted': {
      const d = event.data;
      return [
        integrationMessage(careClaimSubmittedV1, {
          ...envelope,
          claimId: d.claimId,
          fundingRequestId: d.fundingRequestId,
          organisationId: d.organisationId,
          insurerId: d.insurerId,
          instrument: d.instrument,
          units: d.units,
          amountCents: d.amountCents,
          periodFrom: d.periodFrom,
          periodTo: d.periodTo,
        }),
      ];
    }
    default:
      return assertNever(event);
  }
};
