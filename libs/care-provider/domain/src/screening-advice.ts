// Code lists of the screening advice: the work-oriented part of a GGZ screening that
// may leave the care provider. Clinical findings (diagnoses, notes) are not in here.

/** Advised route after screening (screeningsadvies). */
export const ADVISED_ROUTES = ['ips', 'reintegration', 'care-first', 'not-now'] as const;
export type AdvisedRoute = (typeof ADVISED_ROUTES)[number];

export function isAdvisedRoute(value: string): value is AdvisedRoute {
  return (ADVISED_ROUTES as readonly string[]).includes(value);
}

/** Weekly work capacity must be a whole or half hour between 0 and 40. */
export function isValidWorkCapacity(hoursPerWeek: number): boolean {
  return Number.isFinite(hoursPerWeek) && hoursPerWeek >= 0 && hoursPerWeek <= 40 && Number.isInteger(hoursPerWeek * 2);
}
