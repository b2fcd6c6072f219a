// The referral stream (`referral-<referralId>`): one client's trajectory at one care
// provider, from the municipality's referral through screening, IPS and treatment.
// Every event repeats the case id, client key and provider, so the integration mapping
// needs nothing but the event. ClinicalFindingsRecorded is private: it maps to no
// integration event.
import type { DomainEvent } from '@wcc/domain-kit';
import type { DiagnosisCodeSystem } from './clinical-findings';
import type { AdvisedRoute, FunctionalLimitationCode } from './screening-advice';

/** Who and what a referral event is about. */
export interface ReferralRef {
  readonly referralId: string;
  readonly caseId: string;
  /** Pseudonymous client key of the chain; never the BSN. */
  readonly clientKey: string;
  /** The care provider the referral is addressed to. */
  readonly organisationId: string;
}

export const DECLINE_REASONS = ['no-capacity', 'not-eligible', 'client-unreachable', 'client-refused', 'referred-elsewhere', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const TREATMENT_END_REASONS = ['completed', 'client-stopped', 'referred-elsewhere', 'other'] as const;
export type TreatmentEndReason = (typeof TREATMENT_END_REASONS)[number];

export const DISCHARGE_REASONS = ['care-completed', 'client-stopped', 'referred-elsewhere', 'client-moved', 'other'] as const;
export type DischargeReason = (typeof DISCHARGE_REASONS)[number];

export type ReferralReceived = DomainEvent<
  'ReferralReceived',
  ReferralRef & {
    readonly fromOrganisationId: string;
    readonly route: string;
    readonly reason: string;
    readonly replyDeadline: string;
    readonly referredAt: string;
  }
>;

/**
 * An answer to the referrer: the municipality that referred, so the answer is addressed to
 * it (its own audience topic). Absent on answers recorded before it was kept.
 */
export interface AnswerRef extends ReferralRef {
  readonly referringOrganisationId?: string;
}

export type ReferralAccepted = DomainEvent<'ReferralAccepted', AnswerRef & { readonly plannedStart?: string }>;

export type ReferralDeclined = DomainEvent<'ReferralDeclined', AnswerRef & { readonly reasonCode: DeclineReason; readonly reason: string }>;

export type ScreeningStarted = DomainEvent<'ScreeningStarted', ReferralRef & { readonly startedOn: string }>;

export interface DiagnosisCode {
  readonly system: DiagnosisCodeSystem;
  readonly code: string;
}

/** Private to the care provider: never published, never shown outside it. */
export type ClinicalFindingsRecorded = DomainEvent<'ClinicalFindingsRecorded', ReferralRef & { readonly findingsId: string; readonly diagnoses: readonly DiagnosisCode[]; readonly notes?: string }>;

export interface ScreeningAdvice {
  readonly adviceId: string;
  readonly advisedRoute: AdvisedRoute;
  readonly workCapacityHoursPerWeek: number;
  readonly recommendedHoursPerWeek?: number;
  readonly functionalLimitations: readonly FunctionalLimitationCode[];
  readonly contraIndications: boolean;
  readonly reviewDate: string;
}

export type ScreeningAdviceSubmitted = DomainEvent<'ScreeningAdviceSubmitted', AnswerRef & ScreeningAdvice>;

export type IpsJobCoachAssigned = DomainEvent<'IpsJobCoachAssigned', ReferralRef & { readonly jobCoachId: string }>;

export type IpsIntakeSessionRecorded = DomainEvent<'IpsIntakeSessionRecorded', ReferralRef & { readonly sessionNumber: number; readonly heldOn: string }>;

export type TreatmentEpisodeStarted = DomainEvent<'TreatmentEpisodeStarted', ReferralRef & { readonly episodeId: string; readonly startDate: string }>;

export type TreatmentEpisodeEnded = DomainEvent<'TreatmentEpisodeEnded', ReferralRef & { readonly episodeId: string; readonly endDate: string; readonly endReason: TreatmentEndReason }>;

/** The care provider's involvement in the case ended: no treatment open, nothing more recorded on the referral. */
export type ClientDischarged = DomainEvent<'ClientDischarged', ReferralRef & { readonly dischargedOn: string; readonly reasonCode: DischargeReason }>;

export type ReferralEvent =
  | ReferralReceived
  | ReferralAccepted
  | ReferralDeclined
  | ScreeningStarted
  | ClinicalFindingsRecorded
  | ScreeningAdviceSubmitted
  | IpsJobCoachAssigned
  | IpsIntakeSessionRecorded
  | TreatmentEpisodeStarted
  | TreatmentEpisodeEnded
  | ClientDischarged;

export type ReferralEventType = ReferralEvent['type'];
