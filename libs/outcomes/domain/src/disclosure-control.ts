// Small-cell suppression, as statistics offices do: a count of 1…(min−1) is withheld,
// and so is every share, mean or value computed from a withheld count, so that no
// aggregate singles a client out. Zero is shown (it identifies no one). CSV of any table.
import type { Cell, OutcomeTable } from './outcome-tables';

export const DEFAULT_MIN_CELL = 5;

export interface SuppressedTable extends OutcomeTable {
  readonly minCell: number;
  readonly suppressedCells: number;
}

export function suppressSmallCells(table: OutcomeTable, minCell = DEFAULT_MIN_CELL): SuppressedTable {
  let suppressedCells = 0;
  const small = (v: Cell) => typeof v === 'number' && v > 0 && v < minCell;
  const rows = table.rows.map((row) => {
    const out: Record<string, Cell> = { ...row };
    const withheld = new Set<string>();
    for (const c of table.columns) {
      if (c.kind === 'count' && small(row[c.key] ?? null)) withheld.add(c.key);
    }
    for (const c of table.columns) {
      const basisSmall = (c.basis ?? []).some((b) => withheld.has(b) || small(row[b] ?? null));
      if (withheld.has(c.key) || (c.kind !== 'count' && c.kind !== 'label' && basisSmall && row[c.key] !== null)) {
        out[c.key] = null;
        suppressedCells++;
      }
    }
    return out;
  });
  return { ...table, rows, minCell, suppressedCells, notes: [...table.notes, `Cells with 1–${minCell - 1} clients, and what is computed from them, are withheld (empty).`] };
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
