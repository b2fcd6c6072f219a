// The §5.1.4 rule on hand-checked numbers; the insurer's and the monitor's own specs check
// how each applies it.
import { describe, expect, it } from 'vitest';
import { coachingShareInYear, jobCoachingIneligibility, jobCoachingRule002 as rule, maxJobCoachingHours, weeksInJobYears } from './job-coaching';

describe('report 002 §5.1.4 job-coaching rule', () => {
  it('states the report’s figures', () => {
    expect(rule).toEqual({ shareOfContractHoursByYear: [0.15, 0.075, 0.06], minContractMonths: 6, minHoursPerWeek: 12, pricePerHour: 92 });
    expect([1, 2, 3, 4, 0].map((year) => coachingShareInYear(rule, year))).toEqual([0.15, 0.075, 0.06, 0, 0]);
  });

  it('funds contracts of at least 6 months and at least 12 hours a week, and says which limit another misses', () => {
    expect(jobCoachingIneligibility(rule, { hoursPerWeek: 12, contractMonths: 6 })).toBeUndefined();
    expect(jobCoachingIneligibility(rule, { hoursPerWeek: 11.5, contractMonths: 12 })).toMatchObject({ code: 'contract-hours-too-low', reason: expect.stringContaining('12 hours') as unknown });
    expect(jobCoachingIneligibility(rule, { hoursPerWeek: 36, contractMonths: 5 })).toMatchObject({ code: 'contract-too-short', reason: expect.stringContaining('6 months') as unknown });
  });

  it('allows share × hours per week × weeks, per year of the job', () => {
    // 24 h/week for 26 weeks of year 1: 0.15 × 24 × 26 = 93.6 hours; of year 2: 0.075 × 24 × 26 = 46.8.
    expect(maxJobCoachingHours(rule, { hoursPerWeek: 24, contractMonths: 12 }, [26])).toBeCloseTo(93.6, 9);
    expect(maxJobCoachingHours(rule, { hoursPerWeek: 24, contractMonths: 12 }, [0, 26])).toBeCloseTo(46.8, 9);
    // Across years 2 and 3, 10 weeks each: 0.075 × 20 × 10 + 0.06 × 20 × 10 = 15 + 12.
    expect(maxJobCoachingHours(rule, { hoursPerWeek: 20, contractMonths: 36 }, [0, 10, 10])).toBeCloseTo(27, 9);
    expect(maxJobCoachingHours(rule, { hoursPerWeek: 11, contractMonths: 12 }, [26])).toBe(0);
    expect(maxJobCoachingHours(rule, { hoursPerWeek: 24, contractMonths: 5 }, [26])).toBe(0);
  });

  it('counts a dated period’s weeks in each year of the job as days / 7, none before the start or after year 3', () => {
    // 2026-01-05 … 2026-07-05 is 182 days = 26 weeks, all in year 1 of a job started on 2026-01-05.
    expect(weeksInJobYears(rule, '2026-01-05', '2026-01-05', '2026-07-05')).toEqual([26, 0, 0]);
    // The same period for a job started on 2025-03-01: 2026-01-05 … 2026-02-28 (55 days) in year 1, 2026-03-01 … 2026-07-05 (127 days) in year 2.
    expect(weeksInJobYears(rule, '2025-03-01', '2026-01-05', '2026-07-05')).toEqual([55 / 7, 127 / 7, 0]);
    // Started 2026-02-01: the 27 days of January before the start count in no year.
    expect(weeksInJobYears(rule, '2026-02-01', '2026-01-05', '2026-07-05')).toEqual([155 / 7, 0, 0]);
    // Started 2022-01-01: year 3 ended on 2024-12-31.
    expect(weeksInJobYears(rule, '2022-01-01', '2026-01-05', '2026-07-05')).toEqual([0, 0, 0]);
    // A leap day start: year 1 ends the day before 1 March of the next year.
    expect(weeksInJobYears(rule, '2024-02-29', '2025-02-28', '2025-03-01')).toEqual([1 / 7, 1 / 7, 0]);
  });
});
