// Report 002 §5.1.4's job-coaching rule, once, for every context that applies it: the
// insurer caps a job-coaching grant by it (its tariff), the outcomes monitor costs it
// (its MKBA). Why here and not in either of them: a domain library may import only
// domain libraries of its own scope or of scope:shared (eslint.config.mjs), so the
// insurer's tariffs are out of the outcomes domain's reach and the outcomes parameter
// set out of the insurer's, and `contracts/` (type:contract) is out of every domain's
// reach — nor is an integration-event package the place for a funding rule. This
// shared kernel (scope:shared, type:domain) holds the figures with their source and the
// arithmetic; each context brings its own time: the insurer a grant period in dates,
// the monitor months of work. Both hand over the weeks worked in each year of the job.

/**
 * "Na het starten met werk kan jobcoaching worden ingezet wanneer een cliënt een
 * arbeidscontract heeft voor minimaal 6 maanden en minimaal 12 contracturen per week. […]
 * In het eerst jaar kan maximaal 15% van het aantal contracturen worden ingezet voor
 * jobcoaching, in het tweede jaar maximaal 7,5% en in het derde jaar maximaal 6%. Een
 * jobcoach kost ongeveer 92 euro per uur." — report 002 §5.1.4
 */
export interface JobCoachingRule {
  /** Most coaching hours as a share of the contract hours, per year of the job (year 1 first); none after the last. */
  readonly shareOfContractHoursByYear: readonly number[];
  readonly minContractMonths: number;
  readonly minHoursPerWeek: number;
  /** What an hour of job coaching costs, in euro. */
  readonly pricePerHour: number;
}

/** Where the figures of `jobCoachingRule002` stand. */
export const jobCoachingRule002Source = 'report 002 (Monitor Voorbeeldprojecten, 2016) §5.1.4';

/** The figures as report 002 §5.1.4 states them: 15% / 7.5% / 6% in years 1 / 2 / 3, ≥ 6 months, ≥ 12 h/week, about €92 an hour. */
export const jobCoachingRule002: JobCoachingRule = {
  shareOfContractHoursByYear: [0.15, 0.075, 0.06],
  minContractMonths: 6,
  minHoursPerWeek: 12,
  pricePerHour: 92,
};

/** The job the coaching is for, as a care provider's IPS worker states it. */
export interface CoachedJob {
  /** Contract hours per week. */
  readonly hoursPerWeek: number;
  /** Length of the employment contract in months. */
  readonly contractMonths: number;
  /** First day of the job (ISO date); the year of the job follows from it. */
  readonly startDate: string;
}

export type JobCoachingIneligibility = 'contract-too-short' | 'contract-hours-too-low';

/** Why the rule funds no coaching for this job at all, or undefined when it funds some. */
export function jobCoachingIneligibility(
  rule: JobCoachingRule,
  job: Pick<CoachedJob, 'hoursPerWeek' | 'contractMonths'>,
): { readonly code: JobCoachingIneligibility; readonly reason: string } | undefined {
  if (job.contractMonths < rule.minContractMonths) {
    return { code: 'contract-too-short', reason: `Job coaching is funded for a contract of at least ${rule.minContractMonths} months; this contract runs ${job.contractMonths}.` };
  }
  if (job.hoursPerWeek < rule.minHoursPerWeek) {
    return { code: 'contract-hours-too-low', reason: `Job coaching is funded for a contract of at least ${rule.minHoursPerWeek} hours a week; this contract has ${job.hoursPerWeek}.` };
  }
  return undefined;
}

/** The share of the contract hours the rule allows in a year of the job (1 = the first); 0 outside the rule's years. */
export function coachingShareInYear(rule: JobCoachingRule, year: number): number {
  return rule.shareOfContractHoursByYear[year - 1] ?? 0;
}

/**
 * The most coaching hours the rule allows for a job: for each year of the job, its share ×
 * hours per week × the weeks worked in that year (`weeksByJobYear[0]` is year 1). 0 for a
 * job the rule does not fund. Not rounded: a whole-hour cap is the funder's choice.
 */
export function maxJobCoachingHours(rule: JobCoachingRule, job: Pick<CoachedJob, 'hoursPerWeek' | 'contractMonths'>, weeksByJobYear: readonly number[]): number {
  if (jobCoachingIneligibility(rule, job) !== undefined) return 0;
  return weeksByJobYear.reduce((hours, weeks, index) => hours + coachingShareInYear(rule, index + 1) * job.hoursPerWeek * weeks, 0);
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

/** The date `years` years after an ISO date (29 February + 1 year = 1 March). */
function yearsAfter(isoDate: string, years: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

/**
 * The weeks of a dated period (both ends inclusive) in each of the rule's years of a job:
 * year 1 runs from the start date up to the day before its first anniversary, and so on.
 * A week is 7 calendar days, counted exactly (days / 7), so two periods of the same
 * length fund the same hours whatever months they span. Days before the job started or
 * after its last funded year fall in no year.
 */
export function weeksInJobYears(rule: JobCoachingRule, startDate: string, periodFrom: string, periodTo: string): number[] {
  const from = dayNumber(periodFrom);
  const to = dayNumber(periodTo);
  return rule.shareOfContractHoursByYear.map((_share, index) => {
    const yearFrom = dayNumber(yearsAfter(startDate, index));
    const yearTo = dayNumber(yearsAfter(startDate, index + 1)) - 1;
    const days = Math.min(to, yearTo) - Math.max(from, yearFrom) + 1;
    return Math.max(0, days) / 7;
  });
}
