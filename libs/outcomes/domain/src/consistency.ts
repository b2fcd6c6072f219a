// Consistency checks: every published figure recomputed from its parts (totals, deltas,
// ratios, n-weighted means, text restating a table). A check passes when the printed
// figure lies within what rounding of its parts allows; otherwise it is a finding with
// the two numbers and where they stand. Nothing is hard-coded as a finding: the checks
// run over the transcribed tables (published/report-tables.ts) and over live tables.
import { workIncomePerMonth } from './mkba';
import { hoursGroups, projectIds, type ParameterSet, type ProjectId } from './parameters/report-002-2016';
import {
  mkbaRowKeys,
  publishedMkbaTables,
  report000Table10,
  report000Table11,
  report002Table1,
  report002Table12,
  report002Table3,
  report002Table4,
  report002Table5,
  report002Table6,
  report002Table7,
  report002Table8,
  report002TextClaims,
  report003Table7,
  type MkbaRowKey,
} from './published/report-tables';

export interface ConsistencyCheck {
  readonly id: string;
  readonly report: '000' | '002' | '003' | 'live';
  readonly where: string;
  readonly what: string;
  /** The figure as printed. */
  readonly printed: number;
  /** The figure recomputed from its parts (or the other place that states it). */
  readonly recomputed: number;
  readonly recomputedFrom: string;
  readonly tolerance: number;
  readonly ok: boolean;
  /** 'slip': the parts do not give the printed figure; 'text-vs-table': the text says another number; 'method': the printed figure follows from no stated method. */
  readonly kind: 'slip' | 'text-vs-table' | 'method';
}

function check(c: Omit<ConsistencyCheck, 'ok'>): ConsistencyCheck {
  return { ...c, ok: Math.abs(c.printed - c.recomputed) <= c.tolerance + 1e-9 };
}

const rowLabel: Record<MkbaRowKey, string> = {
  'municipality.reintegration': 'gemeente/UWV, re-integratie activiteiten',
  'municipality.benefit': 'gemeente/UWV, uitkering',
  'insurer.reintegration': 'zorgverzekeraar, re-integratie activiteiten',
  'insurer.care': 'zorgverzekeraar, zorggebruik',
  'client.benefit': 'cliënt, uitkering',
  'client.workIncome': 'cliënt, inkomen werk',
};

function mkbaChecks(): ConsistencyCheck[] {
  const out: ConsistencyCheck[] = [];
  for (const project of projectIds) {
    const t = publishedMkbaTables[project];
    for (const key of mkbaRowKeys) {
      const r = t.rows[key];
      out.push(
        check({
          id: `002-${project}-${key}-delta-none`,
          report: '002',
          where: `${t.table}, ${rowLabel[key]}, ∆ project−geen`,
          what: 'difference of the project and the no-reintegration column',
          printed: r.deltaNone,
          recomputed: r.project - r.none,
          recomputedFrom: `${r.project} − (${r.none})`,
          tolerance: 0,
          kind: 'slip',
        }),
        check({
          id: `002-${project}-${key}-delta-regular`,
          report: '002',
          where: `${t.table}, ${rowLabel[key]}, ∆ project−regulier`,
          what: 'difference of the project and the regular-support column',
          printed: r.deltaRegular,
          recomputed: r.project - r.regular,
          recomputedFrom: `${r.project} − (${r.regular})`,
          tolerance: 0,
          kind: 'slip',
        }),
      );
    }
    for (const g of t.garbled ?? []) {
      out.push(
        check({
          id: `002-${project}-${g.row}-${g.column}-garbled`,
          report: '002',
          where: `${t.table}, ${rowLabel[g.row]}, ${g.column}`,
          what: `cell printed as '${g.printedAs}'`,
          printed: Number(g.printedAs.replace(/[^0-9]/g, '')),
          recomputed: g.readAs,
          recomputedFrom: 'the text of §5.2 and the columns',
          tolerance: 0,
          kind: 'slip',
        }),
      );
    }
    // Table 12 recomputed from the same table's cells, investment ÷ (saving ÷ 4 years).
    const pb = report002Table12[project];
    const recompute = (invest: number, saving: number) => (invest <= 0 ? 0 : saving <= 0 ? Number.POSITIVE_INFINITY : invest / (saving / 4));
    const pairs = [
      ['municipality', 'vsNone', -t.rows['municipality.reintegration'].deltaNone, t.rows['municipality.benefit'].deltaNone],
      ['municipality', 'vsRegular', -t.rows['municipality.reintegration'].deltaRegular, t.rows['municipality.benefit'].deltaRegular],
      ['insurer', 'vsNone', -t.rows['insurer.reintegration'].deltaNone, t.rows['insurer.care'].deltaNone],
      ['insurer', 'vsRegular', -t.rows['insurer.reintegration'].deltaRegular, t.rows['insurer.care'].deltaRegular],
    ] as const;
    for (const [who, against, invest, saving] of pairs) {
      const printed = pb[who][against];
      const years = recompute(invest, saving);
      if (printed === '>8') {
        out.push(
          check({
            id: `002-${project}-payback-${who}-${against}`,
            report: '002',
            where: `002 Table 12, ${t.project}, ${who}, ${against}`,
            what: "payback printed '> 8' years",
            printed: 1,
            recomputed: years > 8 ? 1 : 0,
            recomputedFrom: `${invest} ÷ (${saving} ÷ 4) = ${years.toFixed(1)} years (1 = beyond 8)`,
            tolerance: 0,
            kind: 'method',
          }),
        );
      } else {
        out.push(
          check({
            id: `002-${project}-payback-${who}-${against}`,
            report: '002',
            where: `002 Table 12, ${t.project}, ${who}, ${against}`,
            what: 'payback period in years',
            printed,
            recomputed: Number.isFinite(years) ? Math.round(years * 10) / 10 : 99,
            recomputedFrom: `investment ${invest} ÷ (saving ${saving} ÷ 4 years), from ${t.table}`,
            tolerance: 0.05,
            kind: 'method',
          }),
        );
      }
    }
  }
  return out;
}

/** Interval of a ratio whose parts are printed to `decimals` decimals. */
function ratioRange(num: number, den: number, step: number): [number, number] {
  return [(num - step / 2) / (den + step / 2), (num + step / 2) / (den - step / 2)];
}

function effectChecks(): ConsistencyCheck[] {
  const out: ConsistencyCheck[] = [];
  for (const [table, data] of [
    ['002 Table 3', report002Table3],
    ['002 Table 4', report002Table4],
  ] as const) {
    for (const project of projectIds) {
      const e = data[project];
      const [lo, hi] = ratioRange(e.observedPct, e.expectedPct, 0.1);
      const exact = e.observedPct / e.expectedPct;
      // Within rounding when the printed indicator (±0.005) overlaps what the rounded percentages allow.
      const inRange = e.indicator + 0.005 >= lo && e.indicator - 0.005 <= hi;
      out.push({
        id: `002-${table.slice(-1)}-${project}-indicator`,
        report: '002',
        where: `${table}, ${project}, effect indicator`,
        what: 'observed ÷ expected',
        printed: e.indicator,
        recomputed: Math.round(exact * 100) / 100,
        recomputedFrom: `${e.observedPct} ÷ ${e.expectedPct} = ${exact.toFixed(3)} (rounding of the percentages allows ${lo.toFixed(3)}–${hi.toFixed(3)})`,
        tolerance: inRange ? Math.abs(e.indicator - Math.round(exact * 100) / 100) : 0.005,
        ok: inRange,
        kind: 'slip',
      });
    }
  }
  return out;
}

function compatibleWithN(pct: number, n: number): { ok: boolean; nearest: number } {
  let best = 0;
  for (let k = 0; k <= n; k++) if (Math.abs((100 * k) / n - pct) < Math.abs((100 * best) / n - pct)) best = k;
  return { ok: Math.abs((100 * best) / n - pct) <= 0.5, nearest: (100 * best) / n };
}

function table5Checks(): ConsistencyCheck[] {
  const out: ConsistencyCheck[] = [];
  for (const col of [...projectIds, 'total'] as const) {
    const { n, pct } = report002Table5[col];
    const sum = hoursGroups.reduce((s, g) => s + pct[g], 0);
    out.push(
      check({
        id: `002-5-${col}-sum`,
        report: '002',
        where: `002 Table 5, ${col}`,
        what: 'shares add up to 100%',
        printed: 100,
        recomputed: sum,
        recomputedFrom: hoursGroups.map((g) => pct[g]).join(' + '),
        tolerance: 1.5,
        kind: 'slip',
      }),
    );
    for (const g of hoursGroups) {
      const c = compatibleWithN(pct[g], n);
      out.push({
        id: `002-5-${col}-${g}-granularity`,
        report: '002',
        where: `002 Table 5, ${col} (n=${n}), ${g}`,
        what: `a share of n=${n} clients is a multiple of ${(100 / n).toFixed(2)}%`,
        printed: pct[g],
        recomputed: Math.round(c.nearest * 10) / 10,
        recomputedFrom: `nearest k/${n}`,
        tolerance: 0.5,
        ok: c.ok,
        kind: 'slip',
      });
    }
  }
  for (const g of hoursGroups) {
    const total = report002Table5.total;
    const weighted = projectIds.reduce((s, p) => s + report002Table5[p].n * report002Table5[p].pct[g], 0) / total.n;
    out.push(
      check({
        id: `002-5-total-${g}-weighted`,
        report: '002',
        where: `002 Table 5, totaal, ${g}`,
        what: 'total = n-weighted mean of the projects',
        printed: total.pct[g],
        recomputed: Math.round(weighted * 10) / 10,
        recomputedFrom: 'n-weighted mean of IPS-NHN, VIP, ExIT',
        tolerance: 1,
        kind: 'slip',
      }),
    );
  }
  return out;
}

function table6And7Checks(params: ParameterSet): ConsistencyCheck[] {
  const out: ConsistencyCheck[] = [];
  for (const g of hoursGroups) {
    const r = report002Table6[g];
    out.push(
      check({
        id: `002-6-${g}-week`,
        report: '002',
        where: `002 Table 6, ${g}, per week`,
        what: 'hours × net hourly wage',
        printed: r.perWeek,
        recomputed: r.hours * r.wage,
        recomputedFrom: `${r.hours} × ${r.wage}`,
        tolerance: 0.006,
        kind: 'slip',
      }),
    );
    out.push(
      check({
        id: `002-6-${g}-month`,
        report: '002',
        where: `002 Table 6, ${g}, per month`,
        what: 'per week × 4.3',
        printed: r.perMonth,
        recomputed: workIncomePerMonth(params, g),
        recomputedFrom: `${r.hours} × ${r.wage} × 4.3`,
        tolerance: 0.006,
        kind: 'slip',
      }),
    );
  }
  const deduction: Partial<Record<string, { share: number; where: string }>> = {
    wwb: { share: 1, where: '§5.1.2: bijstand deducts the full work income' },
    wia: { share: 0.7, where: '§5.1.2: WIA deducts 70% of the work income' },
  };
  for (const [type, rows] of Object.entries(report002Table7)) {
    for (const g of hoursGroups) {
      const r = rows[g];
      out.push(
        check({
          id: `002-7-${type}-${g}-total`,
          report: '002',
          where: `002 Table 7, ${type}, ${g}, totaal inkomen`,
          what: 'work income + benefit after start',
          printed: r.total,
          recomputed: r.work + r.after,
          recomputedFrom: `${r.work} + ${r.after}`,
          tolerance: 1,
          kind: 'slip',
        }),
      );
      out.push(
        check({
          id: `002-7-${type}-${g}-work`,
          report: '002',
          where: `002 Table 7, ${type}, ${g}, inkomen werk`,
          what: 'Table 6 monthly income, to the euro',
          printed: r.work,
          recomputed: Math.round(workIncomePerMonth(params, g)),
          recomputedFrom: 'Table 6',
          tolerance: 0,
          kind: 'slip',
        }),
      );
      const rule = deduction[type];
      if (rule) {
        const after = Math.max(0, r.atStart - rule.share * workIncomePerMonth(params, g));
        out.push(
          check({
            id: `002-7-${type}-${g}-rule`,
            report: '002',
            where: `002 Table 7, ${type}, ${g}, uitkering na start werk`,
            what: rule.where,
            printed: r.after,
            recomputed: Math.round(after),
            recomputedFrom: `max(0, ${r.atStart} − ${rule.share} × ${workIncomePerMonth(params, g).toFixed(2)})`,
            tolerance: 1,
            kind: 'slip',
          }),
        );
      }
    }
  }
  return out;
}

function table8Checks(): ConsistencyCheck[] {
  const out: ConsistencyCheck[] = Object.entries(report002Table8.columns).map(([col, c]) =>
    check({
      id: `002-8-${col}-total`,
      report: '002',
      where: `002 Table 8, ${col}, zorgkosten totaal`,
      what: 'sum of the five professionals',
      printed: c.total,
      recomputed: Math.round(c.parts.reduce((a: number, b: number) => a + b, 0) * 100) / 100,
      recomputedFrom: c.parts.join(' + '),
      tolerance: 0.025,
      kind: 'slip',
    }),
  );
  return out;
}

function table1Checks(): ConsistencyCheck[] {
  const out: ConsistencyCheck[] = [];
  const t = report002Table1;
  const cols = ['exit-rotterdam', 'ips-nhn', 'vip-amsterdam'] as const;
  const age = cols.reduce((s, c) => s + t.n[c] * t.meanAge[c], 0) / t.n.all;
  out.push(
    check({
      id: '002-1-age-all',
      report: '002',
      where: '002 Table 1, alle cliënten, leeftijd',
      what: 'n-weighted mean age',
      printed: t.meanAge.all,
      recomputed: Math.round(age * 10) / 10,
      recomputedFrom: 'ExIT, IPS-NHN, VIP weighted by n',
      tolerance: 0.1,
      kind: 'slip',
    }),
  );
  for (const [variable, byCol] of Object.entries(t.categories)) {
    const labels = t.labels[variable as keyof typeof t.labels];
    labels.forEach((label, i) => {
      const weighted = cols.reduce((s, c) => s + t.n[c] * (byCol[c][i] ?? 0), 0) / t.n.all;
      out.push(
        check({
          id: `002-1-${variable}-${i}-all`,
          report: '002',
          where: `002 Table 1, alle cliënten, ${variable}: ${label}`,
          what: "'alle cliënten' = n-weighted mean of the three projects",
          printed: byCol.all[i] ?? 0,
          recomputed: Math.round(weighted * 10) / 10,
          recomputedFrom: cols.map((c) => `${t.n[c]}×${byCol[c][i]}%`).join(' + ') + ` ÷ ${t.n.all}`,
          tolerance: 1,
          kind: 'slip',
        }),
      );
    });
    if (labels.length > 1) {
      for (const c of [...cols, 'all'] as const) {
        const sum = byCol[c].reduce((a: number, b: number) => a + b, 0);
        out.push(
          check({
            id: `002-1-${variable}-${c}-sum`,
            report: '002',
            where: `002 Table 1, ${c}, ${variable}`,
            what: 'shares add up to 100%',
            printed: 100,
            recomputed: sum,
            recomputedFrom: byCol[c].join(' + '),
            tolerance: 0.5 * labels.length,
            kind: 'slip',
          }),
        );
      }
    }
  }
  return out;
}

function textChecks(): ConsistencyCheck[] {
  return report002TextClaims.map((c, i) =>
    check({
      id: `002-text-${i + 1}`,
      report: c.report,
      where: c.where,
      what: `text: “${c.says}”`,
      printed: c.textValue,
      recomputed: c.tableValue,
      recomputedFrom: c.tableWhere,
      tolerance: 0,
      kind: 'text-vs-table',
    }),
  );
}

function report003Checks(): ConsistencyCheck[] {
  const t = report003Table7;
  const sumN = t.groups.reduce((s, g) => s + g.n, 0);
  const sumPct = t.groups.reduce((s, g) => s + g.pct, 0);
  const other = t.groups.filter((g) => (t.text.groups as readonly number[]).includes(g.group)).reduce((s, g) => s + g.n, 0);
  return [
    check({
      id: '003-7-total-n',
      report: '003',
      where: '003 Table 7, Totaal',
      what: 'sum of the four groups',
      printed: t.total.n,
      recomputed: sumN,
      recomputedFrom: t.groups.map((g) => g.n).join(' + '),
      tolerance: 0,
      kind: 'slip',
    }),
    check({
      id: '003-7-total-pct',
      report: '003',
      where: '003 Table 7, Totaal %',
      what: 'sum of the four percentages',
      printed: t.total.pct,
      recomputed: Math.round(sumPct * 10) / 10,
      recomputedFrom: t.groups.map((g) => g.pct).join(' + '),
      tolerance: 0.2,
      kind: 'slip',
    }),
    check({
      id: '003-7-text-other-reasons',
      report: '003',
      where: t.text.where,
      what: `text: “${t.text.says}”`,
      printed: t.text.value,
      recomputed: other,
      recomputedFrom: 'Table 7 groups 2 + 3 (774 + 1267)',
      tolerance: 0,
      kind: 'text-vs-table',
    }),
  ];
}

function report000Checks(): ConsistencyCheck[] {
  const phases = [
    ['assessment', 'Assessment'],
    ['trialPlacement', 'Proefplaatsing'],
    ['placement', 'Plaatsing'],
  ] as const;
  const out: ConsistencyCheck[] = phases.map(([key, label]) =>
    check({
      id: `000-11-${key}-sum`,
      report: '000',
      where: `000 Table 11, ${label}`,
      what: 'dropout reasons add up to Table 10’s dropouts',
      printed: report000Table10[key].dropped,
      recomputed: report000Table11[key].reduce((a: number, b: number) => a + b, 0),
      recomputedFrom: report000Table11[key].join(' + '),
      tolerance: 0,
      kind: 'slip',
    }),
  );
  out.push(
    check({
      id: '000-10-trial-in',
      report: '000',
      where: '000 Table 10, Proefplaatsing ingestroomd',
      what: 'no more enter a phase than passed the one before',
      printed: Math.min(report000Table10.trialPlacement.in, report000Table10.assessment.through),
      recomputed: report000Table10.trialPlacement.in,
      recomputedFrom: `assessment doorgestroomd ${report000Table10.assessment.through}`,
      tolerance: 0,
      kind: 'slip',
    }),
    check({
      id: '000-10-placement-in',
      report: '000',
      where: '000 Table 10, Plaatsing ingestroomd',
      what: 'no more enter a phase than passed the one before',
      printed: Math.min(report000Table10.placement.in, report000Table10.trialPlacement.through),
      recomputed: report000Table10.placement.in,
      recomputedFrom: `proefplaatsing doorgestroomd ${report000Table10.trialPlacement.through}`,
      tolerance: 0,
      kind: 'slip',
    }),
  );
  return out;
}

/**
 * What a table's own cells imply per starter: (scenario value − none) ÷ start probability.
 * The report's model gives one value per starter for the regular and the project scenario
 * (the same people, the same mix); ÷ the monthly value it gives the months worked, which
 * cannot exceed the horizon.
 */
function impliedPerStarterChecks(params: ParameterSet): ConsistencyCheck[] {
  const out: ConsistencyCheck[] = [];
  for (const project of projectIds) {
    const t = publishedMkbaTables[project];
    const p = params.projects[project];
    const pP = p.startProbability.value;
    const pR = p.startProbabilityRegular.value;
    const rows = [
      ['client.workIncome', 'income from work', 1],
      ['insurer.care', 'care cost saved', 1],
      ['client.benefit', 'benefit saved', -1],
    ] as const;
    for (const [key, label, sign] of rows) {
      const r = t.rows[key];
      const perProject = (sign * (r.project - r.none)) / pP;
      const perRegular = (sign * (r.regular - r.none)) / pR;
      // Percentages printed to 0.1: the implied value is known to within that relative error.
      const tolerance = Math.abs(perProject) * (0.05 / (pP * 100)) + Math.abs(perRegular) * (0.05 / (pR * 100)) + 20;
      out.push(
        check({
          id: `002-${project}-${key}-per-starter`,
          report: '002',
          where: `${t.table}, ${rowLabel[key]}`,
          what: `${label} per starter, project column vs regular column`,
          printed: Math.round(perProject),
          recomputed: Math.round(perRegular),
          recomputedFrom: `(${r.project} − ${r.none}) ÷ ${pP} vs (${r.regular} − ${r.none}) ÷ ${pR}`,
          tolerance,
          kind: 'method',
        }),
      );
    }
    const hours = p.hoursDistribution.value;
    const income = hoursGroups.reduce((s, g) => s + hours[g] * workIncomePerMonth(params, g), 0);
    const months = (t.rows['client.workIncome'].project - t.rows['client.workIncome'].none) / pP / income;
    out.push(
      check({
        id: `002-${project}-months-worked`,
        report: '002',
        where: `${t.table}, cliënt, inkomen werk`,
        what: 'months worked per starter implied by the work income (at most the 48-month horizon)',
        printed: Math.round(months * 10) / 10,
        recomputed: Math.min(params.horizonMonths.value, Math.round(months * 10) / 10),
        recomputedFrom: `${t.rows['client.workIncome'].project} ÷ ${pP} ÷ ${income.toFixed(2)} €/month (Tables 5–6)`,
        tolerance: 0,
        kind: 'method',
      }),
    );
  }
  return out;
}

export function reportConsistencyChecks(params: ParameterSet): ConsistencyCheck[] {
  return [
    ...table1Checks(),
    ...effectChecks(),
    ...table5Checks(),
    ...table6And7Checks(params),
    ...table8Checks(),
    ...mkbaChecks(),
    ...impliedPerStarterChecks(params),
    ...textChecks(),
    ...report003Checks(),
    ...report000Checks(),
  ];
}

export function findings(checks: readonly ConsistencyCheck[]): ConsistencyCheck[] {
  return checks.filter((c) => !c.ok);
}

export type { ProjectId };
