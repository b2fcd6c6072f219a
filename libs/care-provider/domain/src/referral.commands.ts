// Commands on the referral stream. Ids of new things (advice, findings, episodes)
// are derived from the command id by the decider, never passed in.
import type { Command } from '@wcc/domain-kit';
import type { DiagnosisCode, DeclineReason, DischargeReason, TreatmentEndReason } from './referral.events';
import type { AdvisedRoute, FunctionalLimitationCode } from './screening-advice';

/** From the municipality's ClientReferred, addressed to a care provider. */
export type ReceiveReferral = Command<
  'ReceiveReferral',
  {
    readonly referralId: string;
    readonly caseId: string;
    readonly clientKey: string;
    readonly fromOrganisationId: string;
    readonly toOrganisationId: string;
    readonly route: string;
    readonly reason: string;
    readonly replyDeadline: string;
    readonly referredAt: string;
  }
>;

export type AcceptReferral = Command<'AcceptReferral', { readonly plannedStart?: string }>;

export type DeclineReferral = Command<'DeclineReferral', { readonly reasonCode: DeclineReason; readonly reason: string }>;

export type StartScreening = Command<'StartScreening', Record<string, never>>;

export type RecordClinicalFindings = Command<'RecordClinicalFindings', { readonly diagnoses: readonly DiagnosisCode[]; readonly notes?: string }>;

export type SubmitScreeningAdvice = Command<
  'SubmitScreeningAdvice',
  {
    readonly advisedRoute: AdvisedRoute;
    readonly workCapacityHoursPerWeek: number;
    readonly recommendedHoursPerWeek?: number;
    readonly functionalLimitations: readonly FunctionalLimitationCode[];
    readonly contraIndications: boolean;
    readonly reviewDate: string;
  }
>;

export type AssignIpsJobCoach = Command<'AssignIpsJobCoach', { readonly jobCoachId: string }>;

export type RecordIpsIntakeSession = Command<'RecordIpsIntakeSession', { readonly sessionNumber: number; readonly heldOn: string }>;

export type StartTreatmentEpisode = Command<'StartTreatmentEpisode', { readonly startDate: string }>;

export type EndTreatmentEpisode = Command<'EndTreatmentEpisode', { readonly endDate: string; readonly endReason: TreatmentEndReason }>;

export type DischargeClient = Command<'DischargeClient', { readonly dischargedOn: string; readonly reasonCode: DischargeReason }>;

export type ReferralCommand =
  | ReceiveReferral
  | AcceptReferral
  | DeclineReferral
  | StartScreening
  | RecordClinicalFindings
  | SubmitScreeningAdvice
  | AssignIpsJobCoach
  | RecordIpsIntakeSession
  | StartTreatmentEpisode
  | EndTreatmentEpisode
  | DischargeClient;
