// The monitor's tables over folded trajectories, as of a date. Each table says its
// denominators explicitly, which columns are counts (subject to small-cell suppression)
// and which rates derive from which counts.
//
// Research consent (documented choice): the counting tables (flow, dropout, exit
// reasons) count every client — aggregate counts of the municipality's own statutory
// task (Participatiewet; AVG art. 6(1)(e), published only as suppressed aggregates, AVG
// art. 89). The research tables link a client's measurements over time and care-summary
// data (time to work, durability, hours, movement, effect indicator, live MKBA) and use
// only clients with a research consent in force on the as-of date; a withdrawal removes
// the client from them entirely, history included.
import { cumulativeIncidenceByMonth, type SurvivalObservation } from './kaplan-meier';
import { computeMkba } from './mkba';
import { hoursGroups, projectIds, type HoursGroup, type ParameterSet, type ProjectId, type ReportBenefitType } from './parameters/report-002-2016';
import { ageBandOf, effectIndicator, workStartModelAllHours, workStartModelOver32h, type WorkStartModel } from './parameters/work-start-model-002';
import { mkbaRowKeys } from './published/report-tables';
import { monthsBetween, researchConsentInForce, type IsoDate, type PlacementRecord, type Trajectory } from './trajectory';

export type ColumnKind = 'label' | 'count' | 'share' | 'mean' | 'value';
export interface Column {
  readonly key: string;
  readonly label: string;
  readonly kind: ColumnKind;
  /** For a share or mean: the count columns it is computed from (suppressed with them). */
  readonly basis?: readonly string[];
  /**
   * For a count: the count column of the same row it is one part of. The columns that name
   * the same total partition it — in every row they add up to it exactly — so a withheld
   * part could be recomputed from the total and the other parts (secondary suppression).
   */
  readonly partOf?: string;
}
/**
 * Rows that add up to a total row: in every count column, the row whose `label` column
 * reads `total` is the sum of the rows that agree with it on the `within` label columns
 * (e.g. the same month). Declared only where that holds exactly.
 */
export interface RowTotals {
  readonly label: string;
  readonly total: string;
  readonly within: readonly string[];
}
export type Cell = string | number | null;
export interface OutcomeTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
  readonly notes: readonly string[];
  /** Whether the table uses only clients with a research consent in force. */
  readonly researchOnly: boolean;
  readonly rowTotals?: RowTotals;
}

export const tableIds = ['flow', 'dropout', 'exit-reasons', 'time-to-work', 'durability', 'job-loss', 'contracts', 'hours', 'movement', 'effect', 'mkba'] as const;
export type TableId = (typeof tableIds)[number];

export interface TableOptions {
  readonly asOf: IsoDate;
  readonly project?: string;
  readonly parameters: ParameterSet;
  /** Grouping of the counting tables: by project (default), municipality or cohort (month of start). */
  readonly groupBy?: 'project' | 'municipality' | 'cohort';
  readonly months?: number;
}

const UNASSIGNED = 'unassigned';
const groupKeyOf = (t: Trajectory, by: 'project' | 'municipality' | 'cohort'): string =>
  by === 'project' ? (t.project ?? UNASSIGNED) : by === 'municipality' ? (t.municipalityId ?? 'unknown') : (t.startedOn?.slice(0, 7) ?? 'unknown');

const share = (num: number, den: number): number | null => (den > 0 ? num / den : null);
const mean = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Paid work: every placement except an unpaid trial placement (proefplaatsing). */
export function paidPlacements(t: Trajectory): PlacementRecord[] {
  return t.placements.filter((p) => p.contractType !== 'trial-placement');
}

const DEF1 = new Set(['employee', 'self-employed', 'study']);
const DEF2 = new Set([...DEF1, 'subsidised-work']);

/** Report 003 Table 7's exit-reason groups, from the benefit's end reason (versioned mapping). */
export const exitReasonGroups: Readonly<Record<string, 2 | 3 | 4>> = {
  employee: 4,
  'self-employed': 4,
  'subsidised-work': 4,
  relationship: 2,
  moved: 2,
  pension: 2,
  study: 3,
  detention: 3,
  other: 3,
};

function grouped(trajectories: readonly Trajectory[], by: 'project' | 'municipality' | 'cohort'): [string, Trajectory[]][] {
  const groups = new Map<string, Trajectory[]>();
  for (const t of trajectories) {
    const k = groupKeyOf(t, by);
    const group = groups.get(k);
    if (group) group.push(t);
    else groups.set(k, [t]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function inScope(trajectories: readonly Trajectory[], o: TableOptions): Trajectory[] {
  return trajectories.filter((t) => t.startedOn !== null && t.startedOn <= o.asOf && (o.project === undefined || t.project === o.project));
}

function flowTable(all: readonly Trajectory[], o: TableOptions): OutcomeTable {
  const by = o.groupBy ?? 'project';
  const rows = grouped(inScope(all, o), by).map(([group, ts]) => {
    const registered = ts.length;
    const referred = ts.filter((t) => t.referredOn).length;
    const screened = ts.filter((t) => t.screenedOn).length;
    const started = ts.filter((t) => t.acceptedOn).length;
    const placed = ts.filter((t) => paidPlacements(t).length > 0).length;
    const withBenefit = ts.filter((t) => t.benefitType !== null && t.benefitType !== 'none').length;
    const out1 = ts.filter((t) => t.benefitEnded && DEF1.has(t.benefitEnded.reason)).length;
    const out2 = ts.filter((t) => t.benefitEnded && DEF2.has(t.benefitEnded.reason)).length;
    const dropped = ts.filter((t) => t.dropout).length;
    return {
      group,
      registered,
      referred,
      screened,
      started,
      placed,
      droppedOut: dropped,
      withBenefit,
      outflowDef1: out1,
      outflowDef2: out2,
      placedOfStarted: share(placed, started),
      outflowDef1OfWithBenefit: share(out1, withBenefit),
      outflowDef2OfWithBenefit: share(out2, withBenefit),
      outflowDef1OfRegistered: share(out1, registered),
    };
  });
  return {
    id: 'flow',
    title: 'Flow and outflow: registered → referred → screened → started → placed → outflow',
    researchOnly: false,
    columns: [
      { key: 'group', label: by, kind: 'label' },
      { key: 'registered', label: 'registered (case opened)', kind: 'count' },
      { key: 'referred', label: 'referred', kind: 'count' },
      { key: 'screened', label: 'screening started', kind: 'count' },
      { key: 'started', label: 'started (referral accepted)', kind: 'count' },
      { key: 'placed', label: 'placed in paid work', kind: 'count' },
      { key: 'droppedOut', label: 'dropped out', kind: 'count' },
      { key: 'withBenefit', label: 'with a benefit at the start', kind: 'count' },
      { key: 'outflowDef1', label: 'outflow, def. 1 (work, self-employed, study)', kind: 'count' },
      { key: 'outflowDef2', label: 'outflow, def. 2 (def. 1 + subsidised work)', kind: 'count' },
      { key: 'placedOfStarted', label: 'placed ÷ started', kind: 'share', basis: ['placed', 'started'] },
      { key: 'outflowDef1OfWithBenefit', label: 'outflow def. 1 ÷ with benefit', kind: 'share', basis: ['outflowDef1', 'withBenefit'] },
      { key: 'outflowDef2OfWithBenefit', label: 'outflow def. 2 ÷ with benefit', kind: 'share', basis: ['outflowDef2', 'withBenefit'] },
      { key: 'outflowDef1OfRegistered', label: 'outflow def. 1 ÷ registered', kind: 'share', basis: ['outflowDef1', 'registered'] },
    ],
    rows,
    notes: [
      'Outflow definitions: report 000 §2.3. Denominators: registered (every opened case), started (a referral accepted), with benefit (a paid benefit at registration).',
      'All clients counted (aggregate counting, see the research-consent note).',
    ],
  };
}

const PHASES = ['before-start', 'screening', 'assessment', 'trial-placement', 'placement', 'aftercare'] as const;
const REASONS = ['care-advice', 'motivation', 'illness', 'detention', 'childcare', 'moved', 'own-request', 'returned-to-municipality', 'other'] as const;

function dropoutTable(all: readonly Trajectory[], o: TableOptions): OutcomeTable {
  const rows: Record<string, Cell>[] = [];
  for (const [group, ts] of grouped(inScope(all, o), 'project')) {
    for (const phase of PHASES) {
      const here = ts.filter((t) => t.dropout?.phase === phase);
      const row: Record<string, Cell> = { project: group, phase, total: here.length };
      for (const r of REASONS) row[r] = here.filter((t) => t.dropout?.reason === r).length;
      rows.push(row);
    }
  }
  return {
    id: 'dropout',
    title: 'Dropout by phase and reason (report 000 Tables 10–11 shape)',
    researchOnly: false,
    columns: [
      { key: 'project', label: 'project', kind: 'label' },
      { key: 'phase', label: 'phase', kind: 'label' },
      // The reasons are the DroppedOut contract's fixed list, each dropout has one: they partition the total.
      ...REASONS.map((r) => ({ key: r, label: r, kind: 'count' as const, partOf: 'total' })),
      { key: 'total', label: 'total', kind: 'count' },
    ],
    rows,
    notes: ['Reasons from the fixed list of the DroppedOut contract; the free text of "other" never reaches the chain.'],
  };
}

function exitReasonsTable(all: readonly Trajectory[], o: TableOptions): OutcomeTable {
  const rows = grouped(inScope(all, o), o.groupBy ?? 'project').map(([group, ts]) => {
    const withBenefit = ts.filter((t) => t.benefitType !== null && t.benefitType !== 'none');
    const g = (n: 1 | 2 | 3 | 4) => withBenefit.filter((t) => (t.benefitEnded ? exitReasonGroups[t.benefitEnded.reason] : 1) === n).length;
    const [g1, g2, g3, g4] = [g(1), g(2), g(3), g(4)];
    return { group, withBenefit: withBenefit.length, stillOnBenefit: g1, externalCause: g2, clientCauseNotWork: g3, toWork: g4, toWorkShare: share(g4, withBenefit.length) };
  });
  return {
    id: 'exit-reasons',
    title: 'Exit-reason groups (report 003 Table 7): 1 still on benefit, 2 external cause, 3 client cause not to work, 4 to work',
    researchOnly: false,
    columns: [
      { key: 'group', label: o.groupBy ?? 'project', kind: 'label' },
      { key: 'withBenefit', label: 'with a benefit at the start', kind: 'count' },
      // Every BenefitEnded reason of the contract maps to a group (exitReasonGroups), no end to group 1: the four partition withBenefit.
      { key: 'stillOnBenefit', label: '1 still on benefit', kind: 'count', partOf: 'withBenefit' },
      { key: 'externalCause', label: '2 external cause', kind: 'count', partOf: 'withBenefit' },
      { key: 'clientCauseNotWork', label: '3 client cause, not to work', kind: 'count', partOf: 'withBenefit' },
      { key: 'toWork', label: '4 to work', kind: 'count', partOf: 'withBenefit' },
      { key: 'toWorkShare', label: '4 ÷ with benefit', kind: 'share', basis: ['toWork', 'withBenefit'] },
    ],
    rows,
    notes: ['Mapping of BenefitEnded reasons to groups: employee/self-employed/subsidised work → 4; relationship, moved, pension → 2; study, detention, other → 3 (study is not to work in 003).'],
  };
}

/** Time from the trajectory's start to the first paid job (optionally ≥ 32 h), censored at dropout, closure or the as-of date. */
export function timeToWork(t: Trajectory, asOf: IsoDate, minHours = 0): SurvivalObservation | null {
  if (!t.startedOn) return null;
  const first = paidPlacements(t).find((p) => p.hoursPerWeek >= minHours && p.startDate <= asOf);
  if (first) return { time: Math.max(0, monthsBetween(t.startedOn, first.startDate)), event: true };
  const ends = [asOf, t.dropout?.on, t.closed?.on].filter((d): d is string => typeof d === 'string' && d <= asOf);
  const end = ends.sort()[0] ?? asOf;
  return { time: Math.max(0, monthsBetween(t.startedOn, end)), event: false };
}

function researchCohorts(all: readonly Trajectory[], o: TableOptions): [ProjectId, Trajectory[]][] {
  const scoped = inScope(all, o).filter((t) => researchConsentInForce(t, o.asOf));
  return projectIds.filter((p) => o.project === undefined || o.project === p).map((p) => [p, scoped.filter((t) => t.project === p)]);
}

const ALL_PROJECTS = 'all-projects';

/** The projects, and — without a project filter — all of them together (report 002 Table 1's "alle cliënten"), where small projects' cells are withheld. */
function researchGroups(all: readonly Trajectory[], o: TableOptions): [string, Trajectory[]][] {
  const byProject = researchCohorts(all, o);
  return o.project === undefined ? [...byProject, [ALL_PROJECTS, byProject.flatMap(([, ts]) => ts)]] : byProject;
}

/** The all-projects row of a research table is its projects' rows added up (same clients, each in one project), per value of `within`. */
const projectsAddUp = (...within: string[]): RowTotals => ({ label: 'project', total: ALL_PROJECTS, within });

function timeToWorkTable(all: readonly Trajectory[], o: TableOptions): OutcomeTable {
  const months = o.months ?? 12;
  const rows: Record<string, Cell>[] = [];
  for (const [project, ts] of researchGroups(all, o)) {
    const obs = ts.map((t) => timeToWork(t, o.asOf)).filter((x): x is SurvivalObservation => x !== null);
    const events = obs.filter((x) => x.event);
    for (const m of cumulativeIncidenceByMonth(obs, months)) {
      const none = obs.length === 0;
      rows.push({
        project,
        month: m.month,
        n: obs.length,
        atRisk: m.atRisk,
        startedByMonth: events.filter((e) => e.time <= m.month).length,
        incidence: none ? null : m.incidence,
        lower95: none ? null : m.lower95,
        upper95: none ? null : m.upper95,
      });
    }
  }
  return {
    id: 'time-to-work',
    title: `Kaplan–Meier: started paid work within ${months} months of the start (report 002 Figure 6 shape)`,
    researchOnly: true,
    rowTotals: projectsAddUp('month'),
    columns: [
      { key: 'project', label: 'project', kind: 'label' },
      { key: 'month', label: 'month', kind: 'label' },
      { key: 'n', label: 'clients', kind: 'count' },
      { key: 'atRisk', label: 'at risk', kind: 'count' },
      { key: 'startedByMonth', label: 'started by this month', kind: 'count' },
      { key: 'incidence', label: 'cumulative share started (1 − S)', kind: 'share', basis: ['n', 'atRisk', 'startedByMonth'] },
      { key: 'lower95', label: '95% lower (log-log)', kind: 'share', basis: ['n', 'atRisk', 'startedByMonth'] },
      { key: 'upper95', label: '95% upper (log-log)', kind: 'share', basis: ['n', 'atRisk', 'startedByMonth'] },
    ],
    rows,
    notes: [
      'Event: first paid job (trial placements excluded). Censored at dropout, case closure or the as-of date (dropout treated as censoring, as the report does).',
      'Greenwood variance, log-log band.',
    ],
  };
}

const addMonths = (date: IsoDate, months: number): IsoDate => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

function workingOn(t: Trajectory, date: IsoDate): boolean {
  return paidPlacements(t).some((p) => p.startDate <= date && (p.endDate === null || p.endDate >= date));
}

function durabilityTable(all: readonly Trajectory[], o: TableOptions): OutcomeTable {
  const rows = researchGroups(all, o).map(([project, ts]) => {
    const starters = ts.filter((t) => paidPlacements(t).some((p) => p.startDate <= o.asOf));
    const firstStart = (t: Trajectory) => paidPlacements(t)[0]!.startDate;
    const lost = starters.filter((t) => paidPlacements(t).some((p) => p.endDate !== null && p.endDate <= o.asOf)).length;
    const second = starters.filter((t) => paidPlacements(t).length >= 2).length;
    const third = starters.filter((t) => paidPlacements(t).length >= 3).length;
    const f6 = starters.filter((t) => addMonths(firstStart(t), 6) <= o.asOf);
    const f12 = starters.filter((t) => addMonths(firstStart(t), 12) <= o.asOf);
    const w6 = f6.filter((t) => workingOn(t, addMonths(firstStart(t), 6))).length;
    const w12 = f12.filter((t) => workingOn(t, addMonths(firstStart(t), 12))).length;
    return {
      project,
      starters: starters.length,
      lostAJob: lost,
      secondJob: second,
      thirdJob: third,
      followed6m: f6.length,
      working6m: w6,
      working6mShare: share(w6, f6.length),
      followed12m: f12.length,
      working12m: w12,
      working12mShare: share(w12, f12.length),
    };
  });
  return {
    id: 'durability',
    title: 'Durability: job loss, 2nd and 3rd job, still working 6 and 12 months after the first start (report 002 Figures 7–8)',
    researchOnly: true,
    rowTotals: projectsAddUp(),
    columns: [
      { key: 'project', label: 'project', kind: 'label' },
      { key: 'starters', label: 'started paid work', kind: 'count' },
      { key: 'lostAJob', label: 'lost a job', kind: 'count' },
      { key: 'secondJob', label: 'had a 2nd job', kind: 'count' },
      { key: 'thirdJob', label: 'had a 3rd job', kind: 'count' },
      { key: 'followed6m', label: 'followed ≥ 6 months since start', kind: 'count' },
      { key: 'working6m', label: 'working at 6 months', kind: 'count' },
      { key: 'working6mShare', label: 'working at 6 months ÷ followed', kind: 'share', basis: ['working6m', 'followed6m'] },
      { key: 'followed12m', label: 'followed ≥ 12 months since start', kind: 'count' },
      { key: 'working12m', label: 'working at 12 months', kind: 'count' },
      { key: 'working12mShare', label: 'working at 12 months ÷ followed', kind: 'share', basis: ['working12m', 'followed12m'] },
    ],
    rows,
    notes: ['Working on a date: a paid placement (any sequence) covers it.'],
  };
}

/** Time from the first paid job's start to its end (job loss), censored at the as-of date (report 002 Figure 8). */
function timeToJobLoss(t: Trajectory, asOf: IsoDate): SurvivalObservation | null {
  const first = paidPlacements(t).find((p) => p.startDate <= asOf);
  if (!first) return null;
  const lost = first.endDate !== null && first.endDate <= asOf;
  return { time: Math.max(0, monthsBetween(first.startDate, lost ? first.endDate : asOf)), event: lost };
}

function jobLossTable(all: readonly Trajectory[], o: TableOptions): OutcomeTable {
  const rows: Record<string, Cell>[] = [];
  for (const [project, ts] of researchGroups(all, o)) {
    const obs = ts.map((t) => timeToJobLoss(t, o.asOf)).filter((x): x is SurvivalObservation => x !== null);
    for (const m of cumulativeIncidenceByMonth(obs, 12)) {
      const none = obs.length === 0;
      rows.push({
        project,
        month: m.month,
        starters: obs.length,
        atRisk: m.atRisk,
        lostByMonth: obs.filter((x) => x.event && x.time <= m.month).length,
        incidence: none ? null : m.incidence,
        lower95: none ? null : m.lower95,
        upper95: none ? null : m.upper95,
      });
    }
  }
  return {
    id: 'job-loss',
    title: 'Kaplan–Meier: lost the first paid job within 12 months of starting it (report 002 Figure 8 shape)',
    researchOnly: true,
    rowTotals: projectsAddUp('month'),
    columns: [
      { key: 'project', label: 'project', kind: 'label' },
      { key: 'month', label: 'months since the start of work', kind: 'label' },
      { key: 'starters', label: 'started paid work', kind: 'count' },
      { key: 'atRisk', label: 'at risk', kind: 'count' },
      { key: 'lostByMonth', label: 'lost the job by this month', kind: 'count' },
      { key: 'incidence', label: 'cumulative share lost (1 − S)', kind: 'share', basis: ['starters', 'atRisk', 'lostByMonth'] },
      { key: 'lower95', label: '95% lower (log-log)', kind: 'share', basis: ['starters', 'atRisk', 'lostByMonth'] },
      { key: 'upper95', label: '95% upper (log-log)', kind: 'share', basis: ['starters', 'atRisk', 'lostByMonth'] },
    ],
    rows,
    notes: ['Censored at the as-of date while the job lasts.'],
  };
}

const CONTRACTS = ['temporary-6m', 'temporary-12m', 'permanent', 'zero-hours', 'work-with-benefit'] as const;

function contractsTable(all: readonly Trajectory[], o: TableOptions): OutcomeTable {
  const rows = researchGroups(all, o).map(([project, ts]) => {
    const first = ts.map((t) => paidPlacements(t).find((p) => p.startDate <= o.asOf)).filter((p): p is PlacementRecord => p !== undefined);
    const row: Record<string, Cell> = { project, starters: first.length };
    for (const c of CONTRACTS) row[c] = first.filter((p) => p.contractType === c).length;
    return row;
  });
  return {
    id: 'contracts',
    title: 'Contract type of the first paid job (report 002 Figure 7 shape)',
    researchOnly: true,
    rowTotals: projectsAddUp(),
    columns: [
      { key: 'project', label: 'project', kind: 'label' },
      { key: 'starters', label: 'started paid work', kind: 'count' },
      // The contract's placement types less the unpaid trial placement, one per first job: they partition the starters.
      ...CONTRACTS.map((c) => ({ key: c, label: c, kind: 'count' as const, partOf: 'starters' })),
    ],
    rows,
    notes: ['Trial placements (proefplaatsing) are not paid work and not counted.'],
  };
}

/** Report 002 Table 5's groups: ≤ 8, > 8 and ≤ 28, > 28 hours a week. */
export function hoursGroupOf(hours: number): HoursGroup {
  return hours <= 8 ? 'upTo8' : hours <= 28 ? 'over8UpTo28' : 'over28';
}

function liveHours(ts: readonly Trajectory[], asOf: IsoDate): { n: number; counts: Record<HoursGroup, number> } {
  const counts: Record<HoursGroup, number> = { upTo8: 0, over8UpTo28: 0, over28: 0 };
  let n = 0;
  for (const t of ts) {
    const first = paidPlacements(t).find((p) => p.startDate <= asOf);
    if (first) {
      counts[hoursGroupOf(first.hoursPerWeek)]++;
      n++;
    }
  }
  return { n, counts };
}

function hoursTable(all: readonly Trajectory[], o: TableOptions): OutcomeTable {
  const rows = researchGroups(all, o).map(([project, ts]) => {
    const { n, counts } = liveHours(ts, o.asOf);
    return { project, starters: n, ...counts, upTo8Share: share(counts.upTo8, n), over8UpTo28Share: share(counts.over8UpTo28, n), over28Share: share(counts.over28, n) };
  });
  return {
    id: 'hours',
    title: 'Hours a week of the first paid job (report 002 Table 5 shape)',
    researchOnly: true,
    rowTotals: projectsAddUp(),
    columns: [
      { key: 'project', label: 'project', kind: 'label' },
      { key: 'starters', label: 'starters', kind: 'count' },
      // hoursGroupOf puts every first job in exactly one group.
      { key: 'upTo8', label: '≤ 8 h', kind: 'count', partOf: 'starters' },
      { key: 'over8UpTo28', label: '> 8 and ≤ 28 h', kind: 'count', partOf: 'starters' },
      { key: 'over28', label: '> 28 h', kind: 'count', partOf: 'starters' },
      { key: 'upTo8Share', label: '≤ 8 h share', kind: 'share', basis: ['upTo8', 'starters'] },
      { key: 'over8UpTo28Share', label: '> 8–28 h share', kind: 'share', basis: ['over8UpTo28', 'starters'] },
      { key: 'over28Share', label: '> 28 h share', kind: 'share', basis: ['over28', 'starters'] },
    ],
    rows,
    notes: [],
  };
}

function movementTable(all: readonly Trajectory[], o: TableOptions): OutcomeTable {
  const rows: Record<string, Cell>[] = [];
  for (const [project, ts] of researchGroups(all, o)) {
    for (const measure of ['ladderRung', 'zrmMean'] as const) {
      for (const to of ['6-months', '12-months'] as const) {
        const pairs = ts
          .map((t) => [t.measurements.baseline, t.measurements[to]] as const)
          .filter((p): p is readonly [NonNullable<(typeof p)[0]>, NonNullable<(typeof p)[1]>] => !!p[0] && !!p[1] && p[1].on <= o.asOf);
        const before = pairs.map(([b]) => b[measure]);
        const after = pairs.map(([, a]) => a[measure]);
        const mb = mean(before);
        const ma = mean(after);
        rows.push({
          project,
          measure: measure === 'ladderRung' ? 'participatieladder' : 'ZRM (mean of 11 domains)',
          from: 'baseline',
          to,
          nPaired: pairs.length,
          meanBefore: mb,
          meanAfter: ma,
          meanChange: mb !== null && ma !== null ? ma - mb : null,
        });
      }
    }
  }
  return {
    id: 'movement',
    title: 'Movement: participation ladder and ZRM, baseline → 6 → 12 months, paired (report 002 §4.3: ZRM 3.6 → 3.8)',
    researchOnly: true,
    rowTotals: projectsAddUp('measure', 'from', 'to'),
    columns: [
      { key: 'project', label: 'project', kind: 'label' },
      { key: 'measure', label: 'measure', kind: 'label' },
      { key: 'from', label: 'from', kind: 'label' },
      { key: 'to', label: 'to', kind: 'label' },
      { key: 'nPaired', label: 'n paired', kind: 'count' },
      { key: 'meanBefore', label: 'mean at baseline', kind: 'mean', basis: ['nPaired'] },
      { key: 'meanAfter', label: 'mean at follow-up', kind: 'mean', basis: ['nPaired'] },
      { key: 'meanChange', label: 'mean change', kind: 'mean', basis: ['nPaired'] },
    ],
    rows,
    notes: ['Only clients measured at both moments (paired).'],
  };
}

function covariatesOf(t: Trajectory) {
  const startYear = Number((t.startedOn ?? '2000').slice(0, 4));
  return { ageBand: ageBandOf(startYear - (t.birthYear ?? startYear - 30)), male: t.sex === 'male', ...(t.education ? { education: t.education } : {}) };
}

function kmIncidenceAt12(ts: readonly Trajectory[], asOf: IsoDate, minHours: number): number {
  const obs = ts.map((t) => timeToWork(t, asOf, minHours)).filter((x): x is SurvivalObservation => x !== null);
  return cumulativeIncidenceByMonth(obs, 12)[12]?.incidence ?? 0;
}

function effectTable(all: readonly Trajectory[], o: TableOptions): OutcomeTable {
  const rows: Record<string, Cell>[] = [];
  for (const [project, ts] of researchGroups(all, o)) {
    for (const [model, minHours] of [
      [workStartModelAllHours, 0],
      [workStartModelOver32h, 32],
    ] as [WorkStartModel, number][]) {
      const e = effectIndicator(
        model,
        ts.map((t) => ({ covariates: covariatesOf(t), started: false })),
      );
      const observedRate = kmIncidenceAt12(ts, o.asOf, minHours);
      const startedWithin12 = ts.filter((t) => {
        const x = timeToWork(t, o.asOf, minHours);
        return x?.event === true && x.time <= 12;
      }).length;
      rows.push({
        project,
        model: model.outcome,
        n: e.n,
        startedWithin12m: startedWithin12,
        observedRate,
        expectedRate: e.expectedRate,
        indicator: e.expectedRate > 0 ? observedRate / e.expectedRate : null,
        covariatesUnavailable: e.covariatesUnavailable.join(' '),
      });
    }
  }
  return {
    id: 'effect',
    title: 'Effect indicator: observed ÷ expected starters within 12 months (report 002 §4.4–4.5, Tables 3–4 shape)',
    researchOnly: true,
    rowTotals: projectsAddUp('model'),
    columns: [
      { key: 'project', label: 'project', kind: 'label' },
      { key: 'model', label: 'model', kind: 'label' },
      { key: 'n', label: 'clients', kind: 'count' },
      { key: 'startedWithin12m', label: 'started within 12 months', kind: 'count' },
      { key: 'observedRate', label: 'observed (Kaplan–Meier, 12 months)', kind: 'share', basis: ['n', 'startedWithin12m'] },
      { key: 'expectedRate', label: 'expected (Table 2 model)', kind: 'share', basis: ['n'] },
      { key: 'indicator', label: 'observed ÷ expected', kind: 'value', basis: ['n', 'startedWithin12m'] },
      { key: 'covariatesUnavailable', label: 'model covariates the chain does not carry (at reference)', kind: 'label' },
    ],
    rows,
    notes: [
      'Observed as in Table 3 (Figure 6: Kaplan–Meier at 12 months). Expected: mean of the Table 2 model’s probabilities; age band, sex and education from ClientRegistered.',
      'Origin, unemployment duration, children and mental health are not on the bus (and must not be): taken at their reference category. Intercept: see the parameter set (not published).',
    ],
  };
}

const benefitTypeForReport = (code: string | null): ReportBenefitType =>
  code === 'wwb' || code === 'wajong' || code === 'wia' || code === 'ww' ? code : code === null || code === 'none' ? 'none' : 'other';

function mkbaLiveTable(all: readonly Trajectory[], o: TableOptions): OutcomeTable {
  const rows: Record<string, Cell>[] = [];
  for (const [project, ts] of researchCohorts(all, o)) {
    const { n, counts } = liveHours(ts, o.asOf);
    const mix: Record<ReportBenefitType, number> = { wwb: 0, wajong: 0, wia: 0, ww: 0, other: 0, none: 0 };
    for (const t of ts) mix[benefitTypeForReport(t.benefitType)] += ts.length ? 1 / ts.length : 0;
    const hours = n > 0 ? (Object.fromEntries(hoursGroups.map((g) => [g, counts[g] / n])) as Record<HoursGroup, number>) : undefined;
    const result = computeMkba(o.parameters, project, {
      startProbability: kmIncidenceAt12(ts, o.asOf, 0),
      ...(hours ? { hoursDistribution: hours } : {}),
      ...(ts.length ? { benefitMix: mix } : {}),
    });
    for (const key of mkbaRowKeys) {
      const r = result.table[key];
      rows.push({ project, clients: ts.length, starters: n, row: key, none: r.none, regular: r.regular, withProject: r.project, deltaNone: r.deltaNone, deltaRegular: r.deltaRegular });
    }
  }
  return {
    id: 'mkba',
    title: 'MKBA per stakeholder from the live cohort’s measured rates (report 002 Tables 9–11 shape, average client, 4-year horizon)',
    researchOnly: true,
    columns: [
      { key: 'project', label: 'project', kind: 'label' },
      { key: 'clients', label: 'clients', kind: 'count' },
      { key: 'starters', label: 'starters', kind: 'count' },
      { key: 'row', label: 'stakeholder / item', kind: 'label' },
      { key: 'none', label: 'no reintegration', kind: 'value', basis: ['clients'] },
      { key: 'regular', label: 'regular support', kind: 'value', basis: ['clients'] },
      { key: 'withProject', label: 'project', kind: 'value', basis: ['clients', 'starters'] },
      { key: 'deltaNone', label: '∆ project − none', kind: 'value', basis: ['clients', 'starters'] },
      { key: 'deltaRegular', label: '∆ project − regular', kind: 'value', basis: ['clients', 'starters'] },
    ],
    rows,
    notes: [
      'Measured: start probability (Kaplan–Meier 12 months), hours mix of the first jobs, benefit mix at registration. The regular scenario keeps the report’s expected rate; prices come from the parameter set.',
    ],
  };
}

export function outcomeTable(id: TableId, trajectories: readonly Trajectory[], o: TableOptions): OutcomeTable {
  switch (id) {
    case 'flow':
      return flowTable(trajectories, o);
    case 'dropout':
      return dropoutTable(trajectories, o);
    case 'exit-reasons':
      return exitReasonsTable(trajectories, o);
    case 'time-to-work':
      return timeToWorkTable(trajectories, o);
    case 'durability':
      return durabilityTable(trajectories, o);
    case 'job-loss':
      return jobLossTable(trajectories, o);
    case 'contracts':
      return contractsTable(trajectories, o);
    case 'hours':
      return hoursTable(trajectories, o);
    case 'movement':
      return movementTable(trajectories, o);
    case 'effect':
      return effectTable(trajectories, o);
    case 'mkba':
      return mkbaLiveTable(trajectories, o);
    default: {
      const never: never = id;
      return never;
    }
  }
}

export function isTableId(x: string): x is TableId {
  return (tableIds as readonly string[]).includes(x);
}
