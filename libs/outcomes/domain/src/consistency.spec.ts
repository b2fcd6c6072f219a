import { describe, expect, it } from 'vitest';
import { findings, reportConsistencyChecks } from './consistency';
import { parameters002_2016 } from './parameters/report-002-2016';

const checks = reportConsistencyChecks(parameters002_2016);
const slips = findings(checks);
const at = (where: string) => slips.filter((c) => c.where.includes(where));

describe('consistency checks over the reports’ own figures', () => {
  it('recomputes well over a hundred published figures from their parts', () => {
    expect(checks.length).toBeGreaterThan(100);
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
  });

  it('finds the arithmetic slips in report 002 with both numbers', () => {
    expect(at('Table 7, wwb, over8UpTo28, totaal inkomen')[0]).toMatchObject({ printed: 900, recomputed: 897 });
    expect(at('Table 7, wwb, over8UpTo28, uitkering na start werk')[0]).toMatchObject({ printed: 253, recomputed: 256 });
    expect(at('Table 7, wajong, upTo8, totaal inkomen')[0]).toMatchObject({ printed: 1131, recomputed: 1133 });
    expect(at('Table 8, nonStartersStart')[0]).toMatchObject({ printed: 180.68, recomputed: 180.92 });
    expect(at('Table 10, gemeente/UWV, uitkering, ∆ project−geen')[0]).toMatchObject({ printed: 2635, recomputed: 2636 });
    expect(at('Table 9, zorgverzekeraar, zorggebruik, ∆ project−regulier')[0]).toMatchObject({ printed: 553, recomputed: 552 });
    expect(at('alle cliënten, benefit: Overig')[0]).toMatchObject({ printed: 4, recomputed: 9.1 });
  });

  it('finds shares that no whole number of the stated n can give (Table 5, n=20)', () => {
    expect(at('Table 5, ips-nhn (n=20), upTo8')[0]).toMatchObject({ printed: 6, recomputed: 5 });
    expect(at('Table 5, vip-amsterdam')).toHaveLength(0);
  });

  it('finds where the text and the tables disagree, in 002 and 003', () => {
    const text = slips.filter((c) => c.kind === 'text-vs-table');
    expect(text.map((c) => [c.printed, c.recomputed])).toEqual(
      expect.arrayContaining([
        [9109, 9019],
        [20662, 2066],
        [2.5, 2.7],
        [2051, 2041],
      ]),
    );
  });

  it('finds Table 12 periods that its own Table 9–11 cells do not give by any stated method', () => {
    const method = at('Table 12').map((c) => [c.where, c.printed, c.recomputed]);
    expect(method).toContainEqual(['002 Table 12, exit-rotterdam, municipality, vsNone', 6.8, 7.7]);
    // …while VIP's municipal 4.4 years follows from Table 9.
    expect(at('Table 12, vip-amsterdam, municipality, vsNone')).toHaveLength(0);
  });

  it('finds ExIT’s income implying more months of work than the horizon has, and VIP’s benefit row two per-starter values', () => {
    expect(at('Table 11, cliënt, inkomen werk')[0]?.printed).toBeGreaterThan(48);
    expect(at('Table 9, cliënt, uitkering')[0]).toMatchObject({ printed: 15413, recomputed: 14110 });
  });

  it('lets consistent figures pass: report 000 Tables 10–11, Table 6, the VIP column of Table 5', () => {
    for (const id of ['000-11-assessment-sum', '000-11-trialPlacement-sum', '000-11-placement-sum', '002-6-over28-month', '002-5-vip-amsterdam-sum']) {
      expect(checks.find((c) => c.id === id)?.ok).toBe(true);
    }
  });
});
