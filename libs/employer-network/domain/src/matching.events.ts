// Events of a case's matching stream at the employer network: the municipality's
// referral, its answer, candidate proposals and every placement of the case with its
// reviews and its end. One stream per case, so the 1st, 2nd, 3rd job of a case are
// numbered in one place and only one placement is active at a time.
// Every event carries the case id and the pseudonymous client key (never a BSN or a
// name) so the integration mapping needs nothing else.
import type { ContractType, MatchingCloseReason, MatchingDeclineReason, PlacementEndReason, PlacementIssueCode, ReviewMonth } from './code-lists';

interface CaseRef {
  readonly caseId: string;
  readonly clientKey: string;
  /** The employer-network organisation that holds the matching. */
  readonly organisationId: string;
  /** The municipality's referral this matching answers. */
  readonly referralId: string;
}

/**
 * The municipality referred the client for matching. Only what matching needs is kept:
 * the referral route of ClientReferred is care-summary data and is not stored.
 */
export interface ReferralReceived {
  readonly type: 'ReferralReceived';
  readonly data: CaseRef & {
    readonly fromOrganisationId: string;
    readonly reason: string;
    readonly replyDeadline: string;
  };
}

/**
 * What goes back to the referrer names it: the municipality an answer or a placement is
 * addressed to (its own audience topic). Absent on events recorded before it was kept.
 */
interface ToReferrer {
  readonly referringOrganisationId?: string;
}

export interface ReferralAccepted {
  readonly type: 'ReferralAccepted';
  readonly data: CaseRef & ToReferrer & { readonly plannedStart?: string };
}

export interface ReferralDeclined {
  readonly type: 'ReferralDeclined';
  readonly data: CaseRef & ToReferrer & { readonly reasonCode: MatchingDeclineReason; readonly reason: string };
}

/** An account manager put the client (by pseudonymous key) forward for a vacancy. */
export interface CandidateProposed {
  readonly type: 'CandidateProposed';
  readonly data: CaseRef & { readonly employerId: string; readonly vacancyId: string };
}

export interface PlacementTerms {
  readonly employerId: string;
  readonly employerName: string;
  readonly vacancyId?: string;
  readonly role: string;
  readonly contractType: ContractType;
  readonly hoursPerWeek: number;
  readonly grossHourlyWageCents: number;
  /** Loonwaarde: the worker's productivity as a percentage of the norm, when assessed. */
  readonly wageValuePercent?: number;
  /** Loonkostensubsidie paid to the employer. */
  readonly wageSubsidy: boolean;
  readonly jobCoach: boolean;
  readonly startDate: string;
}

export interface PlacementStarted {
  readonly type: 'PlacementStarted';
  readonly data: CaseRef & ToReferrer & PlacementTerms & { readonly placementId: string; readonly sequence: number };
}

export interface PlacementReviewed {
  readonly type: 'PlacementReviewed';
  readonly data: CaseRef & {
    readonly placementId: string;
    readonly reviewMonth: ReviewMonth;
    readonly reviewedOn: string;
    readonly stillWorking: boolean;
    readonly hoursPerWeek: number;
    readonly issues: readonly PlacementIssueCode[];
    /** The account manager's own note; never published. */
    readonly note?: string;
  };
}

/** Job loss. It reopens matching; it does not end the case. */
export interface PlacementEnded {
  readonly type: 'PlacementEnded';
  readonly data: CaseRef &
    ToReferrer & {
      readonly placementId: string;
      readonly endDate: string;
      readonly reason: PlacementEndReason;
      readonly reasonText?: string;
    };
}

export interface MatchingClosed {
  readonly type: 'MatchingClosed';
  readonly data: CaseRef & { readonly reasonCode: MatchingCloseReason };
}

export type MatchingEvent = ReferralReceived | ReferralAccepted | ReferralDeclined | CandidateProposed | PlacementStarted | PlacementReviewed | PlacementEnded | MatchingClosed;
