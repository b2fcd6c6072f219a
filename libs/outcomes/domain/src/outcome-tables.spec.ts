import { describe, expect, it } from 'vitest';
import { suppressSmallCells, toCsv } from './disclosure-control';
import { outcomeTable, type OutcomeTable } from './outcome-tables';
import { parameters002_2016 } from './parameters/report-002-2016';
import { accepted, client, job, opened, zrm } from './testing/cohort';
import type { Trajectory } from './trajectory';

// Six VIP clients started 2024-01-01; four start work at months 2, 3, 3 and 14; one drops out at month 4; one has no research consent.
const cohort: Trajectory[] = [
  client(1, [...opened('2024-01-01'), accepted('2024-01-10'), job('p1', '2024-03-01', 6), { type: 'BenefitEnded', reasonCode: 'employee', on: '2024-04-01' }]),
  client(2, [
    ...opened('2024-01-01'),
    accepted('2024-01-10'),
    job('p2', '2024-04-01', 36),
    { type: 'PlacementEnded', placementId: 'p2', endDate: '2024-06-01', reason: 'dismissed' },
    job('p3', '2024-09-01', 36, 2),
  ]),
  client(3, [...opened('2024-01-01'), accepted('2024-01-10'), job('p4', '2024-04-01', 20), { type: 'BenefitEnded', reasonCode: 'subsidised-work', on: '2024-05-01' }]),
  client(4, [...opened('2024-01-01'), accepted('2024-01-10'), job('p5', '2025-03-01', 20)]),
  client(5, [...opened('2024-01-01'), { type: 'DroppedOut', phase: 'screening', reasonCode: 'motivation', on: '2024-05-01' }, { type: 'BenefitEnded', reasonCode: 'moved', on: '2024-06-01' }]),
  client(6, [
    ...opened('2024-01-01', 'wajong'),
    { type: 'ParticipationMeasured', moment: 'baseline', ladderRung: 2, zrmScores: zrm(3), on: '2024-01-02' },
    { type: 'ConsentWithdrawn', consentId: 'r-2024-01-01', purpose: 'research', on: '2024-02-01' },
  ]),
];
const options = { asOf: '2025-06-30', parameters: parameters002_2016 };
const vip = (t: OutcomeTable) => t.rows.filter((r) => r['project'] === 'vip-amsterdam' || r['group'] === 'vip-amsterdam');

describe('trajectory fold', () => {
  it('assigns the project from the care provider and keeps no ZRM score, only its mean', () => {
    const t = client(7, [...opened('2024-01-01'), { type: 'ParticipationMeasured', moment: 'baseline', ladderRung: 2, zrmScores: [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 3], on: '2024-01-02' }]);
    expect(t.project).toBe('vip-amsterdam');
    expect(t.measurements.baseline).toEqual({ ladderRung: 2, zrmMean: 33 / 11, on: '2024-01-02' });
  });

  it('starts the trajectory at intake: a baseline measured before the case was opened moves the start back', () => {
    const t = client(9, [
      { type: 'CaseOpened', municipalityId: 'gemeente-amsterdam', on: '2024-06-01' },
      { type: 'ParticipationMeasured', moment: 'baseline', ladderRung: 2, zrmScores: zrm(3), on: '2024-03-01' },
      { type: 'ParticipationMeasured', moment: '6-months', ladderRung: 3, zrmScores: zrm(3), on: '2024-09-01' },
    ]);
    expect(t.startedOn).toBe('2024-03-01');
  });

  it('applies a repeated placement once (replay)', () => {
    const f = job('p1', '2024-03-01');
    expect(client(8, [...opened('2024-01-01'), f, f]).placements).toHaveLength(1);
  });
});

describe('outcome tables', () => {
  it('counts the flow with explicit denominators and both outflow definitions (report 000 §2.3), every client', () => {
    const [row] = vip(outcomeTable('flow', cohort, options));
    expect(row).toMatchObject({ registered: 6, referred: 6, started: 4, placed: 4, droppedOut: 1, withBenefit: 6, outflowDef1: 1, outflowDef2: 2 });
    expect(row!['outflowDef2OfWithBenefit']).toBeCloseTo(2 / 6, 12);
    expect(row!['placedOfStarted']).toBe(1);
  });

  it('groups exit reasons as report 003 Table 7', () => {
    const [row] = vip(outcomeTable('exit-reasons', cohort, options));
    expect(row).toMatchObject({ withBenefit: 6, stillOnBenefit: 3, externalCause: 1, clientCauseNotWork: 0, toWork: 2 });
  });

  it('counts dropout by phase and reason', () => {
    const screening = vip(outcomeTable('dropout', cohort, options)).find((r) => r['phase'] === 'screening');
    expect(screening).toMatchObject({ total: 1, motivation: 1, 'care-advice': 0 });
  });

  it('estimates time to work by Kaplan–Meier over research-consent clients only, censoring the dropout', () => {
    const rows = vip(outcomeTable('time-to-work', cohort, options));
    const m12 = rows.find((r) => r['month'] === 12)!;
    // Five clients with consent; events at ≈2, 3, 3 months; the dropout censored at ≈4; one event at 14 (beyond 12).
    expect(m12['n']).toBe(5);
    expect(m12['incidence']).toBeCloseTo(3 / 5, 12);
    expect(m12['startedByMonth']).toBe(3);
  });

  it('measures durability: job loss, second job, still working', () => {
    const [row] = vip(outcomeTable('durability', cohort, options));
    expect(row).toMatchObject({ starters: 4, lostAJob: 1, secondJob: 1, thirdJob: 0, followed12m: 3, working12m: 3 });
  });

  it('estimates the loss of the first job (Figure 8) and counts contract types (Figure 7)', () => {
    const m12 = vip(outcomeTable('job-loss', cohort, options)).find((r) => r['month'] === 12)!;
    // Four first jobs; one lost after two months (1 of 4 at risk), the others last to the as-of date.
    expect(m12).toMatchObject({ starters: 4, lostByMonth: 1 });
    expect(m12['incidence']).toBeCloseTo(1 / 4, 12);
    expect(vip(outcomeTable('contracts', cohort, options))[0]).toMatchObject({ starters: 4, 'temporary-6m': 4, permanent: 0 });
  });

  it('adds all projects together to the research tables when no project is asked for', () => {
    const rows = outcomeTable('durability', cohort, options).rows;
    expect(rows.map((r) => r['project'])).toEqual(['vip-amsterdam', 'ips-nhn', 'exit-rotterdam', 'all-projects']);
    expect(rows.at(-1)).toMatchObject({ starters: 4 });
    expect(outcomeTable('durability', cohort, { ...options, project: 'vip-amsterdam' }).rows).toHaveLength(1);
  });

  it('leaves a client out of the research tables once the research consent is withdrawn', () => {
    const movement = vip(outcomeTable('movement', cohort, options));
    expect(movement.every((r) => r['nPaired'] === 0)).toBe(true);
  });

  it('uses a research consent only within its validity', () => {
    const expiring = client(10, [
      ...opened('2024-01-01').filter((f) => f.type !== 'ConsentGranted'),
      { type: 'ConsentGranted', consentId: 'r-exp', purpose: 'research', on: '2024-01-01', validTo: '2024-12-31' },
    ]);
    const n = (asOf: string) => vip(outcomeTable('time-to-work', [expiring], { ...options, asOf })).find((r) => r['month'] === 0)!['n'];
    expect(n('2024-06-30')).toBe(1);
    expect(n('2025-06-30')).toBe(0);
  });

  it('suppresses counts of 1–4 and what is computed from them, keeps zeros, and writes CSV', () => {
    const table = suppressSmallCells(outcomeTable('flow', cohort, options));
    const [row] = vip(table);
    expect(row).toMatchObject({ registered: 6, droppedOut: null, outflowDef1: null, outflowDef2OfWithBenefit: null, placedOfStarted: null });
    expect(table.suppressedCells).toBeGreaterThan(0);
    const csv = toCsv(table).split('\n');
    expect(csv[0]).toMatch(/^group,registered,referred/);
    expect(csv[1]).toMatch(/^vip-amsterdam,6,6,0,,/);
  });

  it('withholds a Kaplan–Meier estimate whose events are a small cell (3 of 5 would be recoverable from 0.6)', () => {
    const m12 = vip(suppressSmallCells(outcomeTable('time-to-work', cohort, options))).find((r) => r['month'] === 12)!;
    expect(m12).toMatchObject({ n: 5, startedByMonth: null, incidence: null, lower95: null, upper95: null });
  });

  it('runs the MKBA on the live cohort’s measured rates', () => {
    const rows = vip(outcomeTable('mkba', cohort, options));
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r['row'] === 'municipality.reintegration')!['withProject']).toBe(-5000);
    expect(rows.find((r) => r['row'] === 'client.workIncome')!['withProject']).toBeGreaterThan(0);
  });
});

describe('charts', () => {
  it('draws the Kaplan–Meier curves from the suppressed table, a withheld project as a gap', async () => {
    const { kaplanMeierChart, flowChart, mkbaChart } = await import('./charts');
    const { computeMkba } = await import('./mkba');
    const km = kaplanMeierChart(suppressSmallCells(outcomeTable('time-to-work', cohort, options)));
    expect(km).toMatch(/^<svg /);
    // The withheld project is named in the legend, with the remark on the line below it.
    expect(km).toMatch(/>ips-nhn<\/text><text [^>]*>\(withheld or none\)<\/text>/);
    const unsuppressed = kaplanMeierChart(outcomeTable('time-to-work', cohort, options));
    expect(unsuppressed).toMatch(/<path d="M[^"]+H[^"]+V/);
    // Suppression removes the steps the 3 events would draw.
    expect((km.match(/V/g) ?? []).length).toBeLessThan((unsuppressed.match(/V/g) ?? []).length);
    const flow = flowChart(suppressSmallCells(outcomeTable('flow', cohort, options)));
    expect(flow).toContain('>6</text>');
    expect(flow).toContain('withheld (&lt; 5)');
    const mkba = mkbaChart(computeMkba(parameters002_2016, 'vip-amsterdam'), 'VIP');
    expect(mkba).toContain('zorgverzekeraar');
  });
});
