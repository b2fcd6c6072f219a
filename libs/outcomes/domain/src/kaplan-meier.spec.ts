import { describe, expect, it } from 'vitest';
import { cumulativeIncidenceByMonth, kaplanMeier, survivalAt } from './kaplan-meier';

// Freireich et al. (1963), 6-MP arm of the leukaemia remission trial, weeks in remission
// (+ = censored), as tabulated in Kleinbaum & Klein, Survival Analysis (3rd ed., ch. 2) and
// Klein & Moeschberger (2nd ed., §4.2): ties (three relapses at 6, one censoring at 6)
// and censorings between events.
const sixMp = [6, 6, 6, -6, 7, -9, 10, -10, -11, 13, 16, -17, -19, -20, 22, 23, -25, -32, -32, -34, -35].map((t) => ({ time: Math.abs(t), event: t > 0 }));

describe('Kaplan–Meier', () => {
  it('reproduces the textbook product-limit estimates, numbers at risk and Greenwood standard errors', () => {
    const curve = kaplanMeier(sixMp);
    const printed = [
      // time, at risk, events, S(t), Greenwood SE — Klein & Moeschberger Table 4.1A
      [6, 21, 3, 0.857, 0.076],
      [7, 17, 1, 0.807, 0.087],
      [10, 15, 1, 0.753, 0.096],
      [13, 12, 1, 0.69, 0.107],
      [16, 11, 1, 0.627, 0.114],
      [22, 7, 1, 0.538, 0.128],
      [23, 6, 1, 0.448, 0.135],
    ] as const;
    expect(curve.steps.map((s) => s.time)).toEqual(printed.map((p) => p[0]));
    curve.steps.forEach((step, i) => {
      const [, atRisk, events, survival, se] = printed[i]!;
      expect(step.atRisk).toBe(atRisk);
      expect(step.events).toBe(events);
      expect(step.survival).toBeCloseTo(survival, 3);
      expect(step.standardError).toBeCloseTo(se, 3);
    });
    expect(curve.n).toBe(21);
    expect(curve.events).toBe(9);
  });

  it('gives the log-log 95% band that R survfit(conf.type = "log-log") prints for the 6-MP arm', () => {
    const curve = kaplanMeier(sixMp);
    expect(curve.steps[0]!.lower95).toBeCloseTo(0.62, 2);
    expect(curve.steps[0]!.upper95).toBeCloseTo(0.952, 3);
    // The band always lies inside [0, 1] and around the estimate.
    for (const s of curve.steps) {
      expect(s.lower95).toBeGreaterThanOrEqual(0);
      expect(s.upper95).toBeLessThanOrEqual(1);
      expect(s.lower95).toBeLessThan(s.survival);
      expect(s.upper95).toBeGreaterThan(s.survival);
    }
  });

  it('reads the step function between event times and counts who is still at risk', () => {
    const curve = kaplanMeier(sixMp);
    const at12 = survivalAt(curve, 12, sixMp);
    expect(at12.survival).toBeCloseTo(0.753, 3);
    expect(at12.atRisk).toBe(12);
    expect(survivalAt(curve, 5, sixMp).survival).toBe(1);
  });

  it('turns censoring into a higher incidence than the crude share (unequal follow-up, report 002 Figure 6)', () => {
    // 10 clients: 3 start work at months 2, 4, 4; 4 followed only 3 months (late entrants), 3 followed 12 months without work.
    const obs = [
      { time: 2, event: true },
      { time: 4, event: true },
      { time: 4, event: true },
      ...Array.from({ length: 4 }, () => ({ time: 3, event: false })),
      ...Array.from({ length: 3 }, () => ({ time: 12, event: false })),
    ];
    const months = cumulativeIncidenceByMonth(obs, 12);
    // S(2) = 9/10; at 4: 5 at risk (10 − 1 event − 4 censored at 3), 2 events → 0.9 × 3/5 = 0.54.
    expect(months[12]!.incidence).toBeCloseTo(1 - 0.54, 10);
    expect(3 / 10).toBeLessThan(months[12]!.incidence);
    expect(months[0]!.atRisk).toBe(10);
    expect(months[4]!.atRisk).toBe(5);
  });

  it('refuses a negative time', () => {
    expect(() => kaplanMeier([{ time: -1, event: true }])).toThrow(RangeError);
  });
});
