// The live tables checked against themselves: a funnel never widens, the wider outflow
// definition holds the narrower one, dropout reasons add up to the phase total. Run on
// the unsuppressed tables; what is shown of a failing check is suppressed like a cell.
import { outcomeTable, type ConsistencyCheck, type TableOptions, type Trajectory } from '@wcc/outcomes-domain';

const shown = (n: number, minCell: number) => (n > 0 && n < minCell ? Number.NaN : n);

export function liveConsistencyChecks(trajectories: readonly Trajectory[], o: TableOptions & { readonly minCell: number }): ConsistencyCheck[] {
  const checks: ConsistencyCheck[] = [];
  const add = (id: string, where: string, what: string, a: number, b: number, ok: boolean) =>
    checks.push({ id, report: 'live', where, what, printed: shown(a, o.minCell), recomputed: shown(b, o.minCell), recomputedFrom: 'the live trajectories', tolerance: 0, ok, kind: 'slip' });
  for (const row of outcomeTable('flow', trajectories, o).rows) {
    const g = String(row['group']);
    const n = (k: string) => Number(row[k] ?? 0);
    add(`live-flow-${g}-referred`, `flow, ${g}`, 'referred ≤ registered', n('referred'), n('registered'), n('referred') <= n('registered'));
    add(`live-flow-${g}-placed`, `flow, ${g}`, 'placed ≤ registered', n('placed'), n('registered'), n('placed') <= n('registered'));
    add(`live-flow-${g}-outflow`, `flow, ${g}`, 'outflow def. 1 ≤ def. 2', n('outflowDef1'), n('outflowDef2'), n('outflowDef1') <= n('outflowDef2'));
  }
  for (const row of outcomeTable('dropout', trajectories, o).rows) {
    const reasons = Object.entries(row)
      .filter(([k]) => !['project', 'phase', 'total'].includes(k))
      .reduce((s, [, v]) => s + Number(v ?? 0), 0);
    add(
      `live-dropout-${String(row['project'])}-${String(row['phase'])}`,
      `dropout, ${String(row['project'])}, ${String(row['phase'])}`,
      'reasons add up to the phase total',
      Number(row['total']),
      reasons,
      Number(row['total']) === reasons,
    );
  }
  return checks;
}
