// Report 002 Table 2: the reference group's logistic model of starting paid work within
// a year (Fit4Work reference group, n=313), as odds ratios per category, for "all hours"
// and "more than 32 h/week". The report does not publish the intercept: the entry says
// which baseline this parameter set assumes instead, so the expected rate of a cohort is
// only as good as that assumption (Tables 3–4 are reproduced from their own figures).
import type { Source, Sourced } from './report-002-2016';

export type AgeBand = '18-25' | '25-35' | '35-65';
export type Education = 'low' | 'mid' | 'high';
export type Origin = 'nl' | 'tr-ma' | 'sr-an' | 'other';
export type UnemploymentDuration = 'upTo1y' | '1to5y' | 'over5yOrNever';
export type Children = 'noneOrAdult' | 'under12' | '12to18';

/** What the model conditions on; a covariate the chain does not know is undefined (taken at its reference category). */
export interface WorkStartCovariates {
  readonly ageBand: AgeBand;
  readonly male: boolean;
  readonly education?: Education;
  readonly origin?: Origin;
  readonly unemployment?: UnemploymentDuration;
  readonly children?: Children;
  readonly poorMentalHealth?: boolean;
}

export interface OddsRatios {
  readonly age: Readonly<Record<AgeBand, number>>;
  readonly male: number;
  readonly education: Readonly<Record<Education, number>>;
  readonly origin: Readonly<Record<Origin, number>>;
  readonly unemployment: Readonly<Record<UnemploymentDuration, number>>;
  readonly children: Readonly<Record<Children, number>>;
  readonly poorMentalHealth: number;
}

export interface WorkStartModel {
  readonly id: string;
  readonly outcome: 'all-hours' | 'over-32h';
  readonly oddsRatios: Sourced<OddsRatios>;
  /** Odds of starting work for someone in every reference category. */
  readonly baselineOdds: Sourced<number>;
  readonly auc: Sourced<number>;
}

const table2: Source = { report: '002', where: 'Table 2', stated: true };
const baselineAssumption = (rate: number): Source => ({
  report: '002',
  where: '§4.4',
  stated: false,
  note: `Intercept not published. Assumed: the reference profile's odds equal the reference group's overall start rate (${rate * 100}%) as odds. This ignores that the group's mix (¾ poor mental health) lies below the reference profile, so expected rates come out too low; never tuned to Tables 3–4.`,
});

export const workStartModelAllHours: WorkStartModel = {
  id: '002-2016/all-hours',
  outcome: 'all-hours',
  oddsRatios: {
    value: {
      age: { '18-25': 0.53, '25-35': 1, '35-65': 0.68 },
      male: 1.24,
      education: { low: 1, mid: 1.29, high: 1.77 },
      origin: { nl: 1, 'tr-ma': 0.89, 'sr-an': 0.59, other: 0.87 },
      unemployment: { upTo1y: 1, '1to5y': 0.83, over5yOrNever: 0.62 },
      children: { noneOrAdult: 1.8, under12: 1, '12to18': 2.4 },
      poorMentalHealth: 0.51,
    },
    source: table2,
  },
  baselineOdds: { value: 0.085 / (1 - 0.085), source: baselineAssumption(0.085) },
  auc: { value: 0.67, source: { report: '002', where: '§4.4', stated: true } },
};

export const workStartModelOver32h: WorkStartModel = {
  id: '002-2016/over-32h',
  outcome: 'over-32h',
  oddsRatios: {
    value: {
      age: { '18-25': 0.44, '25-35': 1, '35-65': 0.57 },
      male: 2.06,
      education: { low: 1, mid: 1.95, high: 4.05 },
      origin: { nl: 1, 'tr-ma': 1.39, 'sr-an': 0.78, other: 1.01 },
      unemployment: { upTo1y: 1, '1to5y': 0.64, over5yOrNever: 0.1 },
      children: { noneOrAdult: 1.77, under12: 1, '12to18': 2.69 },
      poorMentalHealth: 0.33,
    },
    source: table2,
  },
  // "Ongeveer de helft van de starters begint met een betaalde baan van 32 uur of meer" (§4.4).
  baselineOdds: { value: 0.0425 / (1 - 0.0425), source: baselineAssumption(0.0425) },
  auc: { value: 0.8, source: { report: '002', where: '§4.4', stated: true } },
};

export function ageBandOf(age: number): AgeBand {
  if (age < 25) return '18-25';
  if (age < 35) return '25-35';
  return '35-65';
}

/** The model's probability for one person: baseline odds × the odds ratios of their categories. */
export function workStartProbability(model: WorkStartModel, c: WorkStartCovariates): number {
  const or = model.oddsRatios.value;
  const odds =
    model.baselineOdds.value *
    or.age[c.ageBand] *
    (c.male ? or.male : 1) *
    (c.education ? or.education[c.education] : 1) *
    (c.origin ? or.origin[c.origin] : 1) *
    (c.unemployment ? or.unemployment[c.unemployment] : 1) *
    (c.children ? or.children[c.children] : or.children.under12) *
    (c.poorMentalHealth ? or.poorMentalHealth : 1);
  return odds / (1 + odds);
}

export interface EffectIndicator {
  readonly n: number;
  readonly observed: number;
  readonly expected: number;
  readonly observedRate: number;
  readonly expectedRate: number;
  /** observed ÷ expected; null when nothing is expected. */
  readonly indicator: number | null;
  readonly modelId: string;
  /** Covariates the model has but the chain does not carry (taken at their reference category). */
  readonly covariatesUnavailable: readonly string[];
}

/** Report 002 §4.5: observed starters ÷ the sum of the model's probabilities. */
export function effectIndicator(model: WorkStartModel, cohort: readonly { readonly covariates: WorkStartCovariates; readonly started: boolean }[]): EffectIndicator {
  const expected = cohort.reduce((sum, c) => sum + workStartProbability(model, c.covariates), 0);
  const observed = cohort.filter((c) => c.started).length;
  const n = cohort.length;
  const unavailable = (['education', 'origin', 'unemployment', 'children', 'poorMentalHealth'] as const).filter((k) => cohort.some((c) => c.covariates[k] === undefined));
  return {
    n,
    observed,
    expected,
    observedRate: n ? observed / n : 0,
    expectedRate: n ? expected / n : 0,
    indicator: expected > 0 ? observed / expected : null,
    modelId: model.id,
    covariatesUnavailable: unavailable,
  };
}
