// Kaplan–Meier product-limit estimator with right censoring: S(t) = Π (1 − d_i / n_i)
// over the distinct event times t_i ≤ t, where n_i counts everyone still under
// observation just before t_i. Ties: all events at t_i count in one step; a subject
// censored at t_i is still at risk at t_i (the usual convention: events before censorings).
// Variance: Greenwood, Var S(t) = S(t)² Σ d_i / (n_i (n_i − d_i)).
// 95% band: the log-log ("complementary log-log") transform, as R's survival::survfit
// with conf.type = "log-log": S(t)^exp(±1.96 · se(log(−log S))) — it stays within [0, 1].

export interface SurvivalObservation {
  /** Time from the origin (e.g. months since the trajectory started). */
  readonly time: number;
  /** true: the event happened at `time`; false: censored (follow-up ended) at `time`. */
  readonly event: boolean;
}

export interface KaplanMeierStep {
  readonly time: number;
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  readonly survival: number;
  /** Greenwood standard error of S(t). */
  readonly standardError: number;
  readonly lower95: number;
  readonly upper95: number;
}

export interface KaplanMeierCurve {
  readonly n: number;
  readonly events: number;
  readonly steps: readonly KaplanMeierStep[];
}

const Z95 = 1.959963984540054;

export function kaplanMeier(observations: readonly SurvivalObservation[]): KaplanMeierCurve {
  for (const o of observations) {
    if (!Number.isFinite(o.time) || o.time < 0) throw new RangeError(`survival time must be a finite number ≥ 0, got ${o.time}`);
  }
  // One pass over the observations sorted by time: O(n log n) for a cohort of any size.
  const sorted = [...observations].sort((a, b) => a.time - b.time);
  let atRisk = observations.length;
  let survival = 1;
  let greenwood = 0;
  const steps: KaplanMeierStep[] = [];
  for (let i = 0; i < sorted.length;) {
    const time = sorted[i]!.time;
    let events = 0;
    let here = 0;
    while (i < sorted.length && sorted[i]!.time === time) {
      if (sorted[i]!.event) events++;
      here++;
      i++;
    }
    const censored = here - events;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood += atRisk > events ? events / (atRisk * (atRisk - events)) : Number.POSITIVE_INFINITY;
      const se = survival * Math.sqrt(greenwood);
      const [lower95, upper95] = logLogBand(survival, greenwood);
      steps.push({ time, atRisk, events, censored, survival, standardError: Number.isFinite(se) ? se : 0, lower95, upper95 });
    }
    atRisk -= here;
  }
  return { n: observations.length, events: observations.filter((o) => o.event).length, steps };
}

function logLogBand(survival: number, greenwood: number): [number, number] {
  if (survival <= 0 || !Number.isFinite(greenwood)) return [0, 0];
  if (survival >= 1) return [1, 1];
  const logS = Math.log(survival);
  const se = Math.sqrt(greenwood) / Math.abs(logS);
  return [survival ** Math.exp(Z95 * se), survival ** Math.exp(-Z95 * se)];
}

/** S(t) at time t (a step function, right-continuous), with its band and the number still at risk just after t. */
export function survivalAt(curve: KaplanMeierCurve, time: number, observations: readonly SurvivalObservation[]) {
  let step: KaplanMeierStep | undefined;
  for (const s of curve.steps) if (s.time <= time) step = s;
  return {
    time,
    survival: step?.survival ?? 1,
    lower95: step?.lower95 ?? 1,
    upper95: step?.upper95 ?? 1,
    atRisk: observations.filter((o) => o.time > time).length,
  };
}

/** The cumulative incidence 1 − S(t) ("kans op werk", Figure 6) at each whole month 0..months, with the numbers at risk. */
export function cumulativeIncidenceByMonth(observations: readonly SurvivalObservation[], months: number) {
  const curve = kaplanMeier(observations);
  return Array.from({ length: months + 1 }, (_, month) => {
    const at = survivalAt(curve, month, observations);
    return { month, atRisk: observations.filter((o) => o.time >= month).length, incidence: 1 - at.survival, lower95: 1 - at.upper95, upper95: 1 - at.lower95 };
  });
}
