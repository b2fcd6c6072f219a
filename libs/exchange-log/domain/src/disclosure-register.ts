// Who receives what (verstrekkingenregister), as data: per integration event type,
// which organisation(s) a producer's event reaches and under which processing
// activity. The exchange log writes one disclosure record per organisation listed
// here; everything also reaches the shared case view, which processes it for the
// chain as a processor. The register is a map with one entry per declared event
// (`producer:Name`, from the contracts registry) whose field names are the event's own:
// a new event without an entry, or a rule naming a field its contract lacks, does not
// compile.
//
// A delivery is recorded only where one happens: to a partner whose service receives the
// event on its audience topic (contracts' `audiences`), or to another organisation inside
// the producing service (a regie transfer between municipalities). What a partner only
// sees in the shared case view is recorded when it is shown (CaseViewed), not here. The
// spec checks both directions against the contracts.
import { integrationEventType, type IntegrationEventData, type IntegrationEventKey, type ProducerContext } from '@wcc/contracts';
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

/** The names of the event's fields that hold a value of type V. */
type FieldOf<K extends IntegrationEventKey, V> = { [F in keyof IntegrationEventData<K>]-?: NonNullable<IntegrationEventData<K>[F]> extends V ? F : never }[keyof IntegrationEventData<K>] & string;

/** A recipient rule for event K: only rules whose fields K carries (a referrer needs a referralId, …). */
type RecipientRuleFor<K extends IntegrationEventKey> =
  | { readonly kind: 'addressee'; readonly idField: FieldOf<K, string>; readonly typeField?: FieldOf<K, string>; readonly organisationType?: PartnerOrganisationType }
  | ('referralId' extends keyof IntegrationEventData<K> ? { readonly kind: 'referrer' } : never)
  | { readonly kind: 'case-partners'; readonly organisationTypes: readonly PartnerOrganisationType[] }
  | ('insurerId' extends keyof IntegrationEventData<K> ? { readonly kind: 'named-insurer' } : never)
  | ('fundingRequestId' extends keyof IntegrationEventData<K> ? { readonly kind: 'funding-requester' } : never)
  | { readonly kind: 'attendees'; readonly field: FieldOf<K, readonly { readonly organisationId: string; readonly organisationType: string }[]> };

interface DisclosureRuleFor<K extends IntegrationEventKey> extends DisclosureRule {
  readonly to: RecipientRuleFor<K>;
  readonly categoriesField?: FieldOf<K, readonly string[]>;
}

/** What the register says of one event: its disclosures, and (by exception) that the case view does not process it or that it is the case view's protocol. */
interface RegisterRules<K extends IntegrationEventKey> extends Partial<Pick<RegisterEntry, 'caseViewProtocol'>> {
  readonly disclosures: readonly DisclosureRuleFor<K>[];
  readonly toCaseViewProcessor?: false;
}

/** Every declared event's rules: the compiler refuses a missing or an unknown one. */
type DisclosureRules = { readonly [K in IntegrationEventKey]: RegisterRules<K> };

const toReferrer = { kind: 'referrer' } as const;
const toMunicipality = { kind: 'case-partners', organisationTypes: ['municipality'] } as const;
const toInsurersOfCase = { kind: 'case-partners', organisationTypes: ['insurer'] } as const;
const none = { disclosures: [] } as const;
/** A placement's start and end: to the municipality (it adjusts the benefit) and to the case's insurers. */
const placementMilestone = {
  disclosures: [
    { to: toMunicipality, activity: 'matching-and-placement' },
    { to: toInsurersOfCase, activity: 'work-outcome-for-insurer' },
  ],
} as const;
const insurerAnswer = { disclosures: [{ to: { kind: 'funding-requester' }, activity: 'care-funding' }] } as const;

const disclosureRules: DisclosureRules = {
  // municipality: the case's own administration reaches partners only where they need it
  'municipality:ClientRegistered': none,
  'municipality:CaseOpened': none,
  'municipality:RegieAssigned': none,
  'municipality:RegieTransferred': { disclosures: [{ to: { kind: 'addressee', idField: 'toOrganisationId', organisationType: 'municipality' }, activity: 'case-monitoring' }] },
  'municipality:ConsentGranted': none,
  'municipality:ConsentWithdrawn': none,
  'municipality:ClientReferred': { disclosures: [{ to: { kind: 'addressee', idField: 'toOrganisationId', typeField: 'toOrganisationType' }, activity: 'client-referral' }] },
  // The employer network's copy of a ClientReferred addressed to it, on its audience topic
  // only: the exchange log reads the chain topics and records this disclosure from the
  // ClientReferred twin (same referral, addressee the employer network); no record of its own.
  'municipality:ClientReferredForMatching': { disclosures: [], toCaseViewProcessor: false },
  'municipality:ParticipationMeasured': none,
  'municipality:BenefitAdjusted': none,
  'municipality:BenefitEnded': none,
  'municipality:BenefitReapplied': none,
  'municipality:DroppedOut': none,
  'municipality:CaseClosed': none,
  // MDT case reviews: what the organisations at the table heard is disclosed at the table,
  // by people, and recorded there by the municipality (CaseReviewHeld names the attendees
  // and the categories discussed). The events themselves go to no partner's service; the
  // team reads them in the shared case view, where each showing is protocolled.
  'municipality:CaseReviewScheduled': none,
  'municipality:CaseReviewHeld': { disclosures: [{ to: { kind: 'attendees', field: 'attendees' }, activity: 'mdt-case-review', categoriesField: 'dataCategoriesDiscussed' }] },
  'municipality:ReviewActionAssigned': none,
  'municipality:ReviewActionClosed': none,
  'municipality:CaseReviewCancelled': none,
  // care provider: answers and work-oriented progress to the referrer, money to the insurer
  'care-provider:ReferralAccepted': { disclosures: [{ to: toReferrer, activity: 'referral-feedback' }] },
  'care-provider:ReferralDeclined': { disclosures: [{ to: toReferrer, activity: 'referral-feedback' }] },
  'care-provider:ScreeningStarted': none,
  'care-provider:ScreeningAdviceSubmitted': { disclosures: [{ to: toReferrer, activity: 'screening-advice' }] },
  // Care progress reaches the referrer through the shared case view only (protocolled there).
  'care-provider:IpsJobCoachAssigned': none,
  'care-provider:IpsIntakeSessionHeld': none,
  'care-provider:TreatmentEpisodeStarted': none,
  'care-provider:TreatmentEpisodeEnded': none,
  'care-provider:ClientDischarged': none,
  'care-provider:CareFundingRequested': { disclosures: [{ to: { kind: 'named-insurer' }, activity: 'care-funding' }] },
  'care-provider:CareClaimSubmitted': { disclosures: [{ to: { kind: 'named-insurer' }, activity: 'care-funding' }] },
  // employer network: matching to the referrer; placements also to the case's insurers
  'employer-network:ReferralAccepted': { disclosures: [{ to: toReferrer, activity: 'referral-feedback' }] },
  'employer-network:ReferralDeclined': { disclosures: [{ to: toReferrer, activity: 'referral-feedback' }] },
  'employer-network:MatchingStatusChanged': none,
  'employer-network:PlacementReviewed': none,
  'employer-network:PlacementStarted': placementMilestone,
  'employer-network:PlacementEnded': placementMilestone,
  // The insurer's copies of a placement's start and end, on its audience topic only: recorded
  // from their PlacementStarted/Ended twins (work-outcome-for-insurer), no record of their own.
  'employer-network:ClientStartedWork': { disclosures: [], toCaseViewProcessor: false },
  'employer-network:ClientLeftWork': { disclosures: [], toCaseViewProcessor: false },
  // insurer: decisions go back to the care provider that asked
  'insurer:CareFundingGranted': insurerAnswer,
  'insurer:CareFundingRefused': insurerAnswer,
  'insurer:CareClaimSettled': insurerAnswer,
  'insurer:CareClaimRejected': insurerAnswer,
  // case view: its own protocol records of what a viewer of another organisation was shown or refused
  'case-view:CaseViewed': { disclosures: [], toCaseViewProcessor: false, caseViewProtocol: 'viewed' },
  'case-view:CaseAccessRefused': { disclosures: [], toCaseViewProcessor: false, caseViewProtocol: 'refused' },
};

export const disclosureRegister: readonly RegisterEntry[] = Object.freeze(
  Object.entries(disclosureRules).map(([key, rules]): RegisterEntry => {
    const [producer, name] = key.split(':') as [ProducerContext, string];
    return { type: integrationEventType(producer, name, 1), producer, name, toCaseViewProcessor: true, ...rules };
  }),
);

const byType = new Map(disclosureRegister.map((e) => [e.type, e]));

export function registerEntryFor(type: string): RegisterEntry | undefined {
  return byType.get(type);
}
