// The category an item's mere occurrence reveals. A referral's reply deadline is
// administrative, but "a treatment episode started" is health data whatever its fields
// are categorised as, and "a benefit was adjusted" is financial. Decided per event by its
// reader (readers/); an event no reader knows (a newer contract than this build) falls
// back to the most sensitive category among its fields, so it is hidden rather than leaked.
import { readItem } from './readers';
import type { DataCategory } from './vocabulary';

/** Most sensitive first: the order used when several categories must collapse into one. */
export const sensitivityOrder: readonly DataCategory[] = ['care-summary', 'financial', 'identifying', 'work', 'administrative'];

export function mostSensitive(categories: Iterable<DataCategory>): DataCategory {
  const present = new Set(categories);
  return sensitivityOrder.find((category) => present.has(category)) ?? 'administrative';
}

export function headlineCategoryOf(producer: string, name: string, fieldCategories: Readonly<Record<string, DataCategory>>): DataCategory {
  return readItem({ producer, name }, {})?.reader.headline ?? mostSensitive(Object.values(fieldCategories));
}
