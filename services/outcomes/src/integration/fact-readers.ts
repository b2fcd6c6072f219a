// The monitor's edge: one reader per integration event of the topics it consumes, turning
// the contract's data into the outcomes domain's trajectory fact — or, for an event the
// monitor does not count, a stated reason to ignore it. Only the fields a table needs cross
// this line: no referral reason, no employer name or role, no ZRM domain names, no advice.
import { careProviderEvents, chainTopics, employerNetworkEvents, municipalityEvents, type ChainTopicEventKey, type IntegrationEventData, type IntegrationEventDefinition } from '@wcc/contracts';
import type { TrajectoryFact } from '@wcc/outcomes-domain';

export type FactReader = { readonly kind: 'read'; readonly read: (data: unknown) => TrajectoryFact } | { readonly kind: 'ignored'; readonly why: string };

/** The events of the (chain) topics the monitor consumes: the municipality's, the care provider's and the employer network's. */
type ConsumedKey = Extract<ChainTopicEventKey, `${'municipality' | 'care-provider' | 'employer-network'}:${string}`>;

/** How one event becomes a fact, its data typed by its contract; or why it does not count. */
type Reading<K extends ConsumedKey> = ((d: IntegrationEventData<K>) => TrajectoryFact) | { readonly ignored: string };

const day = (occurredAt: string) => occurredAt.slice(0, 10);

const readings: { readonly [K in ConsumedKey]: Reading<K> } = {
  'municipality:ClientRegistered': (d) => ({
    type: 'ClientRegistered',
    municipalityId: d.municipalityId,
    birthYear: d.birthYear,
    sex: d.sex,
    education: d.education,
    benefitType: d.benefitType,
    benefitMonthlyAmountCents: d.benefitMonthlyAmountCents,
  }),
  'municipality:CaseOpened': (d) => ({ type: 'CaseOpened', municipalityId: d.municipalityId, on: day(d.occurredAt) }),
  'municipality:ConsentGranted': (d) => ({ type: 'ConsentGranted', consentId: d.consentId, purpose: d.purpose, on: d.validFrom, ...(d.validTo ? { validTo: d.validTo } : {}) }),
  'municipality:ConsentWithdrawn': (d) => ({ type: 'ConsentWithdrawn', consentId: d.consentId, purpose: d.purpose, on: day(d.occurredAt) }),
  'municipality:ClientReferred': (d) => ({ type: 'ClientReferred', referralId: d.referralId, toOrganisationId: d.toOrganisationId, toOrganisationType: d.toOrganisationType, on: day(d.occurredAt) }),
  'care-provider:ReferralAccepted': (d) => ({ type: 'ReferralAccepted', referralId: d.referralId, organisationId: d.organisationId, organisationType: 'care-provider', on: day(d.occurredAt) }),
  'employer-network:ReferralAccepted': (d) => ({ type: 'ReferralAccepted', referralId: d.referralId, organisationId: d.organisationId, organisationType: 'employer-network', on: day(d.occurredAt) }),
  'care-provider:ReferralDeclined': (d) => ({ type: 'ReferralDeclined', referralId: d.referralId, organisationType: 'care-provider', on: day(d.occurredAt) }),
  'employer-network:ReferralDeclined': (d) => ({ type: 'ReferralDeclined', referralId: d.referralId, organisationType: 'employer-network', on: day(d.occurredAt) }),
  'care-provider:ScreeningStarted': (d) => ({ type: 'ScreeningStarted', on: d.startedOn }),
  'care-provider:ScreeningAdviceSubmitted': (d) => ({ type: 'ScreeningAdviceSubmitted', on: day(d.occurredAt) }),
  'care-provider:IpsIntakeSessionHeld': (d) => ({ type: 'IpsIntakeSessionHeld', sessionNumber: d.sessionNumber, on: d.heldOn }),
  'municipality:ParticipationMeasured': (d) => ({ type: 'ParticipationMeasured', moment: d.moment, ladderRung: d.ladderRung, zrmScores: Object.values(d.zrm), on: d.measuredOn }),
  'employer-network:PlacementStarted': (d) => ({
    type: 'PlacementStarted',
    placementId: d.placementId,
    sequence: d.sequence,
    contractType: d.contractType,
    hoursPerWeek: d.hoursPerWeek,
    grossHourlyWageCents: d.grossHourlyWageCents,
    wageSubsidy: d.wageSubsidy,
    startDate: d.startDate,
  }),
  'employer-network:PlacementEnded': (d) => ({ type: 'PlacementEnded', placementId: d.placementId, endDate: d.endDate, reason: d.reason }),
  'municipality:DroppedOut': (d) => ({ type: 'DroppedOut', phase: d.phase, reasonCode: d.reasonCode, on: d.droppedOutOn }),
  'municipality:BenefitEnded': (d) => ({ type: 'BenefitEnded', reasonCode: d.reasonCode, on: d.endedOn }),
  'municipality:BenefitReapplied': (d) => ({ type: 'BenefitReapplied', on: d.reappliedOn }),
  'municipality:CaseClosed': (d) => ({ type: 'CaseClosed', reasonCode: d.reasonCode, on: day(d.occurredAt) }),
  'municipality:BenefitAdjusted': { ignored: 'the amount at registration is what the MKBA mix uses' },
  'municipality:RegieAssigned': { ignored: 'who holds regie is not an outcome' },
  'municipality:RegieTransferred': { ignored: 'who holds regie is not an outcome' },
  'municipality:CaseReviewScheduled': { ignored: 'MDT reviews are process, not outcome' },
  'municipality:CaseReviewHeld': { ignored: 'MDT reviews are process, not outcome' },
  'municipality:ReviewActionAssigned': { ignored: 'MDT reviews are process, not outcome' },
  'municipality:ReviewActionClosed': { ignored: 'MDT reviews are process, not outcome' },
  'municipality:CaseReviewCancelled': { ignored: 'MDT reviews are process, not outcome' },
  'care-provider:IpsJobCoachAssigned': { ignored: 'the coach is not counted; IPS intake sessions are' },
  'care-provider:TreatmentEpisodeStarted': { ignored: 'treatment is care, not a work outcome' },
  'care-provider:TreatmentEpisodeEnded': { ignored: 'treatment is care, not a work outcome' },
  'care-provider:ClientDischarged': { ignored: 'discharge from care is care, not a work outcome' },
  'care-provider:CareFundingRequested': { ignored: 'care funding is the insurer’s, priced by the parameter set' },
  'care-provider:CareClaimSubmitted': { ignored: 'care funding is the insurer’s, priced by the parameter set' },
  'employer-network:MatchingStatusChanged': { ignored: 'matching status is process; placements are the outcome' },
  'employer-network:PlacementReviewed': { ignored: 'durability is read from starts and ends, not from reviews' },
};

/** Every event on the (chain) topics the monitor consumes; audience-only copies such as ClientReferredForMatching never reach it. */
export const consumedEvents: readonly IntegrationEventDefinition<unknown>[] = [...municipalityEvents, ...careProviderEvents, ...employerNetworkEvents].filter((d) =>
  (chainTopics as readonly string[]).includes(d.topic),
);

/** The readings by CloudEvents type, for the consumer; the data was validated against the contract at the edge. */
export const factReaders: ReadonlyMap<string, FactReader> = new Map(
  consumedEvents.flatMap((definition): [string, FactReader][] => {
    const key = `${definition.producer}:${definition.name}`;
    if (!Object.hasOwn(readings, key)) return [];
    const reading = readings[key as ConsumedKey] as Reading<ConsumedKey>;
    return [[definition.type, typeof reading === 'function' ? { kind: 'read', read: (data) => reading(data as IntegrationEventData<ConsumedKey>) } : { kind: 'ignored', why: reading.ignored }]];
  }),
);
