// Turns a validated integration event into a case item: the categories come from its
// contract, the headline from the policy table, the readable line from its fields.
import type { CaseEntry } from './case-entry';
import { str, type EventData } from './data-readers';
import { describeEntry } from './describe';
import { headlineCategoryOf } from './headline';
import type { DataCategory, PartnerOrganisationType } from './vocabulary';

export interface IncomingEvent {
  readonly eventId: string;
  readonly type: string;
  readonly producer: PartnerOrganisationType;
  readonly name: string;
  readonly sequence: string | null;
  /** The CloudEvent time, used only when the data has no occurredAt (every contract has one). */
  readonly time: string | null;
  readonly data: EventData;
  readonly fieldCategories: Readonly<Record<string, DataCategory>>;
}

export function newEntry(event: IncomingEvent): CaseEntry {
  const headlineCategory = headlineCategoryOf(event.producer, event.name, event.fieldCategories);
  const line = describeEntry({ producer: event.producer, name: event.name, data: event.data, fieldCategories: event.fieldCategories, headlineCategory });
  return {
    eventId: event.eventId,
    caseId: str(event.data, 'caseId') ?? '',
    clientKey: str(event.data, 'clientKey') ?? '',
    type: event.type,
    producer: event.producer,
    name: event.name,
    occurredAt: str(event.data, 'occurredAt') ?? event.time ?? '',
    sequence: event.sequence,
    data: event.data,
    fieldCategories: event.fieldCategories,
    headlineCategory,
    summaryNl: line.nl,
    summaryEn: line.en,
  };
}
