// Events of the case (trajectory) stream, `case-<caseId>`. Private to the municipality;
// integration/municipality.mapping.ts decides what of them the chain receives. Each
// carries caseId and clientKey, because the mapping sees one event at a time, and
// `at`, the instant it happened, because the case file shows when things happened.
import type {
  AdvisedRoute,
  BenefitEndReason,
  BenefitType,
  CaseClosureReason,
  ConsentDataCategory,
  ConsentOrganisationType,
  ConsentPurpose,
  DropoutReason,
  MeasurementMoment,
  ParticipationLadderRung,
  ReferralRoute,
  ReferralTarget,
  TrajectoryPhase,
  ZrmScores,
} from './code-lists';
import type { ClientProfile } from './client.events';

interface CaseEventBase {
  readonly caseId: string;
  readonly clientKey: string;
  /** When it happened (business time). */
  readonly at: string;
}

type CaseEventOf<T extends string, D> = { readonly type: T; readonly data: CaseEventBase & D };

/** The accountable owner of a case (regie): one person of the case's municipality. */
export interface RegieOwner {
  readonly userId: string;
  readonly organisationId: string;
}

/** A recipient organisation a consent names, with its type (the consent's types are the ceiling). */
export interface ConsentRecipient {
  readonly organisationId: string;
  readonly organisationType: ConsentOrganisationType;
}

export interface ConsentScope {
  readonly consentId: string;
  readonly purpose: ConsentPurpose;
  readonly organisationTypes: readonly ConsentOrganisationType[];
  readonly dataCategories: readonly ConsentDataCategory[];
  /**
   * The organisations named as recipients. Absent (every consent registered before this
   * field, and one given "to the case team"): the organisations of the listed types that
   * take part in the case at the moment of each disclosure.
   */
  readonly recipients?: readonly ConsentRecipient[];
  /** The client chose to let the named employer networks know they take part in IPS, and nothing more. */
  readonly disclosesIpsParticipation?: boolean;
}

export interface PlacementTerms {
  readonly placementId: string;
  /** The employer network that placed the client. */
  readonly organisationId: string;
  /** 1st, 2nd, 3rd … job in this trajectory. */
  readonly sequence: number;
  readonly employerId: string;
  readonly employerName: string;
  readonly role: string;
  readonly contractType: string;
  readonly hoursPerWeek: number;
  readonly grossHourlyWageCents: number;
  readonly wageValuePercent?: number;
  readonly wageSubsidy: boolean;
  readonly jobCoach: boolean;
  readonly startDate: string;
}

export type CaseOpened = CaseEventOf<'CaseOpened', { readonly municipalityId: string; readonly profile: ClientProfile }>;
export type RegieAssigned = CaseEventOf<'RegieAssigned', { readonly owner: RegieOwner }>;
export type RegieTransferred = CaseEventOf<'RegieTransferred', { readonly from: RegieOwner; readonly to: RegieOwner; readonly reason: string }>;
export type ConsentGranted = CaseEventOf<'ConsentGranted', ConsentScope & { readonly validFrom: string; readonly validTo?: string }>;
export type ConsentWithdrawn = CaseEventOf<'ConsentWithdrawn', ConsentScope>;
export type ClientReferred = CaseEventOf<
  'ClientReferred',
  {
    readonly referralId: string;
    readonly fromOrganisationId: string;
    readonly toOrganisationId: string;
    readonly toOrganisationType: ReferralTarget;
    readonly route: ReferralRoute;
    readonly reason: string;
    readonly replyDeadline: string;
  }
>;
export type ReferralAccepted = CaseEventOf<'ReferralAccepted', { readonly referralId: string; readonly organisationId: string; readonly plannedStart?: string }>;
export type ReferralDeclined = CaseEventOf<'ReferralDeclined', { readonly referralId: string; readonly organisationId: string; readonly reasonCode: string; readonly reason: string }>;
export type ScreeningAdviceReceived = CaseEventOf<
  'ScreeningAdviceReceived',
  {
    readonly adviceId: string;
    readonly referralId: string;
    readonly organisationId: string;
    readonly advisedRoute: AdvisedRoute;
    readonly workCapacityHoursPerWeek: number;
    readonly recommendedHoursPerWeek?: number;
    readonly functionalLimitations: readonly string[];
    readonly contraIndications: boolean;
    readonly reviewDate: string;
  }
>;
export type ParticipationMeasured = CaseEventOf<
  'ParticipationMeasured',
  {
    readonly moment: MeasurementMoment;
    readonly measuredOn: string;
    readonly ladderRung: ParticipationLadderRung;
    readonly growthPotential: boolean;
    readonly zrm: ZrmScores;
  }
>;
export type BenefitAdjusted = CaseEventOf<'BenefitAdjusted', { readonly benefitType: BenefitType; readonly monthlyAmountCents: number; readonly effectiveFrom: string; readonly reason: string }>;
export type BenefitEnded = CaseEventOf<'BenefitEnded', { readonly reasonCode: BenefitEndReason; readonly reasonText?: string; readonly endedOn: string }>;
export type BenefitReapplied = CaseEventOf<'BenefitReapplied', { readonly benefitType: BenefitType; readonly monthlyAmountCents: number; readonly reappliedOn: string }>;
export type DroppedOut = CaseEventOf<'DroppedOut', { readonly phase: TrajectoryPhase; readonly reasonCode: DropoutReason; readonly reasonText?: string; readonly droppedOutOn: string }>;
export type CaseClosed = CaseEventOf<'CaseClosed', { readonly reasonCode: CaseClosureReason; readonly note?: string }>;
export type PlacementStarted = CaseEventOf<'PlacementStarted', PlacementTerms>;
export type PlacementEnded = CaseEventOf<
  'PlacementEnded',
  { readonly placementId: string; readonly organisationId: string; readonly endDate: string; readonly reason: string; readonly reasonText?: string }
>;

export type CaseEvent =
  | CaseOpened
  | RegieAssigned
  | RegieTransferred
  | ConsentGranted
  | ConsentWithdrawn
  | ClientReferred
  | ReferralAccepted
  | ReferralDeclined
  | ScreeningAdviceReceived
  | ParticipationMeasured
  | BenefitAdjusted
  | BenefitEnded
  | BenefitReapplied
  | DroppedOut
  | CaseClosed
  | PlacementStarted
  | PlacementEnded;

export type CaseEventType = CaseEvent['type'];
