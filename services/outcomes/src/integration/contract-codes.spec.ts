// The tables declare sums that secondary suppression relies on (dropout reasons add up to
// the total, exit-reason groups to the clients with a benefit, contract types to the
// starters). Each holds only if every code the contract allows falls in one part: a client
// per code, sent as contract-valid events and folded as the service folds them, checks it —
// so a code added to a contract and not to the domain's list fails here, not in a report.
import { describe, expect, it } from 'vitest';
import { benefitEndReasons, dropoutReasons, placementContractTypes, trajectoryPhases } from '@wcc/contracts';
import { additiveRelations, outcomeTable, parameters002_2016, type OutcomeTable } from '@wcc/outcomes-domain';
import { addDays, eventsOf, foldCohortEvents, planCohort, type ClientPlan } from '../testing/cohort';

const AS_OF = '2025-12-31';
const dropouts = trajectoryPhases.flatMap((phase) => dropoutReasons.map((reasonCode) => ({ phase, reasonCode })));
const base = planCohort(dropouts.length + benefitEndReasons.length + placementContractTypes.length, 3);
const quiet = (p: ClientPlan): ClientPlan => ({ ...p, jobs: [], dropout: null, benefitEnded: null, accepted: true, researchConsent: true, researchWithdrawn: false });
const plans: ClientPlan[] = [
  ...dropouts.map((d, i) => ({ ...quiet(base[i]!), dropout: { ...d, on: addDays(base[i]!.startedOn, 50) } })),
  ...benefitEndReasons.map((reasonCode, j) => {
    const p = base[dropouts.length + j]!;
    return { ...quiet(p), benefitType: 'wwb' as const, benefitEnded: { reasonCode, on: addDays(p.startedOn, 60) } };
  }),
  ...placementContractTypes.map((contractType, k) => {
    const p = base[dropouts.length + benefitEndReasons.length + k]!;
    return { ...quiet(p), jobs: [{ startDate: addDays(p.startedOn, 30), endDate: null, hoursPerWeek: 20, contractType }] };
  }),
];
const trajectories = foldCohortEvents(plans.flatMap((p) => eventsOf(p, AS_OF)));
const table = (id: 'dropout' | 'exit-reasons' | 'contracts') => outcomeTable(id, trajectories, { asOf: AS_OF, parameters: parameters002_2016 });
const sum = (t: OutcomeTable, column: string, rows = t.rows) => rows.reduce((a, r) => a + (r[column] as number), 0);

function unbalanced(t: OutcomeTable): string[] {
  return additiveRelations(t).flatMap((r) => {
    const total = t.rows[r.total.row]![r.total.column] as number;
    const parts = r.parts.reduce((a, p) => a + (t.rows[p.row]![p.column] as number), 0);
    return parts === total ? [] : [`${JSON.stringify(r.total)}: ${total} ≠ ${parts}`];
  });
}

describe('the tables’ declared sums over every code the contracts allow', () => {
  it('counts every dropout phase and reason in one reason column of one phase row', () => {
    const t = table('dropout');
    expect(unbalanced(t)).toEqual([]);
    expect(sum(t, 'total')).toBe(dropouts.length);
    for (const reason of dropoutReasons) expect(sum(t, reason), reason).toBe(trajectoryPhases.length);
  });

  it('puts every benefit end reason in one exit-reason group', () => {
    const t = table('exit-reasons');
    expect(unbalanced(t)).toEqual([]);
    const ended = sum(t, 'externalCause') + sum(t, 'clientCauseNotWork') + sum(t, 'toWork');
    expect(ended).toBe(benefitEndReasons.length);
  });

  it('counts every paid contract type in one contract column, the unpaid trial placement in none', () => {
    const t = table('contracts');
    expect(unbalanced(t)).toEqual([]);
    expect(additiveRelations(t).length).toBeGreaterThan(t.rows.length);
    expect(t.rows.find((r) => r['project'] === 'all-projects')!['starters']).toBe(placementContractTypes.length - 1);
  });
});
