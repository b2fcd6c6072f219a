// Calendar dates in the Netherlands: "today" is the Amsterdam date of the command's
// time, not the UTC date, so a review date entered at 00:30 is judged correctly.

const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Amsterdam calendar date (YYYY-MM-DD) of an ISO instant. */
export function localDateOf(instant: string): string {
  return amsterdamDate.format(new Date(instant));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in YYYY-MM-DD form (2025-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
