// Calendar dates in the municipality's own time zone. Deadlines and validity are
// dates, while `now` is an instant from command metadata (or the query's clock), so
// "today" is the Amsterdam date of that instant, never the UTC date.

import { dateInAmsterdam } from '@wcc/domain-kit';

export { dateInAmsterdam };

/** The calendar year in Amsterdam at the given instant. */
export function yearInAmsterdam(instant: string | Date): number {
  return Number(dateInAmsterdam(instant).slice(0, 4));
}

/** YYYY-MM-DD dates compare correctly as strings. */
export function isBefore(date: string, other: string): boolean {
  return date < other;
}

/** A referral with no answer is overdue once its reply deadline has passed (the day after the deadline). */
export function isOverdue(replyDeadline: string, answered: boolean, now: string | Date): boolean {
  return !answered && isBefore(replyDeadline, dateInAmsterdam(now));
}

/** Age band from the birth year, as the monitor reports it (report 002 Table 1). */
export const ageBands = ['under-27', '27-35', '36-45', '46-55', '56-plus'] as const;
export type AgeBand = (typeof ageBands)[number];

export function ageBandOf(birthYear: number, now: string | Date): AgeBand {
  const age = yearInAmsterdam(now) - birthYear;
  if (age < 27) return 'under-27';
  if (age <= 35) return '27-35';
  if (age <= 45) return '36-45';
  if (age <= 55) return '46-55';
  return '56-plus';
}
