// One integration event as an item of a case: its data with the data category of every
// field (from the contract), the category its mere occurrence reveals (the headline),
// who produced it and to whom it was addressed, and a readable line in Dutch and English.
import type { ItemParties } from './visibility-policy';
import type { DataCategory, PartnerOrganisationType } from './vocabulary';

/** An item's data: its contract's fields, those a viewer may not see left out. Read it through the event's reader (chain-event-reader.ts). */
export type EventData = Readonly<Record<string, unknown>>;

export interface CaseEntry {
  /** The CloudEvent id: what makes projecting the same message twice a no-op. */
  readonly eventId: string;
  readonly caseId: string;
  readonly clientKey: string;
  /** The CloudEvents type, e.g. nl.workcarechain.care-provider.referral-accepted.v1. */
  readonly type: string;
  readonly producer: PartnerOrganisationType;
  /** The event name, e.g. ReferralAccepted; with the producer it says what happened. */
  readonly name: string;
  readonly occurredAt: string;
  /** The producer's log position (CloudEvents sequence); orders events of one producer with equal times. */
  readonly sequence: string | null;
  readonly data: EventData;
  readonly fieldCategories: Readonly<Record<string, DataCategory>>;
  readonly headlineCategory: DataCategory;
  readonly summaryNl: string;
  readonly summaryEn: string;
}

/** An entry with its parties resolved against the rest of the case. */
export interface ResolvedEntry extends CaseEntry, ItemParties {}

/** `care-provider:ReferralAccepted`: names are unique per producer, across versions. */
export function eventKey(producer: string, name: string): string {
  return `${producer}:${name}`;
}

export function keyOf(entry: Pick<CaseEntry, 'producer' | 'name'>): string {
  return eventKey(entry.producer, entry.name);
}

/**
 * Case order: business time, then the producer's own log order, then the id. It does not
 * depend on the order messages arrived in, so a rebuild folds to the same rows.
 */
export function compareEntries(a: CaseEntry, b: CaseEntry): number {
  if (a.occurredAt !== b.occurredAt) return Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || (a.occurredAt < b.occurredAt ? -1 : 1);
  if (a.producer === b.producer && a.sequence !== null && b.sequence !== null && a.sequence !== b.sequence) return a.sequence < b.sequence ? -1 : 1;
  if (a.producer !== b.producer) return a.producer < b.producer ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** Envelope fields that locate an item rather than describe the client: shown with any visible item. */
export const itemCoordinates: readonly string[] = ['caseId', 'occurredAt'];
