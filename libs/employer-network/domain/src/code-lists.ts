// Code lists of the employer network (werkgeversdienstverlening): how employers,
// vacancies, placements and their end are recorded, so every account manager
// registers them alike (report 002 Figures 7–8 could only count what was coded).

/** Employer size by headcount, the EU SME classes: micro <10, small <50, medium <250, large 250+. */
export const EMPLOYER_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type EmployerSize = (typeof EMPLOYER_SIZES)[number];

/** How an account manager was in touch with an employer. */
export const EMPLOYER_CONTACT_KINDS = ['visit', 'call', 'network-meeting'] as const;
export type EmployerContactKind = (typeof EMPLOYER_CONTACT_KINDS)[number];

export const VACANCY_CLOSE_REASONS = ['filled', 'withdrawn'] as const;
export type VacancyCloseReason = (typeof VACANCY_CLOSE_REASONS)[number];

/**
 * Contract types of report 002 Figure 7, plus the klimopbaan (work while the benefit
 * is retained) and the proefplaatsing (trial placement).
 */
export const CONTRACT_TYPES = ['permanent', 'temporary-6m', 'temporary-12m', 'zero-hours', 'work-with-benefit', 'trial-placement'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** Follow-up moments of a placement, in months after its start. */
export const REVIEW_MONTHS = [1, 3, 6, 12] as const;
export type ReviewMonth = (typeof REVIEW_MONTHS)[number];

/** Work-related issues raised at a review. Deliberately no health codes: sickness absence is health data. */
export const PLACEMENT_ISSUE_CODES = ['task-mismatch', 'hours-mismatch', 'conflict-at-work', 'travel', 'more-guidance-needed', 'wage-or-contract', 'other'] as const;
export type PlacementIssueCode = (typeof PLACEMENT_ISSUE_CODES)[number];

/**
 * Why a job ended (job loss). 'health' is itself health data: it stays in the employer
 * network and is published as 'other' (see the integration mapping).
 */
export const PLACEMENT_END_REASONS = ['contract-not-renewed', 'dismissed', 'resigned', 'health', 'employer-closed', 'other'] as const;
export type PlacementEndReason = (typeof PLACEMENT_END_REASONS)[number];

/** Why the employer network declines a referral for matching; the reason goes back to the municipality. */
export const MATCHING_DECLINE_REASONS = ['no-capacity', 'no-suitable-vacancies', 'outside-region', 'client-unreachable', 'client-refused', 'referred-elsewhere', 'other'] as const;
export type MatchingDeclineReason = (typeof MATCHING_DECLINE_REASONS)[number];

export const MATCHING_CLOSE_REASONS = ['durably-placed', 'returned-to-municipality', 'no-prospect', 'other'] as const;
export type MatchingCloseReason = (typeof MATCHING_CLOSE_REASONS)[number];
