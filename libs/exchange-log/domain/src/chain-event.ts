// What the exchange log needs of one received integration event, free of Kafka and
// Nest: the CloudEvent attributes, the validated data and its per-field categories.
import type { DataCategory, ProducerContext } from '@wcc/contracts';

export interface ChainEvent {
  /** CloudEvent id. */
  readonly id: string;
  /** CloudEvent type, e.g. nl.workcarechain.municipality.client-referred.v1. */
  readonly type: string;
  readonly producer: ProducerContext;
  /** Contract name, e.g. ClientReferred. */
  readonly name: string;
  /** CloudEvent source: urn:nld:oin:<organisation>:systeem:<system>. */
  readonly source: string;
  /** CloudEvent time (RFC 3339), else the data's occurredAt. */
  readonly time: string;
  /** W3C traceparent of the command that caused the event. */
  readonly traceparent?: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Data category of every declared top-level field. */
  readonly categories: Readonly<Record<string, DataCategory>>;
}

const sourceUrn = /^urn:nld:oin:([A-Za-z0-9][A-Za-z0-9._-]*):systeem:([A-Za-z0-9][A-Za-z0-9._-]*)$/;

/** The producing organisation named in an NL GOV CloudEvent source URN. */
export function organisationOfSource(source: string): string | undefined {
  return sourceUrn.exec(source)?.[1];
}

/** A URI for an organisation the log knows only by id. */
export function organisationEntity(organisationId: string): string {
  return `urn:nld:oin:${organisationId}`;
}

export function textField(data: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = data[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function stringListField(data: Readonly<Record<string, unknown>>, name: string): string[] {
  const value = data[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const categoryOrder: readonly DataCategory[] = ['identifying', 'administrative', 'work', 'care-summary', 'financial'];

/** The categories of the fields this event actually carries, in a stable order. */
export function disclosedCategories(event: Pick<ChainEvent, 'data' | 'categories'>): DataCategory[] {
  const found = new Set<DataCategory>();
  for (const [field, category] of Object.entries(event.categories)) if (event.data[field] !== undefined) found.add(category);
  return categoryOrder.filter((c) => found.has(c));
}

/** Both lists as one, in the same stable order; values that are no category are dropped. */
export function unitedCategories(a: readonly string[], b: readonly string[]): DataCategory[] {
  const found = new Set<string>([...a, ...b]);
  return categoryOrder.filter((c) => found.has(c));
}
