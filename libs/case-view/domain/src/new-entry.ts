// Turns a validated integration event into a case item: the categories come from its
// contract, the headline and the readable line from its reader.
import type { CaseEntry, EventData } from './case-entry';
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

/** An envelope field: every contract carries caseId, clientKey and occurredAt (eventData()). */
const envelopeField = (data: EventData, name: 'caseId' | 'clientKey' | 'occurredAt') => {
  const value = data[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

export function newEntry(event: IncomingEvent): CaseEntry {
  const headlineCategory = headlineCategoryOf(event.producer, event.name, event.fieldCategories);
  const line = describeEntry({ producer: event.producer, name: event.name, data: event.data, fieldCategories: event.fieldCategories, headlineCategory });
  return {
    eventId: event.eventId,
    caseId: envelopeField(event.data, 'caseId') ?? '',
    clientKey: envelopeField(event.data, 'clientKey') ?? '',
    type: event.type,
    producer: event.producer,
    name: event.name,
    occurredAt: envelopeField(event.data, 'occurredAt') ?? event.time ?? '',
    sequence: event.sequence,
    data: event.data,
    fieldCategories: event.fieldCategories,
    headlineCategory,
    summaryNl: line.nl,
    summaryEn: line.en,
  };
}
