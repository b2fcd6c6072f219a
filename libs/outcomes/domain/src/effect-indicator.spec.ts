import { describe, expect, it } from 'vitest';
import { ageBandOf, effectIndicator, workStartModelAllHours, workStartModelOver32h, workStartProbability } from './parameters/work-start-model-002';
import { projectIds } from './parameters/report-002-2016';
import { report002Table3, report002Table4 } from './published/report-tables';

describe('the work-start model of report 002 Table 2', () => {
  const base = workStartModelAllHours.baselineOdds.value;

  it('multiplies the odds by each category’s odds ratio (logistic model), by hand', () => {
    const p = workStartProbability(workStartModelAllHours, { ageBand: '18-25', male: true, education: 'high', poorMentalHealth: true });
    const odds = base * 0.53 * 1.24 * 1.77 * 0.51;
    expect(p).toBeCloseTo(odds / (1 + odds), 12);
  });

  it('gives the reference profile the baseline odds, and the 32-hour model its own ratios', () => {
    expect(workStartProbability(workStartModelAllHours, { ageBand: '25-35', male: false })).toBeCloseTo(0.085, 12);
    const p = workStartProbability(workStartModelOver32h, { ageBand: '25-35', male: false, unemployment: 'over5yOrNever' });
    const odds = workStartModelOver32h.baselineOdds.value * 0.1;
    expect(p).toBeCloseTo(odds / (1 + odds), 12);
  });

  it('bands ages as Table 2 does', () => {
    expect([18, 24, 25, 34, 35, 64].map(ageBandOf)).toEqual(['18-25', '18-25', '25-35', '25-35', '35-65', '35-65']);
  });

  it('divides observed starters by the sum of the predicted probabilities (§4.5) and says which covariates it lacked', () => {
    const cohort = [
      { covariates: { ageBand: '25-35', male: false }, started: true },
      { covariates: { ageBand: '25-35', male: true }, started: false },
    ] as const;
    const e = effectIndicator(workStartModelAllHours, cohort);
    const p2 = (base * 1.24) / (1 + base * 1.24);
    expect(e.expected).toBeCloseTo(0.085 + p2, 12);
    expect(e.indicator).toBeCloseTo(1 / (0.085 + p2), 12);
    expect(e.covariatesUnavailable).toEqual(['education', 'origin', 'unemployment', 'children', 'poorMentalHealth']);
    expect(effectIndicator(workStartModelAllHours, []).indicator).toBeNull();
  });

  it('reproduces Tables 3 and 4 from their own observed and expected figures', () => {
    for (const p of projectIds) {
      expect(Math.abs(report002Table3[p].observedPct / report002Table3[p].expectedPct - report002Table3[p].indicator)).toBeLessThan(0.005);
    }
    // Table 4: IPS-NHN and ExIT to the printed digit; VIP 7.5/5.9 = 1.271 against the printed 1.26 (within the rounding of the percentages, see consistency).
    expect(Math.abs(5.1 / 5.0 - report002Table4['ips-nhn'].indicator)).toBeLessThan(0.005);
    expect(Math.abs(2.9 / 3.5 - report002Table4['exit-rotterdam'].indicator)).toBeLessThan(0.005);
    expect(Math.abs(7.5 / 5.9 - report002Table4['vip-amsterdam'].indicator)).toBeGreaterThan(0.005);
  });
});
