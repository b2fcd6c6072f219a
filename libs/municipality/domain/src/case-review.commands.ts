// Commands on an MDT case review. Users of the municipality that holds the case issue
// them over HTTP. What a review needs to know of its case (municipality, status,
// consents) lives on the case stream; the service reads it when the command arrives
// and passes it in as `reviewedCase`, so the decider stays pure and decides alone.
import type { ConsentDataCategory, ReviewActionOutcome, ReviewCancellationReason } from './code-lists';
import type { CaseState, ConsentRecord } from './case.decider';
import type { ReviewAttendee } from './case-review.events';

type CommandOf<T extends string, D> = { readonly type: T; readonly data: D };

/** The case as a review command sees it; null when the case does not exist. */
export interface ReviewedCase {
  readonly caseId: string;
  readonly clientKey: string;
  readonly municipalityId: string;
  readonly status: 'open' | 'dropped-out' | 'closed';
  readonly consents: readonly ConsentRecord[];
}

export function reviewedCaseOf(state: CaseState): ReviewedCase | null {
  if (state.status === 'new') return null;
  const { caseId, clientKey, municipalityId, status, consents } = state;
  return { caseId, clientKey, municipalityId, status, consents };
}

export type ScheduleCaseReview = CommandOf<
  'ScheduleCaseReview',
  { readonly reviewId: string; readonly caseId: string; readonly scheduledFor: string; readonly chairUserId: string; readonly reviewedCase: ReviewedCase | null }
>;
/** Records the meeting that took place: who sat at the table, what was discussed, what was decided. */
export type RecordCaseReview = CommandOf<
  'RecordCaseReview',
  {
    readonly heldOn: string;
    readonly attendees: readonly ReviewAttendee[];
    readonly dataCategoriesDiscussed: readonly ConsentDataCategory[];
    readonly decisions: readonly string[];
    readonly reviewedCase: ReviewedCase | null;
  }
>;
export type AssignReviewAction = CommandOf<
  'AssignReviewAction',
  {
    readonly actionId: string;
    readonly description: string;
    readonly ownerUserId: string;
    readonly ownerOrganisationId: string;
    readonly dueDate: string;
    readonly reviewedCase: ReviewedCase | null;
  }
>;
export type CloseReviewAction = CommandOf<'CloseReviewAction', { readonly actionId: string; readonly closedOn: string; readonly outcome: ReviewActionOutcome; readonly note?: string }>;
export type CancelCaseReview = CommandOf<'CancelCaseReview', { readonly reasonCode: ReviewCancellationReason; readonly reasonText?: string }>;

export type CaseReviewCommand = ScheduleCaseReview | RecordCaseReview | AssignReviewAction | CloseReviewAction | CancelCaseReview;

type WithoutCase<C> = C extends { readonly type: infer T; readonly data: infer D } ? { readonly type: T; readonly data: Omit<D, 'reviewedCase'> } : never;

/** A review command as a user sends it, before the service adds the case it reviews. */
export type CaseReviewInput = WithoutCase<CaseReviewCommand>;
