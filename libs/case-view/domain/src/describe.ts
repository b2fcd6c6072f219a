// One readable line per item, in Dutch and English, for the MDT timeline. The line is
// built only from the fields of the item's headline category and administrative ones,
// so whoever may see the item may read its line; a field the line cannot use is left
// out of it, never guessed. Each event's line is in its reader (readers/).
import type { CaseEntry, EventData } from './case-entry';
import { organisationTypeNl, type ReadableLine } from './readable-line';
import { readItem } from './readers';
import type { DataCategory } from './vocabulary';

export type { ReadableLine } from './readable-line';

/** The fields a line may be made of: those of the headline category and administrative ones. */
export function fieldsForLine(data: EventData, fieldCategories: Readonly<Record<string, DataCategory>>, headline: DataCategory): EventData {
  return Object.fromEntries(
    Object.entries(data).filter(([name]) => {
      const category = fieldCategories[name];
      return category === headline || category === 'administrative';
    }),
  );
}

export function describeEntry(entry: Pick<CaseEntry, 'producer' | 'name' | 'data' | 'fieldCategories' | 'headlineCategory'>): ReadableLine {
  const item = readItem(entry, fieldsForLine(entry.data, entry.fieldCategories, entry.headlineCategory));
  if (item) return item.reader.describe(item.d);
  return { nl: `${entry.name} (${organisationTypeNl[entry.producer] ?? entry.producer})`, en: `${entry.name} (${entry.producer})` };
}
