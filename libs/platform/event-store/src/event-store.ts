// The EventStore port. Two adapters implement it: PostgreSQL (the default) and
// KurrentDB. Both pass the same contract suite (event-store.contract.ts).
import type { EventMetadata } from '@wcc/domain-kit';
import type pg from 'pg';

/** How many events the stream must hold before an append: a version, 'no-stream' or 'any'. */
export type ExpectedVersion = number | 'no-stream' | 'any';

export interface NewEvent<Data = unknown> {
  /** UUID; appending an id that is already stored stores nothing (idempotent append). */
  readonly id: string;
  readonly type: string;
  /** The shape version of `data` when written; readers upcast older versions. */
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<Data = unknown> extends NewEvent<Data> {
  readonly streamId: string;
  /** 1-based position of the event in its stream; a stream's version is its last event's. */
  readonly streamVersion: number;
  /** Position in the global log, as ordered by readAll. */
  readonly globalPosition: GlobalCursor;
  readonly recordedAt: string;
}

/**
 * A point in the global log. For PostgreSQL: (transaction id, position), compared
 * lexicographically. For KurrentDB: (commit, prepare) of its $all position.
 */
export interface GlobalCursor {
  readonly transactionId: bigint;
  readonly position: bigint;
}

export const START: GlobalCursor = { transactionId: 0n, position: 0n };

export interface AppendResult {
  /** The stream's version after the append (unchanged when every event was already stored). */
  readonly nextExpectedVersion: number;
  /** How many of the given events were new. */
  readonly appended: number;
}

export interface ReadAllResult {
  readonly events: RecordedEvent[];
  /** Where the next read starts; equals `from` when nothing new is visible yet. */
  readonly next: GlobalCursor;
}

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  /** Every event of the stream in order, upcast to current schema versions; [] when it does not exist. */
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /** Committed events after `from` in commit order; never skips one whose transaction commits late. */
  readAll(from: GlobalCursor, batchSize: number): Promise<ReadAllResult>;
  /**
   * Appends inside a database transaction the caller manages (a consumer's inbox
   * transaction), so the effect and the inbox record commit together. A refused append
   * (ConcurrencyConflictError) leaves that transaction usable for a retry. Only an
   * adapter that can join the caller's transaction has it.
   */
  appendWithin?(transaction: pg.ClientBase, streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  close(): Promise<void>;
}

export class ConcurrencyConflictError extends Error {
  override readonly name = 'ConcurrencyConflictError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the append was tried; 0 when it does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
  }
}

/**
 * Upcasters per event type, keyed by the schema version they read. Each turns data
 * of version n into version n + 1; the store applies them in a chain on read.
 */
export type Upcasters = Readonly<Record<string, Readonly<Record<number, (data: unknown) => unknown>>>>;
