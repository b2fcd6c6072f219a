// npm run outcomes -- <table> [--project P] [--parameters 002-2016] [--as-of YYYY-MM-DD] [--group-by project|municipality|cohort] [--months 12] [--json]
// npm run outcomes -- mkba --project vip-amsterdam --from-report [--json]   report 002 Table 9–11 rows, reproduced
// npm run outcomes -- payback [--json]                                      report 002 Table 12, reproduced
// npm run outcomes -- consistency [--json]                                  findings over the reports' inputs and the live data
// npm run outcomes -- rebuild                                                folds every case again from its stored facts
// Live tables are read from the outcomes service's database (DATABASE_URL, default the
// local wcc_outcomes that `npm start` creates) and suppressed like the HTTP API's.
import { dateInAmsterdam } from '@wcc/domain-kit';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  findings,
  isTableId,
  mkbaColumns,
  parameterSet,
  parameterSets,
  projectIds,
  reportConsistencyChecks,
  reproduceMkbaTable,
  reproduceTable12,
  suppressedOutcomeTable,
  tableIds,
  type ConsistencyCheck,
  type OutcomeTable,
  type ProjectId,
  type Trajectory,
} from '@wcc/outcomes-domain';
import { liveConsistencyChecks } from './http/live-consistency';
import { OutcomesStore } from './persistence/outcomes-store';

const usage = `usage: npm run outcomes -- <${[...tableIds, 'payback', 'consistency', 'rebuild'].join('|')}> [--project ${projectIds.join('|')}] [--parameters ${Object.keys(parameterSets).join('|')}] [--from-report] [--as-of YYYY-MM-DD] [--group-by project|municipality|cohort] [--months N] [--json]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    project: { type: 'string' },
    parameters: { type: 'string', default: '002-2016' },
    'from-report': { type: 'boolean', default: false },
    'as-of': { type: 'string' },
    'group-by': { type: 'string', default: 'project' },
    months: { type: 'string', default: '12' },
    json: { type: 'boolean', default: false },
  },
});

const what = positionals[0] ?? fail('which table?');
const params = parameterSet(values.parameters) ?? fail(`unknown parameter set ${values.parameters}`);
if (values.project !== undefined && !(projectIds as readonly string[]).includes(values.project)) fail(`unknown project ${values.project}`);
const project = values.project as ProjectId | undefined;
const asOf = values['as-of'] ?? dateInAmsterdam();
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fail('--as-of must be YYYY-MM-DD');
const groupByValue = values['group-by'];
if (groupByValue !== 'project' && groupByValue !== 'municipality' && groupByValue !== 'cohort') fail('--group-by must be project, municipality or cohort');
const groupBy: 'project' | 'municipality' | 'cohort' = groupByValue;
const months = Number(values.months);
if (!Number.isInteger(months) || months < 1 || months > 36) fail('--months must be 1…36');

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const fmt = (v: unknown): string =>
  v === null || v === undefined ? '·' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3)) : typeof v === 'string' ? v : JSON.stringify(v);

function printRows(header: readonly string[], rows: readonly (readonly unknown[])[]): void {
  const cells = [header.map(String), ...rows.map((r) => r.map(fmt))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  cells.forEach((r, n) => {
    out(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
    if (n === 0) out(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

function printTable(t: OutcomeTable): void {
  out(t.title);
  printRows(
    t.columns.map((c) => c.key),
    t.rows.map((r) => t.columns.map((c) => r[c.key] ?? null)),
  );
  for (const n of t.notes) out(`  note: ${n}`);
}

const databaseUrl = () => process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/wcc_outcomes';

async function liveTrajectories(): Promise<Trajectory[] | undefined> {
  const url = databaseUrl();
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const r = await client.query<{ state: Trajectory }>('select state from outcome_trajectories order by case_id');
    return r.rows.map((x) => x.state);
  } catch (err) {
    process.stderr.write(`no live data (${err instanceof Error ? err.message : String(err)}); start the chain with npm start\n`);
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function printChecks(title: string, checks: readonly ConsistencyCheck[]): void {
  const bad = findings(checks);
  out(`${title}: ${checks.length} figures recomputed, ${bad.length} findings`);
  printRows(
    ['kind', 'where', 'what', 'printed', 'recomputed', 'from'],
    bad.map((c) => [c.kind, c.where, c.what, c.printed, c.recomputed, c.recomputedFrom]),
  );
}

async function main(): Promise<void> {
  if (what === 'mkba' && values['from-report']) {
    const projects = project ? [project] : projectIds;
    const tables = projects.map((p) => reproduceMkbaTable(params, p));
    if (values.json)
      return out(
        JSON.stringify(
          tables.map((t) => ({ table: t.table, project: t.project, parameterSet: params.id, cells: t.cells })),
          null,
          2,
        ),
      );
    for (const t of tables) {
      out(`${t.table} (${t.project}), parameter set ${params.id}: report | engine | difference per column; * = determined by stated inputs`);
      printRows(
        ['row', ...mkbaColumns],
        [...new Set(t.cells.map((c) => c.row))].map((row) => [
          row,
          ...mkbaColumns.map((col) => {
            const c = t.cells.find((x) => x.row === row && x.column === col)!;
            return `${c.report} | ${c.engine.toFixed(0)} | ${c.difference >= 0 ? '+' : ''}${c.difference.toFixed(0)}${c.missingInputs.length === 0 ? (c.status === 'reproduced' ? ' *' : ' !') : ''}`;
          }),
        ]),
      );
      const missing = [...new Set(t.cells.flatMap((c) => c.missingInputs))];
      for (const m of missing) out(`  missing input: ${m}`);
      out();
    }
    return;
  }
  if (what === 'payback') {
    const rows = reproduceTable12(params).filter((r) => !project || r.project === project);
    if (values.json) return out(JSON.stringify(rows, null, 2));
    printRows(
      ['project', 'stakeholder', 'against', 'report', 'from report cells', 'engine'],
      rows.map((r) => [r.project, r.stakeholder, r.against, String(r.report), String(r.fromReportCells), String(r.engine)]),
    );
    out(`  missing input: ${rows[0]?.missingInputs[0] ?? ''}`);
    return;
  }
  if (what === 'rebuild') {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: 1 });
    try {
      out(`folded ${await new OutcomesStore(pool).refoldAll()} cases again from their facts`);
    } finally {
      await pool.end();
    }
    return;
  }
  if (what === 'consistency') {
    const report = reportConsistencyChecks(params);
    const trajectories = await liveTrajectories();
    const live = trajectories ? liveConsistencyChecks(trajectories, { asOf, parameters: params, minCell: 5 }) : [];
    if (values.json)
      return out(JSON.stringify({ parameterSet: params.id, report: { checks: report.length, findings: findings(report) }, live: { checks: live.length, findings: findings(live) } }, null, 2));
    printChecks("reports' own figures", report);
    out();
    printChecks('live data', live);
    return;
  }
  if (!isTableId(what)) fail(`unknown table ${what}`);
  const trajectories = await liveTrajectories();
  if (!trajectories) process.exit(1);
  const table = suppressedOutcomeTable(what, trajectories, { asOf, parameters: params, groupBy, months, ...(project ? { project } : {}) });
  if (values.json) return out(JSON.stringify(table, null, 2));
  printTable(table);
}

void main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
