// Tariffs are versioned reference data: a grant is checked against the version valid
// on the first day of its period, and records which one it used, so a later price
// change never rewrites an earlier decision. Figures from report 002 §5.1.4.
//
// Job coaching is capped by report 002 §5.1.4's rule, not by a fixed number of hours: a
// share of the job's contract hours in the grant's period. The insurer owns the tariff,
// but the rule and its figures live in the shared kernel (@wcc/shared-kernel), because
// the outcomes monitor costs job coaching by the same rule and the boundary rules let
// neither domain import the other (nor either of them `contracts/`): one rule, one set
// of figures, cited once. The insurer adds only what is a funder's choice: whole hours,
// rounded down (the report says "at most"; rounding up would fund more than the share).
import { jobCoachingIneligibility, jobCoachingRule002, jobCoachingRule002Source, maxJobCoachingHours, weeksInJobYears, type CoachedJob, type JobCoachingRule } from '@wcc/shared-kernel';

/** What an insurer funds for work-oriented care (report 002 §3.3.2). */
export const FUNDED_INSTRUMENTS = ['ips-intake', 'dbc-care-product', 'job-coaching'] as const;
export type FundedInstrument = (typeof FUNDED_INSTRUMENTS)[number];

interface TariffTerms {
  readonly instrument: FundedInstrument;
  /** What one unit is: an intake session, an hour of coaching, a care product. */
  readonly unit: 'session' | 'hour' | 'care-product';
  /** Price per unit in euro cents; absent when the price is agreed per product in the contract. */
  readonly unitPriceCents?: number;
  /** Most one grant may fund, in euro cents; absent when units × price is the limit. */
  readonly maxAmountCents?: number;
}

export type Tariff = TariffTerms &
  (
    | {
        /** Most units one grant may fund. */
        readonly maxUnits: number;
        readonly jobCoachingRule?: never;
      }
    | {
        /** Most units one grant may fund: a share of the job's contract hours in the grant's period (report 002 §5.1.4). */
        readonly jobCoachingRule: JobCoachingRule;
        readonly maxUnits?: never;
      }
  );

export interface TariffTable {
  readonly version: string;
  /** First day (ISO date) this version applies to. */
  readonly validFrom: string;
  /** Set on a version a later one corrects: no longer applied, kept so the grants that recorded it can be read against it. */
  readonly supersededBy?: string;
  readonly tariffs: Readonly<Record<FundedInstrument, Tariff>>;
}

// The IPS intake phase: the first 8 conversations at €92, €736 per client.
const ipsIntake: Tariff = { instrument: 'ips-intake', unit: 'session', unitPriceCents: 9_200, maxUnits: 8 };
// A DBC care product is priced in the insurer's contract with the provider; one product
// per grant, capped at the highest GGZ product band we accept.
const dbcCareProduct: Tariff = { instrument: 'dbc-care-product', unit: 'care-product', maxUnits: 1, maxAmountCents: 2_000_000 };

export const TARIFF_TABLES: readonly TariffTable[] = [
  {
    // Capped job coaching at 312 hours a grant (15% of a 40-hour week for a year), whatever the job.
    version: '2015',
    validFrom: '2015-01-01',
    supersededBy: '2015.2',
    tariffs: {
      'ips-intake': ipsIntake,
      'job-coaching': { instrument: 'job-coaching', unit: 'hour', unitPriceCents: 9_200, maxUnits: 312 },
      'dbc-care-product': dbcCareProduct,
    },
  },
  {
    // Corrects 2015 from its first day: job coaching as report 002 §5.1.4 states it. IPS intake and DBC unchanged.
    version: '2015.2',
    validFrom: '2015-01-01',
    tariffs: {
      'ips-intake': ipsIntake,
      'job-coaching': { instrument: 'job-coaching', unit: 'hour', unitPriceCents: Math.round(jobCoachingRule002.pricePerHour * 100), jobCoachingRule: jobCoachingRule002 },
      'dbc-care-product': dbcCareProduct,
    },
  },
];

/** The tariff of an instrument valid on `date` (ISO date), or undefined before the first version. */
export function tariffOn(instrument: FundedInstrument, date: string, tables: readonly TariffTable[] = TARIFF_TABLES): { version: string; tariff: Tariff } | undefined {
  const table = tables.filter((t) => t.validFrom <= date && t.supersededBy === undefined).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  return table ? { version: table.version, tariff: table.tariffs[instrument] } : undefined;
}

/** The most a grant of `units` may be for under `tariff`. */
export function maxAmountFor(tariff: Tariff, units: number): number | undefined {
  const byPrice = tariff.unitPriceCents === undefined ? undefined : tariff.unitPriceCents * units;
  if (byPrice === undefined) return tariff.maxAmountCents;
  return tariff.maxAmountCents === undefined ? byPrice : Math.min(byPrice, tariff.maxAmountCents);
}

/** Why job coaching is not funded at all for this job over this period. The codes are refusal reasons (FUNDING_REFUSAL_REASONS). */
export type JobCoachingRefusalCode = 'job-details-missing' | 'contract-too-short' | 'contract-hours-too-low' | 'outside-coaching-years';

export interface JobCoachingRefusal {
  readonly reasonCode: JobCoachingRefusalCode;
  /** For the care provider: which limit, and where it stands. */
  readonly reason: string;
}

/** A job-coaching request that does not say which job it is for. */
export const JOB_DETAILS_MISSING: JobCoachingRefusal = {
  reasonCode: 'job-details-missing',
  reason: `Job coaching is funded as a share of the job's contract hours (${jobCoachingRule002Source}): state the job's hours per week, contract length in months and start date, and ask again.`,
};

/** Why the rule funds no job coaching for this job over [periodFrom, periodTo], or undefined when it funds some. */
export function jobCoachingRefusal(rule: JobCoachingRule, job: CoachedJob | undefined, periodFrom: string, periodTo: string): JobCoachingRefusal | undefined {
  if (job === undefined) return JOB_DETAILS_MISSING;
  const ineligible = jobCoachingIneligibility(rule, job);
  if (ineligible) return { reasonCode: ineligible.code, reason: `${ineligible.reason} (${jobCoachingRule002Source})` };
  if (weeksInJobYears(rule, job.startDate, periodFrom, periodTo).every((weeks) => weeks === 0)) {
    const years = rule.shareOfContractHoursByYear.length;
    return {
      reasonCode: 'outside-coaching-years',
      reason: `Job coaching is funded in the first ${years} years of a job (this one started on ${job.startDate}); ${periodFrom} to ${periodTo} lies outside them (${jobCoachingRule002Source}).`,
    };
  }
  return undefined;
}

const percent = (share: number) => Math.round(share * 1000) / 10;

/** Whole hours: 1e-9 absorbs the binary fraction in e.g. 0.15 × 12 × 25 = 44.99999999999999, which is 45 hours. */
const wholeHoursDown = (hours: number) => Math.floor(hours + 1e-9);

/**
 * The most whole hours of job coaching a grant over [periodFrom, periodTo] may fund for an
 * eligible job, rounded down, and how they follow from the rule (for a refusal message).
 * Weeks are the period's days / 7, split over the years of the job (see weeksInJobYears).
 */
export function maxJobCoachingUnits(rule: JobCoachingRule, job: CoachedJob, periodFrom: string, periodTo: string): { readonly maxUnits: number; readonly basis: string } {
  const weeks = weeksInJobYears(rule, job.startDate, periodFrom, periodTo);
  const basis = weeks
    .map((w, index) => (w === 0 ? undefined : `${percent(rule.shareOfContractHoursByYear[index] ?? 0)}% of ${job.hoursPerWeek} h/week × ${w.toFixed(1)} weeks in year ${index + 1} of the job`))
    .filter((part) => part !== undefined)
    .join(' + ');
  return { maxUnits: wholeHoursDown(maxJobCoachingHours(rule, job, weeks)), basis };
}
