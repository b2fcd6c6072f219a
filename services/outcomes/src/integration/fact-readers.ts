// The monitor's edge: one reader per integration event of the topics it consumes, turning
// the contract's data into the outcomes domain's trajectory fact — or, for an event the
// monitor does not count, a stated reason to ignore it. Only the fields a table needs cross
// this line: no referral reason, no employer name or role, no ZRM domain names, no advice.
import {
  benefitAdjustedV1,
  benefitEndedV1,
  benefitReappliedV1,
  careClaimSubmittedV1,
  careFundingRequestedV1,
  careProviderEvents,
  caseClosedV1,
  caseOpenedV1,
  caseReviewCancelledV1,
  caseReviewHeldV1,
  caseReviewScheduledV1,
  clientReferredV1,
  clientRegisteredV1,
  consentGrantedV1,
  consentWithdrawnV1,
  droppedOutV1,
  employerNetworkEvents,
  employerNetworkReferralAcceptedV1,
  employerNetworkReferralDeclinedV1,
  ipsIntakeSessionHeldV1,
  ipsJobCoachAssignedV1,
  matchingStatusChangedV1,
  municipalityEvents,
  participationMeasuredV1,
  placementEndedV1,
  placementReviewedV1,
  placementStartedV1,
  referralAcceptedV1,
  referralDeclinedV1,
  regieAssignedV1,
  regieTransferredV1,
  reviewActionAssignedV1,
  reviewActionClosedV1,
  screeningAdviceSubmittedV1,
  screeningStartedV1,
  treatmentEpisodeEndedV1,
  treatmentEpisodeStartedV1,
  type IntegrationEventDefinition,
} from '@wcc/contracts';
import type { TrajectoryFact } from '@wcc/outcomes-domain';

type Envelope = { readonly caseId: string; readonly clientKey: string; readonly occurredAt: string };
type DataOf<D> = D extends IntegrationEventDefinition<infer T> ? T & Envelope : never;

export type FactReader = { readonly kind: 'read'; readonly read: (data: unknown) => TrajectoryFact } | { readonly kind: 'ignored'; readonly why: string };

function reader<D extends IntegrationEventDefinition<unknown>>(definition: D, read: (data: DataOf<D>) => TrajectoryFact): [string, FactReader] {
  return [definition.type, { kind: 'read', read: (data) => read(data as DataOf<D>) }];
}
function ignored(definition: IntegrationEventDefinition<unknown>, why: string): [string, FactReader] {
  return [definition.type, { kind: 'ignored', why }];
}

const day = (occurredAt: string) => occurredAt.slice(0, 10);

export const factReaders: ReadonlyMap<string, FactReader> = new Map([
  reader(clientRegisteredV1, (d) => ({
    type: 'ClientRegistered',
    municipalityId: d.municipalityId,
    birthYear: d.birthYear,
    sex: d.sex,
    education: d.education,
    benefitType: d.benefitType,
    benefitMonthlyAmountCents: d.benefitMonthlyAmountCents,
  })),
  reader(caseOpenedV1, (d) => ({ type: 'CaseOpened', municipalityId: d.municipalityId, on: day(d.occurredAt) })),
  reader(consentGrantedV1, (d) => ({ type: 'ConsentGranted', consentId: d.consentId, purpose: d.purpose, on: d.validFrom, ...(d.validTo ? { validTo: d.validTo } : {}) })),
  reader(consentWithdrawnV1, (d) => ({ type: 'ConsentWithdrawn', consentId: d.consentId, purpose: d.purpose, on: day(d.occurredAt) })),
  reader(clientReferredV1, (d) => ({ type: 'ClientReferred', referralId: d.referralId, toOrganisationId: d.toOrganisationId, toOrganisationType: d.toOrganisationType, on: day(d.occurredAt) })),
  reader(referralAcceptedV1, (d) => ({ type: 'ReferralAccepted', referralId: d.referralId, organisationId: d.organisationId, organisationType: 'care-provider', on: day(d.occurredAt) })),
  reader(employerNetworkReferralAcceptedV1, (d) => ({ type: 'ReferralAccepted', referralId: d.referralId, organisationId: d.organisationId, organisationType: 'employer-network', on: day(d.occurredAt) })),
  reader(referralDeclinedV1, (d) => ({ type: 'ReferralDeclined', referralId: d.referralId, organisationType: 'care-provider', on: day(d.occurredAt) })),
  reader(employerNetworkReferralDeclinedV1, (d) => ({ type: 'ReferralDeclined', referralId: d.referralId, organisationType: 'employer-network', on: day(d.occurredAt) })),
  reader(screeningStartedV1, (d) => ({ type: 'ScreeningStarted', on: d.startedOn })),
  reader(screeningAdviceSubmittedV1, (d) => ({ type: 'ScreeningAdviceSubmitted', on: day(d.occurredAt) })),
  reader(ipsIntakeSessionHeldV1, (d) => ({ type: 'IpsIntakeSessionHeld', sessionNumber: d.sessionNumber, on: d.heldOn })),
  reader(participationMeasuredV1, (d) => ({ type: 'ParticipationMeasured', moment: d.moment, ladderRung: d.ladderRung, zrmScores: Object.values(d.zrm), on: d.measuredOn })),
  reader(placementStartedV1, (d) => ({
    type: 'PlacementStarted',
    placementId: d.placementId,
    sequence: d.sequence,
    contractType: d.contractType,
    hoursPerWeek: d.hoursPerWeek,
    grossHourlyWageCents: d.grossHourlyWageCents,
    wageSubsidy: d.wageSubsidy,
    startDate: d.startDate,
  })),
  reader(placementEndedV1, (d) => ({ type: 'PlacementEnded', placementId: d.placementId, endDate: d.endDate, reason: d.reason })),
  reader(droppedOutV1, (d) => ({ type: 'DroppedOut', phase: d.phase, reasonCode: d.reasonCode, on: d.droppedOutOn })),
  reader(benefitEndedV1, (d) => ({ type: 'BenefitEnded', reasonCode: d.reasonCode, on: d.endedOn })),
  reader(benefitReappliedV1, (d) => ({ type: 'BenefitReapplied', on: d.reappliedOn })),
  reader(caseClosedV1, (d) => ({ type: 'CaseClosed', reasonCode: d.reasonCode, on: day(d.occurredAt) })),
  ignored(benefitAdjustedV1, 'the amount at registration is what the MKBA mix uses'),
  ignored(regieAssignedV1, 'who holds regie is not an outcome'),
  ignored(regieTransferredV1, 'who holds regie is not an outcome'),
  ignored(caseReviewScheduledV1, 'MDT reviews are process, not outcome'),
  ignored(caseReviewHeldV1, 'MDT reviews are process, not outcome'),
  ignored(reviewActionAssignedV1, 'MDT reviews are process, not outcome'),
  ignored(reviewActionClosedV1, 'MDT reviews are process, not outcome'),
  ignored(caseReviewCancelledV1, 'MDT reviews are process, not outcome'),
  ignored(ipsJobCoachAssignedV1, 'the coach is not counted; IPS intake sessions are'),
  ignored(treatmentEpisodeStartedV1, 'treatment is care, not a work outcome'),
  ignored(treatmentEpisodeEndedV1, 'treatment is care, not a work outcome'),
  ignored(careFundingRequestedV1, 'care funding is the insurer’s, priced by the parameter set'),
  ignored(careClaimSubmittedV1, 'care funding is the insurer’s, priced by the parameter set'),
  ignored(matchingStatusChangedV1, 'matching status is process; placements are the outcome'),
  ignored(placementReviewedV1, 'durability is read from starts and ends, not from reviews'),
]);

/** Every event on the topics the monitor consumes. */
export const consumedEvents: readonly IntegrationEventDefinition<unknown>[] = [...municipalityEvents, ...careProviderEvents, ...employerNetworkEvents];
