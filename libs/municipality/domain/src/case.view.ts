// The case as the municipality's users see it: the case file plus what depends on
// the moment of asking (a referral's overdue flag), computed against `now`.
import type { CaseFile, CaseState, ReferralRecord } from './case.decider';
import { isOverdue } from './dates';

export type ReferralView = ReferralRecord & { readonly overdue: boolean };

export type CaseView = Omit<CaseFile, 'referrals'> & {
  readonly status: 'open' | 'dropped-out' | 'closed';
  readonly referrals: readonly ReferralView[];
  readonly overdueReferrals: number;
  readonly latestAdvice?: CaseFile['advice'][number];
};

export function caseView(state: Exclude<CaseState, { status: 'new' }>, now: string | Date): CaseView {
  const referrals = state.referrals.map((r) => ({ ...r, overdue: isOverdue(r.replyDeadline, r.status !== 'pending', now) }));
  const latestAdvice = state.advice.at(-1);
  return {
    ...state,
    referrals,
    overdueReferrals: referrals.filter((r) => r.overdue).length,
    ...(latestAdvice === undefined ? {} : { latestAdvice }),
  };
}
