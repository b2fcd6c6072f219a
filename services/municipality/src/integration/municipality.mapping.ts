// What the chain learns from the municipality: each private domain event mapped to
// the integration events its contract declares, field by field. The BSN, the name,
// free-text reasons and notes have no field to go into; partners' own answers
// (recorded here from their events) are not published again.
import type { RecordedEvent } from '@wcc/event-store';
import { integrationMessage, type IntegrationMapping, type IntegrationMessage } from '@wcc/messaging';
import {
  benefitAdjustedV1,
  benefitEndedV1,
  benefitReappliedV1,
  caseClosedV1,
  caseOpenedV1,
  caseReviewCancelledV1,
  caseReviewHeldV1,
  caseReviewScheduledV1,
  clientReferredForMatchingV1,
  clientReferredV1,
  clientRegisteredV1,
  consentGrantedV1,
  consentWithdrawnV1,
  droppedOutV1,
  participationMeasuredV1,
  regieAssignedV1,
  regieTransferredV1,
  reviewActionAssignedV1,
  reviewActionClosedV1,
} from '@wcc/contracts';
import { assertNever } from '@wcc/domain-kit';
import type { CaseEvent, CaseReviewEvent, ClientEvent } from '@wcc/municipality-domain';

type MunicipalityEvent = CaseEvent | ClientEvent | CaseReviewEvent;

export const municipalityMapping: IntegrationMapping = (recorded: RecordedEvent): readonly IntegrationMessage[] => {
  const event = { type: recorded.type, data: recorded.data } as MunicipalityEvent;
  const occurredAt = recorded.metadata.occurredAt;
  switch (event.type) {
    case 'ClientRegistered':
      // Holds the sealed BSN. The chain hears of a client only when a case is opened.
      return [];
    case 'CaseOpened': {
      const { caseId, clientKey, municipalityId, profile } = event.data;
      const envelope = { caseId, clientKey, occurredAt };
      return [
        integrationMessage(clientRegisteredV1, {
          ...envelope,
          municipalityId,
          birthYear: profile.birthYear,
          sex: profile.sex,
          housing: profile.housing,
          education: profile.education,
          benefitType: profile.benefitType,
          benefitMonthlyAmountCents: profile.benefitMonthlyAmountCents,
        }),
        integrationMessage(caseOpenedV1, { ...envelope, municipalityId }),
      ];
    }
    case 'RegieAssigned': {
      const { caseId, clientKey, owner } = event.data;
      return [integrationMessage(regieAssignedV1, { caseId, clientKey, occurredAt, ownerUserId: owner.userId, ownerOrganisationId: owner.organisationId })];
    }
    case 'RegieTransferred': {
      const { caseId, clientKey, from, to } = event.data;
      return [
        integrationMessage(regieTransferredV1, {
          caseId,
          clientKey,
          occurredAt,
          fromUserId: from.userId,
          fromOrganisationId: from.organisationId,
          toUserId: to.userId,
          toOrganisationId: to.organisationId,
        }),
      ];
    }
    case 'ConsentGranted': {
      const { caseId, clientKey, consentId, purpose, organisationTypes, dataCategories, recipients, disclosesIpsParticipation, validFrom, validTo } = event.data;
      return [
        integrationMessage(consentGrantedV1, {
          caseId,
          clientKey,
          occurredAt,
          consentId,
          purpose,
          organisationTypes: [...organisationTypes],
          dataCategories: [...dataCategories],
          ...(recipients === undefined ? {} : { recipients: recipients.map((r) => ({ ...r })) }),
          ...(disclosesIpsParticipation === undefined ? {} : { disclosesIpsParticipation }),
          validFrom,
          ...(validTo === undefined ? {} : { validTo }),
        }),
      ];
    }
    case 'ConsentWithdrawn': {
      const { caseId, clientKey, consentId, purpose, organisationTypes, dataCategories, recipients, disclosesIpsParticipation } = event.data;
      return [
        integrationMessage(consentWithdrawnV1, {
          caseId,
          clientKey,
          occurredAt,
          consentId,
          purpose,
          organisationTypes: [...organisationTypes],
          dataCategories: [...dataCategories],
          ...(recipients === undefined ? {} : { recipients: recipients.map((r) => ({ ...r })) }),
          ...(disclosesIpsParticipation === undefined ? {} : { disclosesIpsParticipation }),
        }),
      ];
    }
    case 'ClientReferred': {
      const { caseId, clientKey, referralId, fromOrganisationId, toOrganisationId, toOrganisationType, route, reason, replyDeadline } = event.data;
      return [
        integrationMessage(clientReferredV1, {
          caseId,
          clientKey,
          occurredAt,
          referralId,
          fromOrganisationId,
          toOrganisationId,
          toOrganisationType,
          route,
          reason,
          replyDeadline,
        }),
        // The employer network's own copy, on its audience topic: what matching needs, no route.
        ...(toOrganisationType === 'employer-network'
          ? [integrationMessage(clientReferredForMatchingV1, { caseId, clientKey, occurredAt, referralId, fromOrganisationId, toOrganisationId, reason, replyDeadline })]
          : []),
      ];
    }
    case 'ParticipationMeasured': {
      const { caseId, clientKey, moment, measuredOn, ladderRung, growthPotential, zrm } = event.data;
      return [integrationMessage(participationMeasuredV1, { caseId, clientKey, occurredAt, moment, measuredOn, ladderRung, growthPotential, zrm: { ...zrm } })];
    }
    case 'BenefitAdjusted': {
      const { caseId, clientKey, benefitType, monthlyAmountCents, effectiveFrom } = event.data;
      // The decider refuses 'none' here; the contract cannot carry it.
      if (benefitType === 'none') return [];
      return [integrationMessage(benefitAdjustedV1, { caseId, clientKey, occurredAt, benefitType, benefitMonthlyAmountCents: monthlyAmountCents, effectiveFrom })];
    }
    case 'BenefitEnded': {
      const { caseId, clientKey, reasonCode, endedOn } = event.data;
      return [integrationMessage(benefitEndedV1, { caseId, clientKey, occurredAt, reasonCode, endedOn })];
    }
    case 'BenefitReapplied': {
      const { caseId, clientKey, benefitType, monthlyAmountCents, reappliedOn } = event.data;
      if (benefitType === 'none') return [];
      return [integrationMessage(benefitReappliedV1, { caseId, clientKey, occurredAt, benefitType, benefitMonthlyAmountCents: monthlyAmountCents, reappliedOn })];
    }
    case 'DroppedOut': {
      const { caseId, clientKey, phase, reasonCode, droppedOutOn } = event.data;
      return [integrationMessage(droppedOutV1, { caseId, clientKey, occurredAt, phase, reasonCode, droppedOutOn })];
    }
    case 'CaseClosed': {
      const { caseId, clientKey, reasonCode } = event.data;
      return [integrationMessage(caseClosedV1, { caseId, clientKey, occurredAt, reasonCode })];
    }
    case 'ReferralAccepted':
    case 'ReferralDeclined':
    case 'ScreeningAdviceReceived':
    case 'PlacementStarted':
    case 'PlacementEnded':
      // The partner published these itself; the municipality only keeps them on the case.
      return [];
    // MDT case reviews: the structure of the meeting, never its words (decision texts,
    // action descriptions, notes and reason texts stay here; see contracts/src/municipality/case-review.ts).
    case 'CaseReviewScheduled': {
      const { caseId, clientKey, reviewId, scheduledFor, chair } = event.data;
      return [integrationMessage(caseReviewScheduledV1, { caseId, clientKey, occurredAt, reviewId, scheduledFor, chairUserId: chair.userId, chairOrganisationId: chair.organisationId })];
    }
    case 'CaseReviewHeld': {
      const { caseId, clientKey, reviewId, heldOn, attendees, dataCategoriesDiscussed, decisions } = event.data;
      return [
        integrationMessage(caseReviewHeldV1, {
          caseId,
          clientKey,
          occurredAt,
          reviewId,
          heldOn,
          attendees: attendees.map(({ userId, organisationId, organisationType }) => ({ userId, organisationId, organisationType })),
          dataCategoriesDiscussed: [...dataCategoriesDiscussed],
          decisionCount: decisions.length,
        }),
      ];
    }
    case 'ReviewActionAssigned': {
      const { caseId, clientKey, reviewId, actionId, owner, dueDate } = event.data;
      return [
        integrationMessage(reviewActionAssignedV1, {
          caseId,
          clientKey,
          occurredAt,
          reviewId,
          actionId,
          ownerUserId: owner.userId,
          ownerOrganisationId: owner.organisationId,
          ownerOrganisationType: owner.organisationType,
          dueDate,
        }),
      ];
    }
    case 'ReviewActionClosed': {
      const { caseId, clientKey, reviewId, actionId, closedOn, outcome } = event.data;
      return [integrationMessage(reviewActionClosedV1, { caseId, clientKey, occurredAt, reviewId, actionId, closedOn, outcome })];
    }
    case 'CaseReviewCancelled': {
      const { caseId, clientKey, reviewId, reasonCode } = event.data;
      return [integrationMessage(caseReviewCancelledV1, { caseId, clientKey, occurredAt, reviewId, reasonCode })];
    }
    default:
      return assertNever(event);
  }
};
