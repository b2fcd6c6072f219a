// Integration events travel as CloudEvents 1.0 following the NL GOV profile, in the
// Kafka binding's binary content mode: attributes ride in `ce_*` headers, the data is
// the plain JSON value, so a consumer can route and deduplicate before parsing data.
// Ids are derived, not random: publishing the same domain event again after a crash
// yields the same id, which is what lets consumers deduplicate.
import type { IHeaders, Message } from 'kafkajs';
import { uuidV5 } from '@wcc/domain-kit';
import type { GlobalCursor, RecordedEvent } from '@wcc/event-store';

export interface CloudEvent<Data = unknown> {
  readonly specversion: '1.0';
  /** UUID, unique per source; the same domain event and type always give the same id. */
  readonly id: string;
  /** NL GOV: `urn:nld:oin:<OIN>:systeem:<system>`. */
  readonly source: string;
  /** Reverse-DNS type with version, from the contract. */
  readonly type: string;
  /** RFC 3339; the business time of the domain event. */
  readonly time?: string;
  /** Left out unless it identifies no person: it is readable by every hop, unencrypted. */
  readonly subject?: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema?: string;
  /** The producer's global position, encoded so string order is log order. */
  readonly sequence?: string;
  /** W3C distributed tracing extension. */
  readonly traceparent?: string;
  readonly tracestate?: string;
  readonly correlationid?: string;
  /** Id of what caused this event: for a relayed event, the domain event's id. */
  readonly causationid?: string;
  /** Extension attributes this module does not know by name, kept as they came. */
  readonly extensions?: Readonly<Record<string, string>>;
  readonly data: Data;
}

export type DecodedCloudEvent = { readonly ok: true; readonly event: CloudEvent } | { readonly ok: false; readonly reason: string };

export const CONTENT_TYPE_JSON = 'application/json';

/** Namespace of the UUIDv5 ids of this system's integration events; never change it, or ids stop matching. */
export const INTEGRATION_EVENT_ID_NAMESPACE = '408bf8c7-b83d-44cf-8413-d983a41e06bd';

export interface CloudEventSourceOptions {
  /** Organisatie-identificatienummer (20 digits) or another stable organisation id. */
  readonly organisation: string;
  /** The system within the organisation, e.g. `wcc-municipality`. */
  readonly system: string;
}

const urnSegment = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The NL GOV `source`: `urn:nld:oin:<organisation>:systeem:<system>`. */
export function cloudEventSource({ organisation, system }: CloudEventSourceOptions): string {
  if (!urnSegment.test(organisation)) throw new Error(`CloudEvent source: organisation "${organisation}" must be letters, digits, '.', '_' or '-'.`);
  if (!urnSegment.test(system)) throw new Error(`CloudEvent source: system "${system}" must be letters, digits, '.', '_' or '-'.`);
  return `urn:nld:oin:${organisation}:systeem:${system}`;
}

/**
 * The id of the `occurrence`-th integration event of `type` made from one domain event.
 * Deterministic, so a re-publish after a crash carries the id consumers already saw.
 */
export function integrationEventId(sourceEventId: string, type: string, occurrence = 0): string {
  return uuidV5(occurrence === 0 ? `${sourceEventId}|${type}` : `${sourceEventId}|${type}|${occurrence}`, INTEGRATION_EVENT_ID_NAMESPACE);
}

const SEQUENCE_DIGITS = 20; // 2^64 has 20 decimal digits

/** `<transactionId>-<position>`, both zero-padded, so comparing strings compares positions. */
export function encodeSequence(cursor: GlobalCursor): string {
  if (cursor.transactionId < 0n || cursor.position < 0n) throw new Error('encodeSequence: a global position is never negative');
  return `${cursor.transactionId.toString().padStart(SEQUENCE_DIGITS, '0')}-${cursor.position.toString().padStart(SEQUENCE_DIGITS, '0')}`;
}

export function decodeSequence(sequence: string): GlobalCursor | undefined {
  const match = /^(\d{20})-(\d{20})$/.exec(sequence);
  if (!match) return undefined;
  return { transactionId: BigInt(match[1]!), position: BigInt(match[2]!) };
}

export interface CloudEventFromDomainEvent<Data> {
  readonly source: string;
  readonly type: string;
  readonly data: Data;
  readonly from: Pick<RecordedEvent, 'id' | 'globalPosition' | 'metadata'>;
  /** How many events of this type the same domain event produced before this one. */
  readonly occurrence?: number;
  readonly subject?: string;
  readonly dataschema?: string;
}

/** Builds the CloudEvent for an integration event mapped from a stored domain event. */
export function cloudEventFrom<Data>(input: CloudEventFromDomainEvent<Data>): CloudEvent<Data> {
  const { metadata } = input.from;
  return {
    specversion: '1.0',
    id: integrationEventId(input.from.id, input.type, input.occurrence ?? 0),
    source: input.source,
    type: input.type,
    time: metadata.occurredAt,
    ...(input.subject === undefined ? {} : { subject: input.subject }),
    datacontenttype: CONTENT_TYPE_JSON,
    ...(input.dataschema === undefined ? {} : { dataschema: input.dataschema }),
    sequence: encodeSequence(input.from.globalPosition),
    ...(metadata.trace ? { traceparent: metadata.trace.traceparent } : {}),
    ...(metadata.trace?.tracestate ? { tracestate: metadata.trace.tracestate } : {}),
    correlationid: metadata.correlationId,
    causationid: input.from.id,
    data: input.data,
  };
}

const OPTIONAL_ATTRIBUTES = ['time', 'subject', 'dataschema', 'sequence', 'traceparent', 'tracestate', 'correlationid', 'causationid'] as const;
const KNOWN = new Set<string>(['specversion', 'id', 'source', 'type', 'datacontenttype', 'data', 'extensions', ...OPTIONAL_ATTRIBUTES]);
const attributeName = /^[a-z0-9]{1,20}$/;

/** Binary content mode: attributes as `ce_<name>` headers, `content-type` header, data as the value. */
export function encodeCloudEvent(event: CloudEvent, key: string): Message {
  const headers: Record<string, string> = {
    ce_specversion: event.specversion,
    ce_id: event.id,
    ce_source: event.source,
    ce_type: event.type,
  };
  for (const name of OPTIONAL_ATTRIBUTES) {
    const value = event[name];
    if (value !== undefined) headers[`ce_${name}`] = value;
  }
  for (const [name, value] of Object.entries(event.extensions ?? {})) {
    if (!attributeName.test(name) || KNOWN.has(name)) throw new Error(`encodeCloudEvent: "${name}" is not a valid extension attribute name`);
    headers[`ce_${name}`] = value;
  }
  headers['content-type'] = event.datacontenttype;
  return { key, value: JSON.stringify(event.data), headers };
}

function headerText(value: IHeaders[string]): string | undefined | { repeated: true } {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 1) return String(value[0]);
    return { repeated: true };
  }
  return Buffer.isBuffer(value) ? value.toString('utf8') : value;
}

// RFC 3339 date-time (the profile requires it for `time`).
const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Reads a binary-mode CloudEvent from a Kafka message. Returns a reason a person can act
 * on instead of throwing, because the caller dead-letters what it cannot read.
 */
export function decodeCloudEvent(message: { readonly headers?: IHeaders; readonly value: Buffer | string | null }): DecodedCloudEvent {
  const attributes: Record<string, string> = {};
  let contentType: string | undefined;
  for (const [rawName, rawValue] of Object.entries(message.headers ?? {})) {
    const name = rawName.toLowerCase();
    if (!name.startsWith('ce_') && name !== 'content-type') continue;
    const text = headerText(rawValue);
    if (text === undefined) continue;
    if (typeof text !== 'string') return { ok: false, reason: `Header ${rawName} appears more than once; a CloudEvent attribute has one value.` };
    if (name === 'content-type') contentType = text;
    else attributes[name.slice(3)] = text;
  }

  for (const required of ['specversion', 'id', 'source', 'type'] as const) {
    if (!attributes[required]) return { ok: false, reason: `Header ce_${required} is missing or empty; every CloudEvent needs a ${required}.` };
  }
  if (attributes['specversion'] !== '1.0') {
    return { ok: false, reason: `Header ce_specversion is "${attributes['specversion']}"; only CloudEvents 1.0 is understood.` };
  }
  for (const name of Object.keys(attributes)) {
    if (!attributeName.test(name)) return { ok: false, reason: `Header ce_${name} does not name a valid CloudEvent attribute (lower-case letters and digits, at most 20).` };
  }
  const time = attributes['time'];
  if (time !== undefined && (!rfc3339.test(time) || Number.isNaN(Date.parse(time)))) {
    return { ok: false, reason: `Header ce_time is "${time}", which is not an RFC 3339 timestamp.` };
  }
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== CONTENT_TYPE_JSON) {
    return {
      ok: false,
      reason:
        contentType === undefined
          ? 'Header content-type is missing; integration events carry application/json data.'
          : `Header content-type is "${contentType}"; integration events carry application/json data.`,
    };
  }
  if (message.value === null || message.value.length === 0) {
    return { ok: false, reason: 'The message has no value; an integration event carries its data as JSON in the value.' };
  }

  let data: unknown;
  try {
    data = JSON.parse(Buffer.isBuffer(message.value) ? message.value.toString('utf8') : message.value);
  } catch (error) {
    return { ok: false, reason: `The message value is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }

  const extensions: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) if (!KNOWN.has(name)) extensions[name] = value;
  const optional: Partial<Record<(typeof OPTIONAL_ATTRIBUTES)[number], string>> = {};
  for (const name of OPTIONAL_ATTRIBUTES) {
    const value = attributes[name];
    if (value !== undefined) optional[name] = value;
  }
  return {
    ok: true,
    event: {
      specversion: '1.0',
      id: attributes['id']!,
      source: attributes['source']!,
      type: attributes['type']!,
      ...optional,
      datacontenttype: CONTENT_TYPE_JSON,
      ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
      data,
    },
  };
}
