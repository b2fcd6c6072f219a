import { describe, expect, it } from 'vitest';
import { prng } from '@wcc/domain-kit';
import { suppressedOutcomeTable, suppressSmallCells } from './disclosure-control';
import { outcomeTable, tableIds, type Cell, type Column, type OutcomeTable, type RowTotals, type TableId, type TableOptions } from './outcome-tables';
import { parameters002_2016 } from './parameters/report-002-2016';
import { randomCohort } from './testing/cohort';

// The attacker's side, written apart from the code under test: the sums a reader can take
// from the table's declaration (column partOf, rowTotals), one subtraction over each, and
// the sums combined (is a withheld count the only value the system of sums allows?).

interface Sum {
  readonly total: readonly [number, string];
  readonly parts: readonly (readonly [number, string])[];
}

function declaredSums(t: OutcomeTable): Sum[] {
  const sums: Sum[] = [];
  const counts = t.columns.filter((c) => c.kind === 'count');
  for (const total of counts) {
    const parts = counts.filter((c) => c.partOf === total.key).map((c) => c.key);
    if (parts.length) t.rows.forEach((_, r) => sums.push({ total: [r, total.key], parts: parts.map((p) => [r, p] as const) }));
  }
  const rt = t.rowTotals;
  if (rt) {
    t.rows.forEach((row, r) => {
      if (row[rt.label] !== rt.total) return;
      const members = t.rows.flatMap((other, o) => (other[rt.label] !== rt.total && rt.within.every((k) => other[k] === row[k]) ? [o] : []));
      if (members.length) for (const c of counts) sums.push({ total: [r, c.key], parts: members.map((o) => [o, c.key] as const) });
    });
  }
  return sums;
}

const at = (t: OutcomeTable, [r, k]: readonly [number, string]): Cell => t.rows[r]?.[k] ?? null;

/** Every withheld count that one subtraction gives back: a sum with exactly one empty cell. */
function recoverableBySubtraction(shown: OutcomeTable, sums: readonly Sum[]) {
  const found: { row: number; column: string; value: number }[] = [];
  for (const s of sums) {
    const cells = [s.total, ...s.parts];
    const empty = cells.filter((c) => at(shown, c) === null);
    if (empty.length !== 1) continue;
    const [cell] = empty as [readonly [number, string]];
    const known = (c: readonly [number, string]) => at(shown, c) as number;
    const partsKnown = s.parts.filter((p) => p !== cell).reduce((a, p) => a + known(p), 0);
    found.push({ row: cell[0], column: cell[1], value: cell === s.total ? partsKnown : known(s.total) - partsKnown });
  }
  return found;
}

const P = 1_000_003;
const mod = (a: number) => ((a % P) + P) % P;
function inverse(a: number): number {
  let [r0, r1, s0, s1] = [mod(a), P, 1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return mod(s0);
}

/** Every withheld count the sums combined fix to one value: its unit vector lies in the row space of the system over the withheld cells (exact, modulo a prime). */
function fixedBySums(shown: OutcomeTable, sums: readonly Sum[]): string[] {
  const unknowns: string[] = [];
  const index = new Map<string, number>();
  const key = (c: readonly [number, string]) => `${c[0]}:${c[1]}`;
  const equations = sums.map((s) => {
    const eq = new Map<number, number>();
    for (const [c, sign] of [[s.total, 1] as const, ...s.parts.map((p) => [p, -1] as const)]) {
      if (at(shown, c) !== null) continue;
      if (!index.has(key(c))) {
        index.set(key(c), unknowns.length);
        unknowns.push(key(c));
      }
      const i = index.get(key(c))!;
      eq.set(i, mod((eq.get(i) ?? 0) + sign));
    }
    return eq;
  });
  const basis: { pivot: number; row: Map<number, number> }[] = [];
  const reduce = (v: Map<number, number>) => {
    for (const b of basis) {
      const f = v.get(b.pivot) ?? 0;
      if (f === 0) continue;
      for (const [j, x] of b.row) {
        const y = mod((v.get(j) ?? 0) - f * x);
        if (y === 0) v.delete(j);
        else v.set(j, y);
      }
    }
    return v;
  };
  for (const eq of equations) {
    const v = reduce(new Map([...eq].filter(([, x]) => x !== 0)));
    const first = [...v.keys()][0];
    if (first === undefined) continue;
    const inv = inverse(v.get(first)!);
    const row = new Map([...v].map(([j, x]) => [j, mod(x * inv)] as [number, number]));
    // Keep the basis reduced against the new pivot, so reducing a vector once over it suffices.
    for (const b of basis) {
      const f = b.row.get(first) ?? 0;
      if (f === 0) continue;
      for (const [j, x] of row) {
        const y = mod((b.row.get(j) ?? 0) - f * x);
        if (y === 0) b.row.delete(j);
        else b.row.set(j, y);
      }
    }
    basis.push({ pivot: first, row });
  }
  return unknowns.filter((_, i) => reduce(new Map([[i, 1]])).size === 0);
}

const count = (key: string, partOf?: string): Column => ({ key, label: key, kind: 'count', ...(partOf ? { partOf } : {}) });
const label = (key: string): Column => ({ key, label: key, kind: 'label' });
const table = (columns: Column[], rows: Record<string, Cell>[], rowTotals?: RowTotals): OutcomeTable => ({
  id: 'hand-made',
  title: 'hand-made',
  columns,
  rows,
  notes: [],
  researchOnly: false,
  ...(rowTotals ? { rowTotals } : {}),
});
const blanked = (t: OutcomeTable, cells: readonly (readonly [number, string])[]): OutcomeTable => ({
  ...t,
  rows: t.rows.map((row, r) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cells.some(([cr, ck]) => cr === r && ck === k) ? null : v]))),
});

describe('secondary suppression on hand-made tables', () => {
  const oneRow = table([label('group'), count('total'), count('a', 'total'), count('b', 'total'), count('c', 'total')], [{ group: 'x', total: 20, a: 3, b: 7, c: 10 }]);

  it('withholds a second part, the smallest shown non-zero one, when one part is small and the total and the others are shown', () => {
    // Withholding only the 3 gives it away: 20 − 7 − 10.
    expect(recoverableBySubtraction(blanked(oneRow, [[0, 'a']]), declaredSums(oneRow))).toEqual([{ row: 0, column: 'a', value: 3 }]);
    const s = suppressSmallCells(oneRow);
    expect(s.rows[0]).toEqual({ group: 'x', total: 20, a: null, b: null, c: 10 });
    expect(recoverableBySubtraction(s, declaredSums(oneRow))).toEqual([]);
    expect(fixedBySums(s, declaredSums(oneRow))).toEqual([]);
    expect(s).toMatchObject({ suppressedCells: 2, secondarySuppressedCells: 1 });
  });

  it('keeps zeros shown: they count as known, and the cell taken is the smallest non-zero part', () => {
    const t = table([label('group'), count('total'), count('a', 'total'), count('b', 'total'), count('c', 'total')], [{ group: 'x', total: 20, a: 3, b: 0, c: 17 }]);
    const s = suppressSmallCells(t);
    expect(s.rows[0]).toEqual({ group: 'x', total: 20, a: null, b: 0, c: null });
    expect(recoverableBySubtraction(s, declaredSums(t))).toEqual([]);
  });

  it('withholds the total when a withheld cell is its only non-zero part', () => {
    // A's 3 goes (primary), and with it all's c. In row all, d then follows (10 − 3 − …): d goes;
    // in column d, B's 7 then follows (7 − 0): it goes; in row B that 7 is the only non-zero
    // part of B's total 7, and no other part is left to take: the total goes.
    // (The primary cell itself cannot be the only non-zero part of a shown total: that total would be as small.)
    const t = table(
      [label('project'), count('t'), count('c', 't'), count('d', 't')],
      [
        { project: 'A', t: 3, c: 3, d: 0 },
        { project: 'B', t: 7, c: 0, d: 7 },
        { project: 'all', t: 10, c: 3, d: 7 },
      ],
      { label: 'project', total: 'all', within: [] },
    );
    const s = suppressSmallCells(t);
    expect(s.rows).toEqual([
      { project: 'A', t: null, c: null, d: 0 },
      { project: 'B', t: null, c: 0, d: null },
      { project: 'all', t: 10, c: null, d: null },
    ]);
    expect(recoverableBySubtraction(s, declaredSums(t))).toEqual([]);
    expect(fixedBySums(s, declaredSums(t))).toEqual([]);
  });

  it('suppresses across rows where a total row adds up the group rows, per value of the within columns', () => {
    const t = table(
      [label('project'), label('month'), count('n')],
      [
        { project: 'A', month: 0, n: 2 },
        { project: 'B', month: 0, n: 8 },
        { project: 'C', month: 0, n: 6 },
        { project: 'all', month: 0, n: 16 },
        { project: 'A', month: 1, n: 5 },
        { project: 'B', month: 1, n: 8 },
        { project: 'C', month: 1, n: 6 },
        { project: 'all', month: 1, n: 19 },
      ],
      { label: 'project', total: 'all', within: ['month'] },
    );
    const s = suppressSmallCells(t);
    expect(s.rows.map((r) => r['n'])).toEqual([null, 8, null, 16, 5, 8, 6, 19]);
    expect(recoverableBySubtraction(s, declaredSums(t))).toEqual([]);
    expect(s.secondarySuppressedCells).toBe(1);
  });

  it('goes on where the row sums and the column sums combined would fix a withheld count that no single subtraction gives', () => {
    // Hours of the first job by project (a random cohort's, seed 95): the one-subtraction rule
    // stops at the pattern below, yet over8UpTo28 of ips-nhn follows from the sums combined (= 2).
    const columns = [label('project'), count('starters'), count('upTo8', 'starters'), count('over8UpTo28', 'starters'), count('over28', 'starters')];
    const t = table(
      columns,
      [
        { project: 'vip-amsterdam', starters: 2, upTo8: 0, over8UpTo28: 0, over28: 2 },
        { project: 'ips-nhn', starters: 3, upTo8: 0, over8UpTo28: 2, over28: 1 },
        { project: 'exit-rotterdam', starters: 9, upTo8: 3, over8UpTo28: 1, over28: 5 },
        { project: 'all-projects', starters: 14, upTo8: 3, over8UpTo28: 3, over28: 8 },
      ],
      { label: 'project', total: 'all-projects', within: [] },
    );
    const sums = declaredSums(t);
    const oneSubtractionOnly = blanked(t, [
      [0, 'starters'],
      [0, 'over28'],
      [1, 'starters'],
      [1, 'over8UpTo28'],
      [1, 'over28'],
      [2, 'upTo8'],
      [2, 'over8UpTo28'],
      [3, 'upTo8'],
      [3, 'over8UpTo28'],
    ]);
    expect(recoverableBySubtraction(oneSubtractionOnly, sums)).toEqual([]);
    expect(fixedBySums(oneSubtractionOnly, sums)).toEqual(['1:over8UpTo28']);
    const s = suppressSmallCells(t);
    expect(recoverableBySubtraction(s, sums)).toEqual([]);
    expect(fixedBySums(s, sums)).toEqual([]);
    expect(s.rows.flatMap((r) => columns.filter((c) => c.kind === 'count' && r[c.key] === null)).length).toBeGreaterThan(9);
  });

  it('withholds what is computed from a secondarily withheld count, counts it, and says so in Dutch and English', () => {
    const t = table(
      [label('group'), count('total'), count('a', 'total'), count('b', 'total'), { key: 'bShare', label: 'b ÷ total', kind: 'share', basis: ['b', 'total'] }],
      [{ group: 'x', total: 10, a: 4, b: 6, bShare: 0.6 }],
    );
    const s = suppressSmallCells(t);
    expect(s.rows[0]).toEqual({ group: 'x', total: 10, a: null, b: null, bShare: null });
    expect(s).toMatchObject({ suppressedCells: 3, secondarySuppressedCells: 2 });
    expect(s.notes.at(-1)).toMatch(/^Secundaire onderdrukking: .*\(2 cellen, .*\/ Secondary suppression: .*\(2 cells, /);
  });

  it('adds no secondary note to a table that declares no sums', () => {
    const t = table([label('group'), count('registered'), count('placed')], [{ group: 'x', registered: 9, placed: 3 }]);
    const s = suppressSmallCells(t);
    expect(s.rows[0]).toEqual({ group: 'x', registered: 9, placed: null });
    expect(s.secondarySuppressedCells).toBe(0);
    expect(s.notes.join(' ')).not.toMatch(/Secundaire|Secondary/);
    expect(s.notes).toEqual(['Cellen met 1–4 cliënten, en wat daaruit berekend is, zijn weggelaten (leeg). / Cells with 1–4 clients, and what is computed from them, are withheld (empty).']);
  });
});

describe('secondary suppression over random cohorts', () => {
  const base = { asOf: '2025-12-31', parameters: parameters002_2016 };
  // groupBy changes only the counting tables' grouping (flow, exit-reasons).
  const variants = (id: TableId): TableOptions[] => [
    base,
    ...(id === 'flow' || id === 'exit-reasons'
      ? [
          { ...base, groupBy: 'municipality' as const },
          { ...base, groupBy: 'cohort' as const },
        ]
      : []),
    { ...base, project: 'ips-nhn' },
    { ...base, asOf: '2024-09-30', months: 24 },
  ];
  const sizes = prng(15);
  const cohorts = Array.from({ length: 24 }, (_, i) => randomCohort(1000 + i, sizes.int(3, 160)));

  it('declares sums where the tables have them, and none where they do not', () => {
    const declared = Object.fromEntries(tableIds.map((id) => [id, declaredSums(outcomeTable(id, cohorts[0]!, base)).length > 0]));
    expect(declared).toEqual({
      flow: false,
      dropout: true,
      'exit-reasons': true,
      'time-to-work': true,
      durability: true,
      'job-loss': true,
      contracts: true,
      hours: true,
      movement: true,
      effect: true,
      mkba: false,
    });
  });

  const cases = cohorts.flatMap((cohort) => tableIds.flatMap((id) => variants(id).map((o) => ({ id, where: `${id} ${JSON.stringify(o)} n=${cohort.length}`, table: outcomeTable(id, cohort, o) }))));

  it('has every declared sum add up on every generated cohort, codes of every kind included', () => {
    const wrong: string[] = [];
    const nonZero = new Map<string, number>();
    for (const { id, where, table: t } of cases) {
      for (const s of declaredSums(t)) {
        if (s.parts.reduce((a, p) => a + (at(t, p) as number), 0) !== at(t, s.total)) wrong.push(`${where}: ${JSON.stringify(s)}`);
        if (s.parts.filter((p) => at(t, p) !== 0).length >= 2) nonZero.set(id, (nonZero.get(id) ?? 0) + 1);
      }
    }
    expect(wrong).toEqual([]);
    // Not vacuous: every table with sums had sums of two or more non-zero parts, hundreds of them.
    expect([...nonZero.keys()].sort()).toEqual(['contracts', 'dropout', 'durability', 'effect', 'exit-reasons', 'hours', 'job-loss', 'movement', 'time-to-work']);
    expect(Math.min(...nonZero.values())).toBeGreaterThan(20);
  });

  it('leaves no withheld count that one subtraction, or the sums combined, give back; only blanks; keeps zeros; withholds what derives from a withheld count', () => {
    const wrong: string[] = [];
    let secondary = 0;
    for (const { where, table: t } of cases) {
      const s = suppressSmallCells(t);
      const sums = declaredSums(t);
      for (const r of recoverableBySubtraction(s, sums)) wrong.push(`${where}: one subtraction gives ${JSON.stringify(r)}`);
      for (const c of fixedBySums(s, sums)) wrong.push(`${where}: the sums fix ${c}`);
      t.rows.forEach((row, r) => {
        for (const c of t.columns) {
          const before = row[c.key] ?? null;
          const after = s.rows[r]![c.key] ?? null;
          const cell = `${where}: row ${r} ${c.key} ${String(before)} → ${String(after)}`;
          if (after !== null && after !== before) wrong.push(`${cell} (changed, not blanked)`);
          if (c.kind === 'count' && before === 0 && after !== 0) wrong.push(`${cell} (a zero withheld)`);
          if (c.kind === 'count' && typeof before === 'number' && before > 0 && before < 5 && after !== null) wrong.push(`${cell} (a small count shown)`);
          if (c.kind === 'label' && after !== before) wrong.push(`${cell} (a label changed)`);
          if (after !== null && c.basis?.some((b) => s.rows[r]![b] === null)) wrong.push(`${cell} (shown though its basis is withheld)`);
        }
      });
      secondary += s.secondarySuppressedCells;
    }
    expect(wrong).toEqual([]);
    // Not vacuous: the cohorts are small enough that secondary suppression has work to do.
    expect(secondary).toBeGreaterThan(100);
  });

  it('gives a project’s answer no cell that the all-projects answer withholds, so that the two together give nothing back', () => {
    const wrong: string[] = [];
    let alone = 0;
    for (const cohort of cohorts) {
      for (const id of tableIds) {
        const o = { ...base, months: 12 };
        const whole = suppressedOutcomeTable(id, cohort, o);
        for (const project of ['vip-amsterdam', 'ips-nhn', 'exit-rotterdam']) {
          const own = outcomeTable(id, cohort, { ...o, project });
          const answer = suppressedOutcomeTable(id, cohort, { ...o, project });
          const mine = whole.rows.filter((r) => r['project'] === project || r['group'] === project);
          const alone0 = suppressSmallCells(own);
          const where = `${id} ${project} n=${cohort.length}`;
          const blankedHere = own.rows.reduce((n, row, r) => n + own.columns.filter((c) => row[c.key] !== null && (answer.rows[r]?.[c.key] ?? null) === null).length, 0);
          if (answer.suppressedCells !== blankedHere) wrong.push(`${where}: reports ${answer.suppressedCells} withheld, ${blankedHere} are`);
          if (answer.secondarySuppressedCells < 0 || answer.secondarySuppressedCells > answer.suppressedCells) wrong.push(`${where}: ${answer.secondarySuppressedCells} secondary`);
          if (answer.rows.length !== own.rows.length || mine.length !== own.rows.length) wrong.push(`${where}: ${answer.rows.length} rows, ${own.rows.length} own, ${mine.length} in the whole`);
          own.rows.forEach((row, r) => {
            for (const c of own.columns) {
              const shown = answer.rows[r]?.[c.key] ?? null;
              if (shown !== null && shown !== row[c.key]) wrong.push(`${where}: row ${r} ${c.key} shows ${String(shown)}, computed ${String(row[c.key])}`);
              if (shown !== null && (mine[r]?.[c.key] ?? null) === null) wrong.push(`${where}: row ${r} ${c.key} shows ${String(shown)}, withheld in the whole table`);
              if ((alone0.rows[r]?.[c.key] ?? null) !== null && (mine[r]?.[c.key] ?? null) === null) alone++;
            }
          });
        }
      }
    }
    expect(wrong).toEqual([]);
    // Not vacuous: suppressed on its own, a project's answer would have shown such cells.
    expect(alone).toBeGreaterThan(0);
  });
});
