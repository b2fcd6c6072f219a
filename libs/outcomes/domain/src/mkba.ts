// Social cost-benefit analysis per stakeholder (report 002 ch. 5) for an average client
// over the horizon: the project against "no reintegration" and "regular support".
// Model (the report's, as far as it says; the rest are the parameter set's assumptions):
//   starters = p (none 0, regular = the expected rate, project = observed rate);
//   a starter works from meanStartMonth to the horizon, no later transitions (§5.4.1);
//   work income/month = Σ hours-group share × mean hours × net wage × 4.3 (Tables 5–6);
//   benefit/month = Σ benefit-type share × level (Tables 1, 7); a starter's benefit drops
//   to Table 7's "after start of work" for their hours group;
//   care/month = the non-starters' mean of start and 12 months (Table 8), a starter's
//   after the start of work = the starters' cost at 12 months.
import { hoursGroups, reportBenefitTypes, type HoursGroup, type ParameterSet, type ProjectId, type ProjectInputs, type ReportBenefitType } from './parameters/report-002-2016';
import { mkbaRowKeys, type MkbaColumn, type MkbaRowKey, type Payback } from './published/report-tables';
import { maxJobCoachingHours } from '@wcc/shared-kernel';

export type Scenario = 'none' | 'regular' | 'project';

export interface ScenarioResult {
  readonly startProbability: number;
  readonly rows: Readonly<Record<MkbaRowKey, number>>;
}

export interface MkbaResult {
  readonly project: ProjectId;
  readonly parameterSet: string;
  readonly horizonMonths: number;
  readonly scenarios: Readonly<Record<Scenario, ScenarioResult>>;
  /** The five columns of Tables 9–11, per row. */
  readonly table: Readonly<Record<MkbaRowKey, Readonly<Record<MkbaColumn, number>>>>;
  readonly payback: {
    readonly municipality: { readonly vsNone: number | null; readonly vsRegular: number | null };
    readonly insurer: { readonly vsNone: number | null; readonly vsRegular: number | null };
  };
  /** Job coaching by the §5.1.4 rule for the project's starters (not in the report's tables). */
  readonly jobCoachingCostPerClient: number;
  readonly perStarter: { readonly workIncomePerMonth: number; readonly benefitSavingPerMonth: number; readonly careSavingPerMonth: number; readonly workMonths: number };
}

/** Optional overrides: the live cohort's measured rates instead of the report's. */
export interface MkbaInputs {
  readonly startProbability?: number;
  readonly startProbabilityRegular?: number;
  readonly hoursDistribution?: Readonly<Record<HoursGroup, number>>;
  readonly benefitMix?: Readonly<Record<ReportBenefitType, number>>;
}

function levelAtStart(params: ParameterSet, type: ReportBenefitType): number {
  const stated = params.benefitAtStart[type].value;
  if (stated !== null) return stated;
  const standIn = params.benefitStandIn.value[type];
  if (standIn === undefined) throw new Error(`parameter set ${params.id}: no level and no stand-in for benefit type ${type}`);
  return standIn === 'zero' ? 0 : levelAtStart(params, standIn);
}

function levelAfterWork(params: ParameterSet, type: ReportBenefitType, group: HoursGroup): number {
  const stated = params.benefitAfterWork[type].value;
  if (stated !== null) return stated[group];
  const standIn = params.benefitStandIn.value[type];
  if (standIn === undefined) throw new Error(`parameter set ${params.id}: no level and no stand-in for benefit type ${type}`);
  return standIn === 'zero' ? 0 : levelAfterWork(params, standIn, group);
}

/** Table 6: monthly net income of a starter in an hours group. */
export function workIncomePerMonth(params: ParameterSet, group: HoursGroup): number {
  return params.meanHoursPerWeek.value[group] * params.netHourlyWage.value * params.weeksPerMonth.value;
}

export function meanBenefitPerMonth(params: ParameterSet, mix: Readonly<Record<ReportBenefitType, number>>): number {
  return reportBenefitTypes.reduce((sum, type) => sum + mix[type] * levelAtStart(params, type), 0);
}

export function benefitSavingPerStarterMonth(params: ParameterSet, mix: Readonly<Record<ReportBenefitType, number>>, hours: Readonly<Record<HoursGroup, number>>): number {
  return reportBenefitTypes.reduce((sum, type) => sum + mix[type] * hoursGroups.reduce((s, g) => s + hours[g] * (levelAtStart(params, type) - levelAfterWork(params, type, g)), 0), 0);
}

/**
 * §5.1.4's job-coaching rule for one contract (the shared kernel's, as the insurer funds it):
 * the most coaching hours × price, within the horizon. The monitor counts work in months, so
 * a year's weeks are its months × 4.3, as Table 6 turns weeks into months.
 */
export function jobCoachingCost(params: ParameterSet, contract: { readonly hoursPerWeek: number; readonly contractMonths: number; readonly workMonths: number }): number {
  const rule = params.jobCoaching.value;
  const weeksByJobYear = rule.shareOfContractHoursByYear.map((_share, year) => Math.max(0, Math.min(12, contract.workMonths - year * 12)) * params.weeksPerMonth.value);
  return maxJobCoachingHours(rule, contract, weeksByJobYear) * rule.pricePerHour;
}

function payback(investment: number, saving: number, horizonYears: number): number | null {
  if (investment <= 0) return 0;
  if (saving <= 0) return null;
  return investment / (saving / horizonYears);
}

export function computeMkba(params: ParameterSet, project: ProjectId, overrides: MkbaInputs = {}): MkbaResult {
  const inputs: ProjectInputs = params.projects[project];
  const horizon = params.horizonMonths.value;
  const workMonths = Math.max(0, horizon - params.meanStartMonth.value);
  const hours = overrides.hoursDistribution ?? inputs.hoursDistribution.value;
  const mix = overrides.benefitMix ?? inputs.benefitMix.value;
  const income = hoursGroups.reduce((sum, g) => sum + hours[g] * workIncomePerMonth(params, g), 0);
  const benefit = meanBenefitPerMonth(params, mix);
  const benefitSaving = benefitSavingPerStarterMonth(params, mix, hours);
  const care = params.careCost;
  const careNonStarter = (care.nonStartersStart.value + care.nonStarters12m.value) / 2;
  const careSaving = careNonStarter - care.starters12m.value;

  const p: Record<Scenario, number> = {
    none: 0,
    regular: overrides.startProbabilityRegular ?? inputs.startProbabilityRegular.value,
    project: overrides.startProbability ?? inputs.startProbability.value,
  };
  const cost: Record<Scenario, { municipality: number; insurer: number }> = {
    none: { municipality: 0, insurer: 0 },
    regular: { municipality: params.regularSupportCost.value, insurer: 0 },
    project: { municipality: inputs.trajectoryCost.value, insurer: inputs.insurerCost.value },
  };

  const scenario = (s: Scenario): ScenarioResult => {
    const benefitPaid = horizon * benefit - p[s] * workMonths * benefitSaving;
    const careCost = horizon * careNonStarter - p[s] * workMonths * careSaving;
    return {
      startProbability: p[s],
      rows: {
        'municipality.reintegration': -cost[s].municipality,
        'municipality.benefit': -benefitPaid,
        'insurer.reintegration': -cost[s].insurer,
        'insurer.care': -careCost,
        'client.benefit': benefitPaid,
        'client.workIncome': p[s] * workMonths * income,
      },
    };
  };
  const scenarios = { none: scenario('none'), regular: scenario('regular'), project: scenario('project') };
  const table = Object.fromEntries(
    mkbaRowKeys.map((key) => {
      const none = scenarios.none.rows[key];
      const regular = scenarios.regular.rows[key];
      const proj = scenarios.project.rows[key];
      return [key, { none, regular, project: proj, deltaNone: proj - none, deltaRegular: proj - regular }];
    }),
  ) as Record<MkbaRowKey, Record<MkbaColumn, number>>;

  const years = horizon / 12;
  const munInvest = (col: 'deltaNone' | 'deltaRegular') => -table['municipality.reintegration'][col];
  const insInvest = (col: 'deltaNone' | 'deltaRegular') => -table['insurer.reintegration'][col];

  // Job coaching: each project starter's contract, by hours group, assumed ≥ 6 months (§5.1.4 gives no contract mix per group).
  const coaching = hoursGroups.reduce((sum, g) => sum + hours[g] * jobCoachingCost(params, { hoursPerWeek: params.meanHoursPerWeek.value[g], contractMonths: 6, workMonths }), 0);

  return {
    project,
    parameterSet: params.id,
    horizonMonths: horizon,
    scenarios,
    table,
    payback: {
      municipality: {
        vsNone: payback(munInvest('deltaNone'), table['municipality.benefit'].deltaNone, years),
        vsRegular: payback(munInvest('deltaRegular'), table['municipality.benefit'].deltaRegular, years),
      },
      insurer: {
        vsNone: payback(insInvest('deltaNone'), table['insurer.care'].deltaNone, years),
        vsRegular: payback(insInvest('deltaRegular'), table['insurer.care'].deltaRegular, years),
      },
    },
    jobCoachingCostPerClient: p.project * coaching,
    perStarter: { workIncomePerMonth: income, benefitSavingPerMonth: benefitSaving, careSavingPerMonth: careSaving, workMonths },
  };
}

/** Table 12 prints "> 8" beyond 8 years (and for never). */
export function asPrintedPayback(years: number | null): Payback {
  if (years === null || years > 8) return '>8';
  return Math.round(years * 10) / 10;
}
