// Commands on the case stream. Municipal users issue most of them over HTTP; the
// Record… commands come from partners' integration events (their answers, advice
// and placements), issued by the service's consumers.
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
import type { ConsentRecipient, PlacementTerms } from './case.events';

type CommandOf<T extends string, D> = { readonly type: T; readonly data: D };

/** Opens a trajectory for a registered client; the handler copies the client's profile in. */
export type OpenCase = CommandOf<'OpenCase', { readonly caseId: string; readonly clientKey: string; readonly clientMunicipalityId: string; readonly profile: ClientProfile }>;
/** Makes one user of the case's municipality its accountable owner (regie). */
export type AssignRegie = CommandOf<'AssignRegie', { readonly userId: string }>;
export type TransferRegie = CommandOf<'TransferRegie', { readonly toUserId: string; readonly reason: string }>;
export type GrantConsent = CommandOf<
  'GrantConsent',
  {
    readonly consentId: string;
    readonly purpose: ConsentPurpose;
    readonly organisationTypes: readonly ConsentOrganisationType[];
    readonly dataCategories: readonly ConsentDataCategory[];
    /** Named recipient organisations; absent: the case team of the organisation types. */
    readonly recipients?: readonly ConsentRecipient[];
    /** The client's choice to tell the named employer networks that they take part in IPS. */
    readonly disclosesIpsParticipation?: boolean;
    readonly validFrom: string;
    readonly validTo?: string;
  }
>;
export type WithdrawConsent = CommandOf<'WithdrawConsent', { readonly consentId: string }>;
export type ReferClient = CommandOf<
  'ReferClient',
  {
    readonly referralId: string;
    readonly toOrganisationId: string;
    readonly toOrganisationType: ReferralTarget;
    readonly route: ReferralRoute;
    readonly reason: string;
    readonly replyDeadline: string;
  }
>;
export type RecordReferralAccepted = CommandOf<'RecordReferralAccepted', { readonly referralId: string; readonly plannedStart?: string }>;
export type RecordReferralDeclined = CommandOf<'RecordReferralDeclined', { readonly referralId: string; readonly reasonCode: string; readonly reason: string }>;
export type RecordScreeningAdvice = CommandOf<
  'RecordScreeningAdvice',
  {
    readonly adviceId: string;
    readonly referralId: string;
    readonly advisedRoute: AdvisedRoute;
    readonly workCapacityHoursPerWeek: number;
    readonly recommendedHoursPerWeek?: number;
    readonly functionalLimitations: readonly string[];
    readonly contraIndications: boolean;
    readonly reviewDate: string;
  }
>;
export type RecordParticipation = CommandOf<
  'RecordParticipation',
  {
    readonly moment: MeasurementMoment;
    readonly measuredOn: string;
    readonly ladderRung: ParticipationLadderRung;
    readonly growthPotential: boolean;
    readonly zrm: ZrmScores;
  }
>;
/** A municipal decision about the benefit; never derived automatically from other events. */
export type AdjustBenefit = CommandOf<'AdjustBenefit', { readonly benefitType: BenefitType; readonly monthlyAmountCents: number; readonly effectiveFrom: string; readonly reason: string }>;
export type EndBenefit = CommandOf<'EndBenefit', { readonly reasonCode: BenefitEndReason; readonly reasonText?: string; readonly endedOn: string }>;
export type ReapplyBenefit = CommandOf<'ReapplyBenefit', { readonly benefitType: BenefitType; readonly monthlyAmountCents: number; readonly reappliedOn: string }>;
export type RecordDropout = CommandOf<'RecordDropout', { readonly phase: TrajectoryPhase; readonly reasonCode: DropoutReason; readonly reasonText?: string; readonly droppedOutOn: string }>;
export type CloseCase = CommandOf<'CloseCase', { readonly reasonCode: CaseClosureReason; readonly note?: string }>;
export type RecordPlacementStarted = CommandOf<'RecordPlacementStarted', Omit<PlacementTerms, 'organisationId'>>;
export type RecordPlacementEnded = CommandOf<'RecordPlacementEnded', { readonly placementId: string; readonly endDate: string; readonly reason: string; readonly reasonText?: string }>;

export type CaseCommand =
  | OpenCase
  | AssignRegie
  | TransferRegie
  | GrantConsent
  | WithdrawConsent
  | ReferClient
  | RecordReferralAccepted
  | RecordReferralDeclined
  | RecordScreeningAdvice
  | RecordParticipation
  | AdjustBenefit
  | EndBenefit
  | ReapplyBenefit
  | RecordDropout
  | CloseCase
  | RecordPlacementStarted
  | RecordPlacementEnded;
