// The KurrentDB (EventStoreDB) adapter of the EventStore port, for deployments that
// run a dedicated event database. It passes the same contract suite as PostgreSQL,
// which is what lets a service switch stores by configuration.
//
// Differences in mechanics, same behaviour:
//   - versions: ours are 1-based counts, KurrentDB revisions are 0-based positions of
//     the last event, so version n is revision n - 1 and version 0 is NO_STREAM;
//   - idempotency: KurrentDB deduplicates by event id only reliably when the expected
//     revision matches the original write, so the adapter first reads the stream's ids
//     and applies the same rule as PostgreSQL (skip stored ids; all stored means
//     success with appended 0). This costs one read per append; our streams are short
//     (one case, one placement). A concurrent duplicate between that read and the write
//     is still caught by the server's own dedup, at worst over-counting `appended`;
//   - readAll walks $all and leaves out system events ($-prefixed types or streams) and
//     events not written as JSON by this adapter; the cursor is the $all position
//     (commit in transactionId, prepare in position).
import {
  ANY,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START as ESDB_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamRecordedEvent,
  type AppendExpectedRevision,
  type JSONType,
  type Position,
  type RecordedEvent as KurrentRecordedEvent,
} from '@eventstore/db-client';
import type { EventMetadata } from '@wcc/domain-kit';
import { ConcurrencyConflictError, type AppendResult, type EventStore, type ExpectedVersion, type GlobalCursor, type NewEvent, type ReadAllResult, type RecordedEvent } from './event-store';
import { upcast, type UpcastingOptions } from './upcasting';

/** What this adapter stores as KurrentDB event metadata. */
interface StoredMetadata {
  readonly schemaVersion: number;
  readonly metadata: EventMetadata;
  /** KurrentDB's own conventions, so its projections and UI can follow causation. */
  readonly $correlationId: string;
  readonly $causationId?: string;
}

export type KurrentEventStoreOptions = UpcastingOptions;

export class KurrentEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly ownsClient: boolean;

  /** Takes a connection string (`esdb://host:2113?tls=false`) or a client the caller owns. */
  constructor(
    connection: string | EventStoreDBClient,
    private readonly options: KurrentEventStoreOptions = {},
  ) {
    this.client = typeof connection === 'string' ? EventStoreDBClient.connectionString(connection) : connection;
    this.ownsClient = typeof connection === 'string';
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const expectedRevision = toExpectedRevision(expected);
    const stored = await this.storedIds(streamId);
    if (events.length === 0) {
      if (!matches(expected, stored.version)) throw new ConcurrencyConflictError(streamId, expected, stored.version);
      return { nextExpectedVersion: stored.version, appended: 0 };
    }
    const fresh = events.filter((e) => !stored.ids.has(e.id.toLowerCase()));
    if (fresh.length === 0) return { nextExpectedVersion: stored.version, appended: 0 };
    try {
      const result = await this.client.appendToStream(
        streamId,
        fresh.map((e) =>
          jsonEvent({
            id: e.id,
            type: e.type,
            data: e.data as JSONType,
            metadata: toStoredMetadata(e) as unknown as JSONType,
          }),
        ),
        { expectedRevision },
      );
      return { nextExpectedVersion: Number(result.nextExpectedRevision) + 1, appended: fresh.length };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion === NO_STREAM ? 0 : Number(error.actualVersion) + 1;
        throw new ConcurrencyConflictError(streamId, expected, actual);
      }
      throw error;
    }
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: ESDB_START, direction: FORWARDS })) {
        const recorded = resolved.event && this.toRecorded(resolved.event);
        if (recorded) events.push(recorded);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(from: GlobalCursor, batchSize: number): Promise<ReadAllResult> {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    const events: RecordedEvent[] = [];
    // How far the scan got, system events included, so the next page starts after them.
    let scanned: Position | undefined = from.transactionId === 0n && from.position === 0n ? undefined : { commit: from.transactionId, prepare: from.position };
    for (;;) {
      const wanted = batchSize - events.length;
      // Reading $all from a position includes the event at that position: ask for one more.
      const page = this.client.readAll({ fromPosition: scanned ?? ESDB_START, maxCount: wanted + 1, direction: FORWARDS });
      let seen = 0;
      for await (const resolved of page) {
        seen += 1;
        const event = resolved.event;
        if (!event || (scanned && !isAfter(event.position, scanned))) continue;
        scanned = event.position;
        if (isSystemEvent(event)) continue;
        const recorded = this.toRecorded(event);
        if (recorded) events.push(recorded);
        if (events.length === batchSize) break;
      }
      if (events.length === batchSize || seen <= wanted) break;
    }
    const last = events.at(-1);
    return { events, next: last ? last.globalPosition : from };
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.dispose();
  }

  /** The stream's event ids and version, for the idempotency rule. */
  private async storedIds(streamId: string): Promise<{ ids: Set<string>; version: number }> {
    const ids = new Set<string>();
    let version = 0;
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: ESDB_START, direction: FORWARDS })) {
        if (!resolved.event) continue;
        ids.add(resolved.event.id.toLowerCase());
        version = Number(resolved.event.revision) + 1;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { ids, version: 0 };
      throw error;
    }
    return { ids, version };
  }

  /** Undefined for events this adapter did not write (binary, or without its metadata). */
  private toRecorded(event: KurrentRecordedEvent): RecordedEvent | undefined {
    if (!event.isJson || !isStoredMetadata(event.metadata)) return undefined;
    const { schemaVersion, data } = upcast(event.type, event.metadata.schemaVersion, event.data, this.options);
    const position = event.position;
    return {
      id: event.id,
      type: event.type,
      schemaVersion,
      data,
      metadata: event.metadata.metadata,
      streamId: event.streamId,
      streamVersion: Number(event.revision) + 1,
      globalPosition: position ? { transactionId: position.commit, position: position.prepare } : { transactionId: 0n, position: 0n },
      recordedAt: event.created.toISOString(),
    };
  }
}

function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no-stream') return NO_STREAM;
  if (!Number.isInteger(expected) || expected < 0) throw new RangeError(`Expected version must be a non-negative integer, got ${expected}`);
  return expected === 0 ? NO_STREAM : BigInt(expected - 1);
}

function matches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return actual === 0;
  return expected === actual;
}

function toStoredMetadata(event: NewEvent): StoredMetadata {
  const base = { schemaVersion: event.schemaVersion, metadata: event.metadata, $correlationId: event.metadata.correlationId };
  return event.metadata.causationId === null ? base : { ...base, $causationId: event.metadata.causationId };
}

function isStoredMetadata(value: unknown): value is StoredMetadata {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StoredMetadata>;
  return typeof candidate.schemaVersion === 'number' && typeof candidate.metadata === 'object' && candidate.metadata !== null;
}

function isSystemEvent(event: AllStreamRecordedEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

function isAfter(a: Position, b: Position): boolean {
  return a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);
}
