// Report 002 Tables 9–12 reproduced from the report's own inputs, cell by cell: for every
// cell, whether the stated inputs determine it; if so the engine's value must lie within
// rounding of the printed one, if not the missing input is named, the parameter set's
// assumption is used and the difference shown.
import { asPrintedPayback, computeMkba, type MkbaResult } from './mkba';
import { projectIds, reportBenefitTypes, type ParameterSet, type ProjectId } from './parameters/report-002-2016';
import { mkbaColumns, mkbaRowKeys, publishedMkbaTables, report002Table12, type MkbaColumn, type MkbaRowKey, type Payback } from './published/report-tables';

export interface ReproducedCell {
  readonly row: MkbaRowKey;
  readonly column: MkbaColumn;
  readonly report: number;
  readonly engine: number;
  readonly difference: number;
  /** Inputs the report does not state that this cell depends on; empty = determined. */
  readonly missingInputs: readonly string[];
  /** For a determined cell: how far the printed value may lie from the engine's by rounding. */
  readonly tolerance: number;
  readonly status: 'reproduced' | 'differs' | 'assumption';
}

export interface ReproducedTable {
  readonly table: string;
  readonly project: ProjectId;
  readonly cells: readonly ReproducedCell[];
  readonly mkba: MkbaResult;
}

const START_MONTH = 'when in the first year starters start work (meanStartMonth; §5.1.3 "gemiddelde duur … voor- en na het verkrijgen van betaald werk")';

function columnInputs(params: ParameterSet, project: ProjectId, row: MkbaRowKey, column: 'none' | 'regular' | 'project'): string[] {
  const missing: string[] = [];
  const withStarters = column !== 'none';
  const isBenefit = row === 'municipality.benefit' || row === 'client.benefit';
  if (withStarters && (isBenefit || row === 'insurer.care' || row === 'client.workIncome')) missing.push(START_MONTH);
  if (isBenefit) {
    const mix = params.projects[project].benefitMix.value;
    for (const type of reportBenefitTypes) {
      if (mix[type] > 0 && (params.benefitAtStart[type].value === null || (withStarters && params.benefitAfterWork[type].value === null))) {
        missing.push(`monthly benefit level of '${type}' (${Math.round(mix[type] * 100)}% of the project; Table 7 gives none)`);
      }
    }
  }
  return missing;
}

function cellInputs(params: ParameterSet, project: ProjectId, row: MkbaRowKey, column: MkbaColumn): string[] {
  switch (column) {
    case 'none':
    case 'regular':
    case 'project':
      return columnInputs(params, project, row, column);
    case 'deltaNone':
      return [...new Set([...columnInputs(params, project, row, 'project'), ...columnInputs(params, project, row, 'none')])];
    case 'deltaRegular':
      return [...new Set([...columnInputs(params, project, row, 'project'), ...columnInputs(params, project, row, 'regular')])];
    default: {
      const never: never = column;
      return never;
    }
  }
}

function toleranceOf(params: ParameterSet, row: MkbaRowKey): number {
  // Printed to the euro (±0.5), plus the benefit levels' own rounding to the euro (±0.5 a month over the horizon).
  const isBenefit = row === 'municipality.benefit' || row === 'client.benefit';
  return 1 + (isBenefit ? 0.5 * params.horizonMonths.value : 0);
}

export function reproduceMkbaTable(params: ParameterSet, project: ProjectId): ReproducedTable {
  const published = publishedMkbaTables[project];
  const mkba = computeMkba(params, project);
  const cells: ReproducedCell[] = [];
  for (const row of mkbaRowKeys) {
    for (const column of mkbaColumns) {
      const report = published.rows[row][column];
      const engine = mkba.table[row][column];
      const missingInputs = cellInputs(params, project, row, column);
      const tolerance = toleranceOf(params, row);
      const difference = engine - report;
      const status = missingInputs.length > 0 ? 'assumption' : Math.abs(difference) <= tolerance ? 'reproduced' : 'differs';
      cells.push({ row, column, report, engine, difference, missingInputs, tolerance, status });
    }
  }
  return { table: published.table, project, cells, mkba };
}

export interface ReproducedPayback {
  readonly project: ProjectId;
  readonly stakeholder: 'municipality' | 'insurer';
  readonly against: 'vsNone' | 'vsRegular';
  readonly report: Payback;
  /** From the report's own Table 9–11 cells (investment ÷ horizon saving per year). */
  readonly fromReportCells: Payback;
  /** From the engine's cells. */
  readonly engine: Payback;
  readonly missingInputs: readonly string[];
}

const PAYBACK_METHOD = 'the payback method (§5.3 does not say how savings are spread over time); assumed linear over the 4-year horizon';

function paybackFromCells(investment: number, saving: number, years: number): Payback {
  return asPrintedPayback(investment <= 0 ? 0 : saving <= 0 ? null : investment / (saving / years));
}

export function reproduceTable12(params: ParameterSet): ReproducedPayback[] {
  const out: ReproducedPayback[] = [];
  const years = params.horizonMonths.value / 12;
  for (const project of projectIds) {
    const published = publishedMkbaTables[project].rows;
    const mkba = computeMkba(params, project);
    for (const stakeholder of ['municipality', 'insurer'] as const) {
      for (const against of ['vsNone', 'vsRegular'] as const) {
        const col = against === 'vsNone' ? 'deltaNone' : 'deltaRegular';
        const costRow = stakeholder === 'municipality' ? 'municipality.reintegration' : 'insurer.reintegration';
        const savingRow = stakeholder === 'municipality' ? 'municipality.benefit' : 'insurer.care';
        out.push({
          project,
          stakeholder,
          against,
          report: report002Table12[project][stakeholder][against],
          fromReportCells: paybackFromCells(-published[costRow][col], published[savingRow][col], years),
          engine: asPrintedPayback(mkba.payback[stakeholder][against]),
          missingInputs: [PAYBACK_METHOD],
        });
      }
    }
  }
  return out;
}

export function reproduceAllMkbaTables(params: ParameterSet): ReproducedTable[] {
  return projectIds.map((p) => reproduceMkbaTable(params, p));
}
