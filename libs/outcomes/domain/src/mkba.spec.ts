import { describe, expect, it } from 'vitest';
import { computeMkba, jobCoachingCost, workIncomePerMonth } from './mkba';
import { reproduceAllMkbaTables, reproduceMkbaTable, reproduceTable12 } from './mkba-reproduction';
import { parameters002_2016 as params, projectIds } from './parameters/report-002-2016';
import { report002Table12 } from './published/report-tables';

describe('MKBA cash flows (report 002 ch. 5), hand-checked', () => {
  it('costs the regular support and the projects as §5.1.4 states them', () => {
    const vip = computeMkba(params, 'vip-amsterdam');
    expect(vip.table['municipality.reintegration']).toMatchObject({ none: -0, regular: -1238.94, project: -5000 });
    expect(vip.table['insurer.reintegration'].project).toBe(-8 * 92);
    expect(computeMkba(params, 'exit-rotterdam').table['insurer.reintegration'].project).toBe(-0);
  });

  it('prices a starter’s month of work as Table 6 does (hours × €8.82 × 4.3)', () => {
    expect(workIncomePerMonth(params, 'upTo8')).toBeCloseTo(227.56, 2);
    expect(workIncomePerMonth(params, 'over8UpTo28')).toBeCloseTo(643.6, 2);
    expect(workIncomePerMonth(params, 'over28')).toBeCloseTo(1365.34, 2);
  });

  it('computes ExIT’s benefit from the bijstand level and Table 7’s deductions, by hand', () => {
    const exit = computeMkba(params, 'exit-rotterdam');
    // 100% bijstand: 48 × 900 without starters.
    expect(exit.scenarios.none.rows['client.benefit']).toBe(48 * 900);
    // A starter saves (900−672)·14% + (900−253)·55% + (900−0)·31% a month, for 48 − 6 months.
    const saving = 228 * 0.14 + 647 * 0.55 + 900 * 0.31;
    expect(exit.perStarter.benefitSavingPerMonth).toBeCloseTo(saving, 9);
    expect(exit.scenarios.project.rows['client.benefit']).toBeCloseTo(48 * 900 - 0.063 * 42 * saving, 9);
    expect(exit.table['municipality.benefit'].deltaNone).toBeCloseTo(0.063 * 42 * saving, 9);
  });

  it('computes care cost from Table 8: non-starters at their mean, starters at 83.02 after the start', () => {
    const vip = computeMkba(params, 'vip-amsterdam');
    const nonStarter = (180.68 + 175.65) / 2;
    expect(-vip.scenarios.none.rows['insurer.care']).toBeCloseTo(48 * nonStarter, 9);
    expect(-vip.scenarios.project.rows['insurer.care']).toBeCloseTo(48 * nonStarter - 0.293 * 42 * (nonStarter - 83.02), 9);
  });

  it('applies the §5.1.4 job-coaching rule: 15% / 7.5% / 6% of contract hours, only for ≥ 6 months and ≥ 12 h/week', () => {
    expect(jobCoachingCost(params, { hoursPerWeek: 20, contractMonths: 12, workMonths: 36 })).toBeCloseTo(20 * 4.3 * 12 * (0.15 + 0.075 + 0.06) * 92, 9);
    expect(jobCoachingCost(params, { hoursPerWeek: 20, contractMonths: 12, workMonths: 18 })).toBeCloseTo(20 * 4.3 * (12 * 0.15 + 6 * 0.075) * 92, 9);
    expect(jobCoachingCost(params, { hoursPerWeek: 11.5, contractMonths: 12, workMonths: 36 })).toBe(0);
    expect(jobCoachingCost(params, { hoursPerWeek: 36, contractMonths: 5, workMonths: 36 })).toBe(0);
  });

  it('runs on a live cohort’s measured rates instead of the report’s', () => {
    const live = computeMkba(params, 'vip-amsterdam', { startProbability: 0.5, hoursDistribution: { upTo8: 0, over8UpTo28: 0, over28: 1 } });
    expect(live.table['client.workIncome'].project).toBeCloseTo(0.5 * 42 * 1365.336, 6);
    expect(live.scenarios.project.startProbability).toBe(0.5);
  });
});

describe('report 002 Tables 9–11 reproduced from the report’s own inputs, cell by cell', () => {
  for (const table of reproduceAllMkbaTables(params)) {
    describe(table.table, () => {
      const determined = table.cells.filter((c) => c.missingInputs.length === 0);
      const assumed = table.cells.filter((c) => c.missingInputs.length > 0);

      it('reproduces every cell the stated inputs determine, within rounding', () => {
        expect(determined.length).toBeGreaterThan(0);
        for (const cell of determined) {
          expect({ cell: `${cell.row}/${cell.column}`, withinRounding: Math.abs(cell.difference) <= cell.tolerance }).toEqual({ cell: `${cell.row}/${cell.column}`, withinRounding: true });
        }
      });

      it('names the missing input of every other cell and shows the difference under the documented assumption', () => {
        for (const cell of assumed) {
          expect(cell.status).toBe('assumption');
          expect(cell.missingInputs.every((m) => m.length > 10)).toBe(true);
          expect(cell.difference).toBeCloseTo(cell.engine - cell.report, 9);
        }
      });
    });
  }

  it('has every Table 9–11 cell accounted for: 6 rows × 5 columns per project', () => {
    for (const p of projectIds) expect(reproduceMkbaTable(params, p).cells).toHaveLength(30);
  });

  it('determines exactly the cost rows, the no-reintegration care and income cells, and ExIT’s no-reintegration benefit', () => {
    const determinedKeys = (p: (typeof projectIds)[number]) =>
      reproduceMkbaTable(params, p)
        .cells.filter((c) => c.missingInputs.length === 0)
        .map((c) => `${c.row}/${c.column}`);
    expect(determinedKeys('exit-rotterdam')).toEqual(expect.arrayContaining(['municipality.benefit/none', 'client.benefit/none', 'insurer.care/none', 'client.workIncome/none']));
    // VIP and IPS-NHN have WW and 'Overig' clients, whose benefit level the report never gives.
    expect(determinedKeys('vip-amsterdam')).not.toContain('municipality.benefit/none');
    expect(determinedKeys('ips-nhn')).not.toContain('municipality.benefit/none');
  });
});

describe('report 002 Table 12 (payback) reproduced', () => {
  const rows = reproduceTable12(params);

  it('computes one payback per project, stakeholder and comparison, and names the unstated method', () => {
    expect(rows).toHaveLength(12);
    for (const r of rows) expect(r.missingInputs[0]).toMatch(/payback method/);
  });

  it('agrees with the printed period wherever the comparison is "> 8" or no investment, from the report’s own cells', () => {
    for (const r of rows.filter((x) => x.report === '>8' || x.report === 0)) expect(r.fromReportCells).toBe(r.report);
  });

  it('from the report’s own Table 9 cells gives VIP’s municipal 4.4 years as printed', () => {
    const vip = rows.find((r) => r.project === 'vip-amsterdam' && r.stakeholder === 'municipality' && r.against === 'vsNone')!;
    expect(vip.fromReportCells).toBe(report002Table12['vip-amsterdam'].municipality.vsNone);
  });
});
