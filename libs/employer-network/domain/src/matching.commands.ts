// Commands on a case's matching stream. ReceiveReferral comes from the municipality's
// ClientReferred; the rest from the employer network's account managers.
import type { ContractType, MatchingCloseReason, MatchingDeclineReason, PlacementEndReason, PlacementIssueCode, ReviewMonth } from './code-lists';
import type { EmployerSnapshot } from './employer.decider';

export interface ReceiveReferral {
  readonly type: 'ReceiveReferral';
  readonly data: {
    readonly caseId: string;
    readonly clientKey: string;
    readonly referralId: string;
    readonly fromOrganisationId: string;
    readonly toOrganisationId: string;
    readonly reason: string;
    readonly replyDeadline: string;
  };
}

export interface AcceptReferral {
  readonly type: 'AcceptReferral';
  readonly data: { readonly plannedStart?: string };
}

export interface DeclineReferral {
  readonly type: 'DeclineReferral';
  readonly data: { readonly reasonCode: MatchingDeclineReason; readonly reason: string };
}

/**
 * `employer` is the employer's current state, loaded by the command handler from the
 * employer's stream (undefined when there is none); the decider judges it.
 */
export interface ProposeCandidate {
  readonly type: 'ProposeCandidate';
  readonly data: { readonly employerId: string; readonly vacancyId: string; readonly employer: EmployerSnapshot | undefined };
}

export interface StartPlacement {
  readonly type: 'StartPlacement';
  readonly data: {
    readonly employerId: string;
    readonly employer: EmployerSnapshot | undefined;
    readonly vacancyId?: string;
    readonly role: string;
    readonly contractType: ContractType;
    readonly hoursPerWeek: number;
    readonly grossHourlyWageCents: number;
    readonly wageValuePercent?: number;
    readonly wageSubsidy: boolean;
    readonly jobCoach: boolean;
    readonly startDate: string;
  };
}

export interface ReviewPlacement {
  readonly type: 'ReviewPlacement';
  readonly data: {
    readonly placementId: string;
    readonly reviewMonth: ReviewMonth;
    readonly reviewedOn: string;
    readonly stillWorking: boolean;
    readonly hoursPerWeek: number;
    readonly issues: readonly PlacementIssueCode[];
    readonly note?: string;
  };
}

export interface EndPlacement {
  readonly type: 'EndPlacement';
  readonly data: { readonly placementId: string; readonly endDate: string; readonly reason: PlacementEndReason; readonly reasonText?: string };
}

export interface CloseMatching {
  readonly type: 'CloseMatching';
  readonly data: { readonly reasonCode: MatchingCloseReason };
}

export type MatchingCommand = ReceiveReferral | AcceptReferral | DeclineReferral | ProposeCandidate | StartPlacement | ReviewPlacement | EndPlacement | CloseMatching;
