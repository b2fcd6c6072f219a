// Parameter set "002-2016": every unit price, probability and rule the monitor takes
// from report 002 (Monitor Voorbeeldprojecten, 2016), each with where it stands. Values
// are the report's own; where the report is silent the entry says so (`stated: false`)
// and names the assumption, which is never chosen to make a table come out right.
import { jobCoachingRule002, type JobCoachingRule } from '@wcc/shared-kernel';

export type ProjectId = 'vip-amsterdam' | 'ips-nhn' | 'exit-rotterdam';
export const projectIds: readonly ProjectId[] = ['vip-amsterdam', 'ips-nhn', 'exit-rotterdam'];

export type HoursGroup = 'upTo8' | 'over8UpTo28' | 'over28';
export const hoursGroups: readonly HoursGroup[] = ['upTo8', 'over8UpTo28', 'over28'];

/** Benefit types of report 002 Table 1 ("Overig" and "Geen" included). */
export type ReportBenefitType = 'wwb' | 'wajong' | 'wia' | 'ww' | 'other' | 'none';
export const reportBenefitTypes: readonly ReportBenefitType[] = ['wwb', 'wajong', 'wia', 'ww', 'other', 'none'];

export interface Source {
  readonly report: '000' | '002' | '003';
  /** Section, table or figure, as the report numbers it. */
  readonly where: string;
  /** Whether the report states the value; false = an assumption documented in `note`. */
  readonly stated: boolean;
  readonly note?: string;
}

export interface Sourced<T> {
  readonly value: T;
  readonly source: Source;
}

const s = (where: string, note?: string): Source => ({ report: '002', where, stated: true, ...(note ? { note } : {}) });
const assumed = (where: string, note: string): Source => ({ report: '002', where, stated: false, note });

export interface ProjectInputs {
  readonly label: string;
  readonly n: number;
  /** Share starting paid work (any hours) within 12 months (Table 3, observed). */
  readonly startProbability: Sourced<number>;
  /** Expected share under regular support (Table 3, expected) = the "regulier" scenario's start probability. */
  readonly startProbabilityRegular: Sourced<number>;
  readonly effectIndicator: Sourced<number>;
  /** Table 4: > 32 h/week. */
  readonly startProbability32h: Sourced<number>;
  readonly expected32h: Sourced<number>;
  readonly effectIndicator32h: Sourced<number>;
  /** Table 5, shares of starters per hours group. */
  readonly hoursDistribution: Sourced<Readonly<Record<HoursGroup, number>>>;
  /** Table 1, shares of clients per benefit type at the start. */
  readonly benefitMix: Sourced<Readonly<Record<ReportBenefitType, number>>>;
  /** Cost of the project's trajectory for the benefit agency (§5.1.4). */
  readonly trajectoryCost: Sourced<number>;
  /** What the insurer pays for the project (IPS intake sessions, §5.1.4); 0 for ExIT. */
  readonly insurerCost: Sourced<number>;
}

export interface ParameterSet {
  readonly id: string;
  readonly title: string;
  readonly horizonMonths: Sourced<number>;
  readonly netHourlyWage: Sourced<number>;
  readonly weeksPerMonth: Sourced<number>;
  /** Table 6: mean hours per week per hours group. */
  readonly meanHoursPerWeek: Sourced<Readonly<Record<HoursGroup, number>>>;
  /** Table 7: monthly benefit at the start, per benefit type (euro); null = not stated. */
  readonly benefitAtStart: Readonly<Record<ReportBenefitType, Sourced<number | null>>>;
  /** Table 7: monthly benefit after starting work, per type and hours group (euro); null = not stated. */
  readonly benefitAfterWork: Readonly<Record<ReportBenefitType, Sourced<Readonly<Record<HoursGroup, number>> | null>>>;
  /** Where a benefit level is not stated: the benefit type whose figures stand in (an assumption). */
  readonly benefitStandIn: Sourced<Readonly<Partial<Record<ReportBenefitType, ReportBenefitType | 'zero'>>>>;
  /** Table 8: monthly care cost (euro). */
  readonly careCost: {
    readonly nonStartersStart: Sourced<number>;
    readonly nonStarters12m: Sourced<number>;
    readonly startersStart: Sourced<number>;
    readonly starters12m: Sourced<number>;
  };
  /** §5.1.4: the regular support's cost per client over two years. */
  readonly regularSupportCost: Sourced<number>;
  readonly ipsMarketValue: Sourced<number>;
  readonly ipsIntake: { readonly sessions: Sourced<number>; readonly pricePerSession: Sourced<number> };
  readonly exitCost: Sourced<number>;
  /** §5.1.4 job-coaching rule: share of contract hours per year, only for long enough, large enough contracts. */
  readonly jobCoaching: Sourced<
    JobCoachingRule & {
      /** Tables 9–11 carry only the 8 intake sessions for the insurer: the rule is not in them. */
      readonly inReportTables: boolean;
    }
  >;
  /** §5.1.5: tax and work-related cost as a share of gross wage (not in Tables 9–11). */
  readonly taxShareOfGross: Sourced<number>;
  readonly workCostShareOfGross: Sourced<number>;
  /** When in the first year a starter starts work (months after the trajectory start). */
  readonly meanStartMonth: Sourced<number>;
  /** How the payback period is computed (§5.3 does not say). */
  readonly paybackMethod: Sourced<'linear-over-horizon'>;
  readonly projects: Readonly<Record<ProjectId, ProjectInputs>>;
}

const t5 = (where: string) => s(`Table 5 (${where})`);

export const parameters002_2016: ParameterSet = {
  id: '002-2016',
  title: 'Monitor Voorbeeldprojecten (report 002), ch. 4–5 as published',
  horizonMonths: { value: 48, source: s('§5.1, §5.2', 'De tijdshorizon van de MKBA is vier jaar.') },
  netHourlyWage: { value: 8.82, source: s('§5.1.1, Table 6') },
  weeksPerMonth: { value: 4.3, source: s('Table 6', 'weekly × 4.3 = monthly, as Table 6 computes') },
  meanHoursPerWeek: { value: { upTo8: 6, over8UpTo28: 16.97, over28: 36 }, source: s('Table 6') },
  benefitAtStart: {
    wwb: { value: 900, source: s('Table 7', 'Bijstand, printed rounded to the euro') },
    wajong: { value: 1131, source: s('Table 7', 'Nieuwe Wajong, from the statutory rules (footnote)') },
    wia: { value: 1091, source: s('Table 7') },
    ww: { value: null, source: assumed('Table 1 / Table 7', 'WW level not stated') },
    other: { value: null, source: assumed('Table 1 / Table 7', "'Overig' level not stated") },
    none: { value: 0, source: s('Table 1', "'Geen': no benefit") },
  },
  benefitAfterWork: {
    wwb: { value: { upTo8: 672, over8UpTo28: 253, over28: 0 }, source: s('Table 7') },
    wajong: { value: { upTo8: 905, over8UpTo28: 660, over28: 143 }, source: s('Table 7') },
    wia: { value: { upTo8: 932, over8UpTo28: 641, over28: 136 }, source: s('Table 7') },
    ww: { value: null, source: assumed('Table 7', 'not stated') },
    other: { value: null, source: assumed('Table 7', 'not stated') },
    none: { value: { upTo8: 0, over8UpTo28: 0, over28: 0 }, source: s('Table 1') },
  },
  benefitStandIn: {
    value: { ww: 'wwb', other: 'wwb' },
    source: assumed(
      'Table 1, Table 7',
      'WW and Overig have no stated level: they are costed as bijstand (the social minimum, with full deduction of work income). Chosen as the minimum benefit, not to match Tables 9–10.',
    ),
  },
  careCost: {
    nonStartersStart: { value: 180.68, source: s('Table 8') },
    nonStarters12m: { value: 175.65, source: s('Table 8') },
    startersStart: { value: 185.43, source: s('Table 8') },
    starters12m: { value: 83.02, source: s('Table 8') },
  },
  regularSupportCost: { value: 1238.94, source: s('§5.1.4', 'per client for two years') },
  ipsMarketValue: { value: 5000, source: s('§5.1.4', 'IPS market value for three years') },
  ipsIntake: { sessions: { value: 8, source: s('§5.1.4') }, pricePerSession: { value: 92, source: s('§5.1.4', '736 euro (8x92 euro)') } },
  exitCost: { value: 4000, source: s('§5.1.4', 'ExIT cost price for two years') },
  // The figures are the shared kernel's, which the insurer's tariff funds job coaching by too: one rule, one set of figures.
  jobCoaching: {
    value: { ...jobCoachingRule002, inReportTables: false },
    source: s('§5.1.4', 'at most 15% / 7.5% / 6% of contract hours in years 1/2/3, contracts of ≥ 6 months and ≥ 12 h/week, about €92/h'),
  },
  taxShareOfGross: { value: 0.15, source: s('§5.1.5', 'not used in Tables 9–11') },
  workCostShareOfGross: { value: 0.04, source: s('§5.1.5', 'not used in Tables 9–11') },
  meanStartMonth: {
    value: 6,
    source: assumed(
      '§5.1.3, §5.2',
      'The report uses "de gemiddelde duur (in maanden) van de periode voor- en na het verkrijgen van betaald werk" but does not state it. Assumed: starts spread evenly over the first 12 months (mean month 6), work kept to the horizon (§5.4.1: no transitions after year 1).',
    ),
  },
  paybackMethod: {
    value: 'linear-over-horizon',
    source: assumed('§5.3, Table 12', 'Method not stated. Assumed: the investment at t=0 against the horizon’s saving spread evenly over its years.'),
  },
  projects: {
    'vip-amsterdam': {
      label: 'VIP Amsterdam',
      n: 120,
      startProbability: { value: 0.293, source: s('Table 3') },
      startProbabilityRegular: { value: 0.155, source: s('Table 3', 'expected (regular support)') },
      effectIndicator: { value: 1.89, source: s('Table 3') },
      startProbability32h: { value: 0.075, source: s('Table 4') },
      expected32h: { value: 0.059, source: s('Table 4') },
      effectIndicator32h: { value: 1.26, source: s('Table 4') },
      hoursDistribution: { value: { upTo8: 0.2, over8UpTo28: 0.57, over28: 0.23 }, source: t5('VIP, n=35') },
      benefitMix: { value: { wwb: 0.19, wajong: 0.34, wia: 0.1, ww: 0.01, other: 0.31, none: 0.05 }, source: s('Table 1') },
      trajectoryCost: { value: 5000, source: s('§5.1.4 (IPS market value)') },
      insurerCost: { value: 736, source: s('§5.1.4 (8 × 92)') },
    },
    'ips-nhn': {
      label: 'IPS Noord-Holland Noord',
      n: 118,
      startProbability: { value: 0.165, source: s('Table 3') },
      startProbabilityRegular: { value: 0.137, source: s('Table 3', 'expected (regular support)') },
      effectIndicator: { value: 1.2, source: s('Table 3') },
      startProbability32h: { value: 0.051, source: s('Table 4') },
      expected32h: { value: 0.05, source: s('Table 4') },
      effectIndicator32h: { value: 1.02, source: s('Table 4') },
      hoursDistribution: { value: { upTo8: 0.06, over8UpTo28: 0.59, over28: 0.35 }, source: t5('IPS-NHN, n=20') },
      benefitMix: { value: { wwb: 0.09, wajong: 0.42, wia: 0.24, ww: 0.03, other: 0.13, none: 0.09 }, source: s('Table 1') },
      trajectoryCost: { value: 5000, source: s('§5.1.4 (IPS market value)') },
      insurerCost: { value: 736, source: s('§5.1.4 (8 × 92)') },
    },
    'exit-rotterdam': {
      label: 'ExIT Rotterdam',
      n: 340,
      startProbability: { value: 0.063, source: s('Table 3') },
      startProbabilityRegular: { value: 0.095, source: s('Table 3', 'expected (regular support)') },
      effectIndicator: { value: 0.66, source: s('Table 3') },
      startProbability32h: { value: 0.029, source: s('Table 4') },
      expected32h: { value: 0.035, source: s('Table 4') },
      effectIndicator32h: { value: 0.83, source: s('Table 4') },
      hoursDistribution: { value: { upTo8: 0.14, over8UpTo28: 0.55, over28: 0.31 }, source: t5('ExIT, n=20') },
      benefitMix: { value: { wwb: 1, wajong: 0, wia: 0, ww: 0, other: 0, none: 0 }, source: s('Table 1') },
      trajectoryCost: { value: 4000, source: s('§5.1.4 (ExIT cost price)') },
      insurerCost: { value: 0, source: s('§5.2 (no co-funding of ExIT by an insurer)') },
    },
  },
};

export const parameterSets: Readonly<Record<string, ParameterSet>> = { [parameters002_2016.id]: parameters002_2016 };

export function parameterSet(id: string): ParameterSet | undefined {
  return parameterSets[id];
}
