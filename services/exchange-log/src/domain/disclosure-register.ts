// Who receives what (verstrekkingenregister), as data: per integration event type,
// which organisation(s) a producer's event reaches and under which processing
// activity. The exchange log writes one disclosure record per organisation listed
// here; everything also reaches the shared case view, which processes it for the
// chain as a processor. A new event type without an entry is caught by the spec.
import { integrationEventType, type ProducerContext } from '@wcc/contracts';
import type { RecipientOrganisationType } from './labels';
import type { ProcessingActivityId } from './processing-activities';

export type PartnerOrganisationType = Exclude<RecipientOrganisationType, 'chain'>;

/** How the receiving organisation of one disclosure is found. */
export type RecipientRule =
  /** The organisation the event is addressed to, named in its data (a referral's target, regie's new holder). */
  | { readonly kind: 'addressee'; readonly idField: string; readonly typeField?: string; readonly organisationType?: PartnerOrganisationType }
  /** The municipality that made the referral named by data.referralId; else the case's municipality. */
  | { readonly kind: 'referrer' }
  /** Every organisation of these types known to take part in the case so far. */
  | { readonly kind: 'case-partners'; readonly organisationTypes: readonly PartnerOrganisationType[] }
  /** The health insurer named by data.insurerId; else the insurers known on the case. */
  | { readonly kind: 'named-insurer' }
  /** The care provider that made the funding request named by data.fundingRequestId; else the case's care providers. */
  | { readonly kind: 'funding-requester' }
  /**
   * Every organisation in an array field of the data whose elements name `organisationId`
   * and `organisationType` (an MDT review's attendees): one receiver per organisation,
   * however many of its people were there; the producer's own people are no receivers.
   */
  | { readonly kind: 'attendees'; readonly field: string };

export interface DisclosureRule {
  readonly to: RecipientRule;
  readonly activity: ProcessingActivityId;
  /**
   * A data field listing categories of the client's data this disclosure also made,
   * beyond the event's own fields: what an MDT review discussed with the people at the
   * table. The record names them, and a consent must cover them too.
   */
  readonly categoriesField?: string;
}

export interface RegisterEntry {
  readonly type: string;
  readonly producer: ProducerContext;
  readonly name: string;
  readonly disclosures: readonly DisclosureRule[];
  /** Whether the shared case view receives it as processor (everything but its own records). */
  readonly toCaseViewProcessor: boolean;
  /**
   * The event is itself the case view's protocol record of data shown to (or withheld
   * from) a viewer: one disclosure per producing organisation to the viewer's organisation.
   */
  readonly caseViewProtocol?: 'viewed' | 'refused';
}

/** The shared case view: receives every integration event and processes it for the chain. */
export const caseViewProcessor = { organisationId: 'wcc-case-view', organisationType: 'chain', entity: 'urn:nld:oin:wcc-case-view:systeem:case-view' } as const;
export const caseViewProcessorActivity: ProcessingActivityId = 'shared-case-view';

/** The exchange log itself, when it discloses a data subject's overview. */
export const exchangeLogOrganisation = { organisationId: 'wcc-exchange-log', organisationType: 'chain', entity: 'urn:nld:oin:wcc-exchange-log:systeem:exchange-log' } as const;

const toReferrer: RecipientRule = { kind: 'referrer' };
const toMunicipality: RecipientRule = { kind: 'case-partners', organisationTypes: ['municipality'] };
const toCarePartners: RecipientRule = { kind: 'case-partners', organisationTypes: ['care-provider', 'employer-network', 'insurer'] };
const toWorkPartners: RecipientRule = { kind: 'case-partners', organisationTypes: ['care-provider', 'employer-network'] };
const toInsurersOfCase: RecipientRule = { kind: 'case-partners', organisationTypes: ['insurer'] };

function entry(producer: ProducerContext, name: string, disclosures: readonly DisclosureRule[]): RegisterEntry {
  return { type: integrationEventType(producer, name, 1), producer, name, disclosures, toCaseViewProcessor: true };
}

export const disclosureRegister: readonly RegisterEntry[] = Object.freeze([
  // municipality: the case's own administration reaches partners only where they need it
  entry('municipality', 'ClientRegistered', []),
  entry('municipality', 'CaseOpened', []),
  entry('municipality', 'RegieAssigned', []),
  entry('municipality', 'RegieTransferred', [{ to: { kind: 'addressee', idField: 'toOrganisationId', organisationType: 'municipality' }, activity: 'case-monitoring' }]),
  entry('municipality', 'ConsentGranted', [{ to: toCarePartners, activity: 'consent-registration' }]),
  entry('municipality', 'ConsentWithdrawn', [{ to: toCarePartners, activity: 'consent-registration' }]),
  entry('municipality', 'ClientReferred', [{ to: { kind: 'addressee', idField: 'toOrganisationId', typeField: 'toOrganisationType' }, activity: 'client-referral' }]),
  entry('municipality', 'ParticipationMeasured', [{ to: toWorkPartners, activity: 'case-monitoring' }]),
  entry('municipality', 'BenefitAdjusted', []),
  entry('municipality', 'BenefitEnded', []),
  entry('municipality', 'BenefitReapplied', []),
  entry('municipality', 'DroppedOut', [{ to: toWorkPartners, activity: 'case-monitoring' }]),
  entry('municipality', 'CaseClosed', [{ to: toCarePartners, activity: 'case-monitoring' }]),
  // MDT case reviews (one processing activity for the meeting and its follow-up). Held: the
  // meeting disclosed the categories discussed to every organisation at the table. An action
  // goes to the organisation that owns it (none when the municipality owns it itself).
  // Scheduled, ReviewActionClosed and Cancelled name no addressee — who is invited is not
  // known before the meeting, a closed action carries no owner, a cancellation reaches
  // whoever was invited — and they travel on the municipality topic every partner
  // consumes: like CaseClosed, they count as reaching the case's known partners (the team
  // that sits at the table and follows the actions). That may name a partner who was not
  // invited rather than miss one who was; they carry ids, dates and codes only.
  entry('municipality', 'CaseReviewScheduled', [{ to: toCarePartners, activity: 'mdt-case-review' }]),
  entry('municipality', 'CaseReviewHeld', [{ to: { kind: 'attendees', field: 'attendees' }, activity: 'mdt-case-review', categoriesField: 'dataCategoriesDiscussed' }]),
  entry('municipality', 'ReviewActionAssigned', [
    { to: { kind: 'addressee', idField: 'ownerOrganisationId', typeField: 'ownerOrganisationType' }, activity: 'mdt-case-review' },
  ]),
  entry('municipality', 'ReviewActionClosed', [{ to: toCarePartners, activity: 'mdt-case-review' }]),
  entry('municipality', 'CaseReviewCancelled', [{ to: toCarePartners, activity: 'mdt-case-review' }]),
  // care provider: answers and work-oriented progress to the referrer, money to the insurer
  entry('care-provider', 'ReferralAccepted', [{ to: toReferrer, activity: 'referral-feedback' }]),
  entry('care-provider', 'ReferralDeclined', [{ to: toReferrer, activity: 'referral-feedback' }]),
  entry('care-provider', 'ScreeningStarted', [{ to: toReferrer, activity: 'care-progress' }]),
  entry('care-provider', 'ScreeningAdviceSubmitted', [{ to: toReferrer, activity: 'screening-advice' }]),
  entry('care-provider', 'IpsJobCoachAssigned', [{ to: toReferrer, activity: 'care-progress' }]),
  entry('care-provider', 'IpsIntakeSessionHeld', [{ to: toReferrer, activity: 'care-progress' }]),
  entry('care-provider', 'TreatmentEpisodeStarted', [{ to: toReferrer, activity: 'care-progress' }]),
  entry('care-provider', 'TreatmentEpisodeEnded', [{ to: toReferrer, activity: 'care-progress' }]),
  entry('care-provider', 'CareFundingRequested', [{ to: { kind: 'named-insurer' }, activity: 'care-funding' }]),
  entry('care-provider', 'CareClaimSubmitted', [{ to: { kind: 'named-insurer' }, activity: 'care-funding' }]),
  // employer network: matching to the referrer; placements also to the case's insurers
  entry('employer-network', 'ReferralAccepted', [{ to: toReferrer, activity: 'referral-feedback' }]),
  entry('employer-network', 'ReferralDeclined', [{ to: toReferrer, activity: 'referral-feedback' }]),
  entry('employer-network', 'MatchingStatusChanged', [{ to: toReferrer, activity: 'matching-and-placement' }]),
  ...(['PlacementStarted', 'PlacementReviewed', 'PlacementEnded'] as const).map((name) =>
    entry('employer-network', name, [
      { to: toMunicipality, activity: 'matching-and-placement' },
      { to: toInsurersOfCase, activity: 'work-outcome-for-insurer' },
    ]),
  ),
  // insurer: decisions go back to the care provider that asked
  entry('insurer', 'CareFundingGranted', [{ to: { kind: 'funding-requester' }, activity: 'care-funding' }]),
  entry('insurer', 'CareFundingRefused', [{ to: { kind: 'funding-requester' }, activity: 'care-funding' }]),
  entry('insurer', 'CareClaimSettled', [{ to: { kind: 'funding-requester' }, activity: 'care-funding' }]),
  entry('insurer', 'CareClaimRejected', [{ to: { kind: 'funding-requester' }, activity: 'care-funding' }]),
  // case view: its own protocol records of what a viewer of another organisation was shown or refused
  { ...entry('case-view', 'CaseViewed', []), toCaseViewProcessor: false, caseViewProtocol: 'viewed' },
  { ...entry('case-view', 'CaseAccessRefused', []), toCaseViewProcessor: false, caseViewProtocol: 'refused' },
]);

const byType = new Map(disclosureRegister.map((e) => [e.type, e]));

export function registerEntryFor(type: string): RegisterEntry | undefined {
  return byType.get(type);
}
