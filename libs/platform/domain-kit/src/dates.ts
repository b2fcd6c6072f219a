// Calendar dates in the Netherlands. Deadlines, validity and "today" are Dutch calendar
// dates, while instants (command metadata, the clock) are UTC: between 23:00 and 01:00 UTC
// the two dates differ, so "today" is always the Amsterdam date of an instant, never
// `toISOString().slice(0, 10)`.

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The date (YYYY-MM-DD) in Amsterdam at the given instant; now when none is given. */
export function dateInAmsterdam(instant: string | Date = new Date()): string {
  return AMSTERDAM.format(typeof instant === 'string' ? new Date(instant) : instant);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in YYYY-MM-DD form (2025-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
