// What an item reveals, not only what it contains (AVG art. 9, DOMAIN.md): that a client
// was referred to a GGZ provider, is screened, has an IPS job coach, is in treatment, has
// care funded or claimed, or was discussed in an MDT review with a care provider at the
// table, is health data whatever the fields are called. An organisation type whose
// ceiling excludes care involvement (the employer network) never sees such an item, with
// or without consent; it gets what it needs to match and place.
//
// Declared per event in its contract (revealsCareInvolvement); where the data decides it,
// the event's reader says how (its `care`). An event no contract declares reveals care
// (fail closed).
import { findIntegrationEvent } from '@wcc/contracts';
import type { ResolvedEntry } from './case-entry';
import type { ChainEventKey } from './chain-event-reader';
import { chainEventReaders, readItem } from './readers';

/** What the whole case says about care at the table. */
export interface CareFacts {
  /** MDT reviews with a care provider at the table or owning an action. */
  readonly reviewsWithCare: ReadonlySet<string>;
  /** Review actions owned by a care provider. */
  readonly careActions: ReadonlySet<string>;
}

export interface CareFactsLearned {
  readonly reviewsWithCare: Set<string>;
  readonly careActions: Set<string>;
}

/** The events whose reader decides their care involvement from the data. */
export const careInvolvementDataRules: Readonly<Partial<Record<ChainEventKey, NonNullable<(typeof chainEventReaders)[ChainEventKey]['care']>>>> = Object.fromEntries(
  Object.entries(chainEventReaders).flatMap(([key, reader]) => (reader.care ? [[key, reader.care]] : [])),
);

function factsOf(entries: readonly ResolvedEntry[]): CareFacts {
  const facts: CareFactsLearned = { reviewsWithCare: new Set(), careActions: new Set() };
  for (const entry of entries) {
    const item = readItem(entry, entry.data);
    item?.reader.care?.learn?.(facts, item.d);
  }
  return facts;
}

/** Does this item's occurrence reveal care involvement? Unknown events and unknown rules do (fail closed). */
function reveals(entry: ResolvedEntry, facts: CareFacts): boolean {
  const declared = findIntegrationEvent(entry.type)?.revealsCareInvolvement;
  switch (declared) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'depends-on-data': {
      const item = readItem(entry, entry.data);
      return item?.reader.care === undefined || item.reader.care.reveals(item.d, facts);
    }
    case undefined:
      return true;
  }
}

/** The event ids of the items of one case whose occurrence reveals care involvement. */
export function careRevealingItems(entries: readonly ResolvedEntry[]): ReadonlySet<string> {
  const facts = factsOf(entries);
  return new Set(entries.filter((entry) => reveals(entry, facts)).map((entry) => entry.eventId));
}
