// Small-cell suppression, as statistics offices do. Primary: a count of 1…(min−1) is
// withheld. Secondary: where a table's counts add up (parts of a total column, group rows
// of a total row), a withheld count could be recomputed as the total minus the shown parts,
// so another cell of that sum is withheld too — the smallest shown non-zero part, else the
// total (the usual heuristic) — until no withheld count follows from the sums, neither from
// one of them nor from several combined. Every share, mean or value computed from a withheld
// count is withheld with it. Zero is shown (it identifies no one) and counts as known.
// A project's answer of a table with an all-projects row is cut from the whole table's
// suppression, so that the two answers together give nothing back either. Not protected:
// bounds (a withheld count lies between 0 and what the shown cells leave), and differences
// between other answers (another asOf, groupBy or minCell). CSV of any table.
import { outcomeTable, type Cell, type OutcomeTable, type TableId, type TableOptions } from './outcome-tables';
import type { Trajectory } from './trajectory';

export const DEFAULT_MIN_CELL = 5;

export interface SuppressedTable extends OutcomeTable {
  readonly minCell: number;
  /** Every withheld cell: counts and what is computed from them. */
  readonly suppressedCells: number;
  /** Of those, the cells withheld only by secondary suppression (counts, and what is computed from them). */
  readonly secondarySuppressedCells: number;
}

/** One count cell: a row's index and a column's key. */
export interface CellRef {
  readonly row: number;
  readonly column: string;
}

/** total = Σ parts, one equation of the table's declared additivity. */
export interface AdditiveRelation {
  readonly total: CellRef;
  readonly parts: readonly CellRef[];
}

/** The table's declared sums as equations over its count cells: parts of a total column within a row, group rows of a total row within a column. */
export function additiveRelations(table: OutcomeTable): AdditiveRelation[] {
  const counts = table.columns.filter((c) => c.kind === 'count');
  const relations: AdditiveRelation[] = [];
  const partsOf = new Map<string, string[]>();
  for (const c of counts) if (c.partOf !== undefined) partsOf.set(c.partOf, [...(partsOf.get(c.partOf) ?? []), c.key]);
  table.rows.forEach((_, row) => {
    for (const [total, parts] of partsOf) relations.push({ total: { row, column: total }, parts: parts.map((column) => ({ row, column })) });
  });
  const totals = table.rowTotals;
  if (totals) {
    const groups = new Map<string, { totalRows: number[]; partRows: number[] }>();
    table.rows.forEach((r, row) => {
      const key = JSON.stringify(totals.within.map((k) => r[k] ?? null));
      const group = groups.get(key) ?? { totalRows: [], partRows: [] };
      groups.set(key, group);
      (r[totals.label] === totals.total ? group.totalRows : group.partRows).push(row);
    });
    for (const { totalRows, partRows } of groups.values()) {
      for (const total of totalRows) {
        if (partRows.length === 0) continue;
        for (const c of counts) relations.push({ total: { row: total, column: c.key }, parts: partRows.map((row) => ({ row, column: c.key })) });
      }
    }
  }
  // A relation over a cell that is not a number (an unknown column, a null) is no equation anyone can use.
  return relations.filter((r) => [r.total, ...r.parts].every((ref) => typeof table.rows[ref.row]?.[ref.column] === 'number'));
}

/** Withheld count cells, per row. */
type Withheld = Set<string>[];
const has = (w: Withheld, ref: CellRef) => w[ref.row]?.has(ref.column) === true;

/** Primary then secondary suppression of the counts, then every share, mean or value whose basis is withheld. Notes say what was done, in Dutch and English. */
export function suppressSmallCells(table: OutcomeTable, minCell = DEFAULT_MIN_CELL): SuppressedTable {
  const small = (v: Cell) => typeof v === 'number' && v > 0 && v < minCell;
  const primary: Withheld = table.rows.map((row) => new Set(table.columns.filter((c) => c.kind === 'count' && small(row[c.key] ?? null)).map((c) => c.key)));
  const relations = additiveRelations(table);
  const withheld = withholdComplements(table, relations, primary);
  const primaryOnly = blank(table, primary);
  const final = blank(table, withheld);
  const secondarySuppressedCells = final.suppressedCells - primaryOnly.suppressedCells;
  const notes = [...table.notes, ...suppressionNotes(minCell, relations.length > 0 ? secondarySuppressedCells : null)];
  return { ...table, rows: final.rows, minCell, suppressedCells: final.suppressedCells, secondarySuppressedCells, notes };
}

function suppressionNotes(minCell: number, secondary: number | null): string[] {
  return [
    `Cellen met 1–${minCell - 1} cliënten, en wat daaruit berekend is, zijn weggelaten (leeg). / Cells with 1–${minCell - 1} clients, and what is computed from them, are withheld (empty).`,
    ...(secondary === null
      ? []
      : [
          `Secundaire onderdrukking: waar een weggelaten cel uit een totaal en de getoonde andere delen (ook via meer sommen samen) terug te rekenen was, is ook een andere cel van die som weggelaten (${secondary} cellen, met wat daaruit berekend is). / Secondary suppression: where a withheld cell could be recomputed from a total and its shown other parts (also through several sums together), another cell of that sum is withheld too (${secondary} cells, with what is computed from them).`,
        ]),
  ];
}

/**
 * A table as it may leave the service, suppressed. A project's answer of a table whose
 * project rows add up to an all-projects row is cut from the whole table's suppressed rows:
 * suppressed on its own it would show a project's cell that the whole table withholds to
 * protect another project's small cell, and the two answers together would give that back.
 */
export function suppressedOutcomeTable(id: TableId, trajectories: readonly Trajectory[], o: TableOptions, minCell = DEFAULT_MIN_CELL): SuppressedTable {
  const own = outcomeTable(id, trajectories, o);
  if (o.project === undefined) return suppressSmallCells(own, minCell);
  const { project, ...allProjects } = o;
  const whole = outcomeTable(id, trajectories, allProjects);
  const totals = whole.rowTotals;
  if (!totals) return suppressSmallCells(own, minCell);
  const suppressed = suppressSmallCells(whole, minCell);
  const picked = whole.rows.flatMap((r, i) => (r[totals.label] === project ? [i] : []));
  const rows = picked.map((i) => suppressed.rows[i]!);
  const suppressedCells = picked.reduce((n, i) => n + whole.columns.filter((c) => whole.rows[i]![c.key] !== null && suppressed.rows[i]![c.key] === null).length, 0);
  const primary = suppressSmallCells({ ...whole, columns: whole.columns.map(({ partOf: _, ...c }) => c), rows: picked.map((i) => whole.rows[i]!), rowTotals: undefined }, minCell).suppressedCells;
  return {
    ...own,
    rows,
    minCell,
    suppressedCells,
    secondarySuppressedCells: suppressedCells - primary,
    notes: [
      ...own.notes,
      ...suppressionNotes(minCell, suppressedCells - primary),
      `Onderdrukt als deel van de tabel van alle projecten, zodat dit antwoord en dat samen geen weggelaten cel teruggeven. / Suppressed as part of the table of all projects, so that this answer and that one together give no withheld cell back.`,
    ],
  };
}

function blank(table: OutcomeTable, withheld: Withheld): { rows: Record<string, Cell>[]; suppressedCells: number } {
  let suppressedCells = 0;
  const rows = table.rows.map((row, i) => {
    const out: Record<string, Cell> = { ...row };
    const here = withheld[i] ?? new Set<string>();
    for (const c of table.columns) {
      const derived = c.kind !== 'count' && c.kind !== 'label' && (c.basis ?? []).some((b) => here.has(b)) && row[c.key] !== null;
      if ((c.kind === 'count' && here.has(c.key)) || derived) {
        out[c.key] = null;
        suppressedCells++;
      }
    }
    return out;
  });
  return { rows, suppressedCells };
}

/**
 * Secondary suppression: from the primary cells, withhold more until no withheld count is
 * determined by the relations — first by one equation (total minus the shown parts, the
 * common check), then by the relations combined (a withheld cell fixed by the linear system,
 * as where a row sum and a column sum meet in a two-way table).
 */
function withholdComplements(table: OutcomeTable, relations: readonly AdditiveRelation[], primary: Withheld): Withheld {
  const withheld: Withheld = primary.map((s) => new Set(s));
  const value = (ref: CellRef) => table.rows[ref.row]?.[ref.column] as number;
  const cellsOf = (r: AdditiveRelation) => [r.total, ...r.parts];
  const same = (a: CellRef, b: CellRef) => a.row === b.row && a.column === b.column;
  /** The cell to withhold next for `among`: the smallest shown non-zero part, else the smallest shown non-zero total (first in table order on a tie). */
  const complement = (among: readonly AdditiveRelation[]): CellRef | undefined => {
    const smallest = (refs: readonly CellRef[]) =>
      refs.filter((r) => !has(withheld, r) && value(r) !== 0).reduce<CellRef | undefined>((best, r) => (best === undefined || value(r) < value(best) ? r : best), undefined);
    return smallest(among.flatMap((r) => r.parts)) ?? smallest(among.map((r) => r.total));
  };
  /** For a cell fixed by several relations: the relations that hold it, widened along withheld cells until one has a shown non-zero cell to take. */
  const complementAround = (cell: CellRef): CellRef | undefined => {
    let around = relations.filter((r) => cellsOf(r).some((ref) => same(ref, cell)));
    for (;;) {
      const next = complement(around);
      if (next) return next;
      const unknowns = around.flatMap(cellsOf).filter((ref) => has(withheld, ref));
      const wider = relations.filter((r) => cellsOf(r).some((ref) => unknowns.some((u) => same(u, ref))));
      if (wider.length === around.length) return undefined;
      around = wider;
    }
  };
  for (;;) {
    const exposed = relations.filter((r) => cellsOf(r).filter((ref) => has(withheld, ref)).length === 1);
    // One unknown in a sum: withhold a second cell of the same sum. (Only a sum that does not add up can leave none to take.)
    let next = exposed.map((r) => complement([r])).find((ref) => ref !== undefined);
    for (const cell of next ? [] : determinedCells(relations, withheld)) {
      next = complementAround(cell);
      if (next) break;
    }
    if (!next) return withheld;
    withheld[next.row]!.add(next.column);
  }
}

/**
 * The withheld cells the relations fix to one value: x is determined when the unit vector
 * of x lies in the row space of the system (total − Σ parts = 0 over the withheld cells,
 * the shown ones moved to the right-hand side). Read off the reduced row echelon form: a
 * pivot whose row has no entry in a free column.
 */
function determinedCells(relations: readonly AdditiveRelation[], withheld: Withheld): CellRef[] {
  const unknowns: CellRef[] = [];
  const index = new Map<string, number>();
  const id = (ref: CellRef) => `${ref.row}\u0000${ref.column}`;
  const matrix: [number, number][][] = [];
  for (const r of relations) {
    const terms: [CellRef, number][] = [[r.total, 1], ...r.parts.map((p): [CellRef, number] => [p, -1])];
    const row = new Map<number, number>();
    for (const [ref, sign] of terms) {
      if (!has(withheld, ref)) continue;
      let i = index.get(id(ref));
      if (i === undefined) {
        i = unknowns.length;
        index.set(id(ref), i);
        unknowns.push(ref);
      }
      row.set(i, (row.get(i) ?? 0) + sign);
    }
    if (row.size > 0) matrix.push([...row]);
  }
  const n = unknowns.length;
  const rows = matrix.map((entries) => {
    const dense = new Array<number>(n).fill(0);
    for (const [i, v] of entries) dense[i] = v;
    return dense;
  });
  const EPS = 1e-9;
  const pivots: number[] = [];
  let r = 0;
  for (let col = 0; col < n && r < rows.length; col++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) if (Math.abs(rows[i]![col]!) > Math.abs(rows[best]![col]!)) best = i;
    if (Math.abs(rows[best]![col]!) < EPS) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivotRow = rows[r]!;
    const p = pivotRow[col]!;
    for (let j = 0; j < n; j++) pivotRow[j] = pivotRow[j]! / p;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![col]!;
      if (Math.abs(f) < EPS) continue;
      const target = rows[i]!;
      for (let j = 0; j < n; j++) target[j] = target[j]! - f * pivotRow[j]!;
    }
    pivots.push(col);
    r++;
  }
  const isPivot = new Set(pivots);
  return pivots.flatMap((col, i) => (rows[i]!.every((v, j) => isPivot.has(j) || Math.abs(v) < EPS) ? [unknowns[col]!] : []));
}

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : v;
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(table: OutcomeTable): string {
  const header = table.columns.map((c) => csvCell(c.key)).join(',');
  const lines = table.rows.map((r) => table.columns.map((c) => csvCell(r[c.key] ?? null)).join(','));
  return [header, ...lines].join('\n') + '\n';
}
