// Calendar dates in the Netherlands: "today" is the Amsterdam date of the command's
// time, not the UTC date, so a review date entered at 00:30 is judged correctly.

import { dateInAmsterdam, isIsoDate } from '@wcc/domain-kit';

export { isIsoDate };

/** The Amsterdam calendar date (YYYY-MM-DD) of an ISO instant. */
export function localDateOf(instant: string): string {
  return dateInAmsterdam(instant);
}
