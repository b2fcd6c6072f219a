// A review as the municipality's users see it: the review file plus what depends on
// the moment of asking. An action is overdue when it is still open and today
// (Amsterdam) is after its due date.
import type { CaseReviewFile, CaseReviewState, ReviewActionRecord } from './case-review.decider';
import { isOverdue } from './dates';

export type ReviewActionView = ReviewActionRecord & { readonly overdue: boolean };

export type CaseReviewView = Omit<CaseReviewFile, 'actions'> & {
  readonly status: 'scheduled' | 'held' | 'cancelled';
  readonly actions: readonly ReviewActionView[];
  readonly openActions: number;
  readonly overdueActions: number;
};

export function reviewActionOverdue(action: Pick<ReviewActionRecord, 'dueDate' | 'status'>, now: string | Date): boolean {
  return isOverdue(action.dueDate, action.status === 'closed', now);
}

export function caseReviewView(state: Exclude<CaseReviewState, { status: 'new' }>, now: string | Date): CaseReviewView {
  const actions = state.actions.map((a) => ({ ...a, overdue: reviewActionOverdue(a, now) }));
  return {
    ...state,
    actions,
    openActions: actions.filter((a) => a.status === 'open').length,
    overdueActions: actions.filter((a) => a.overdue).length,
  };
}
