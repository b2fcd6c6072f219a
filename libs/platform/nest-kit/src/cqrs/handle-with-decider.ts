// Load → decide → append, the whole of a command handler. A concurrency conflict
// means someone appended between our read and our write: reload and decide again.
// Event ids derive from the command id, so a retried command cannot duplicate events.
import {
  isDomainError,
  streamId as streamIdOf,
  uuidV5,
  type Command,
  type CommandMetadata,
  type Decider,
  type DomainEvent,
} from '@wcc/domain-kit';
import type pg from 'pg';
import { ConcurrencyConflictError, PostgresEventStore, type EventStore, type NewEvent } from '@wcc/event-store';
import { ProblemException } from '../http/problem';

export interface HandledCommand<E> {
  readonly streamId: string;
  readonly events: readonly E[];
  /** The stored ids of those events (derived from the command id), e.g. to wait for their publication. */
  readonly eventIds: readonly string[];
  /** The stream's version after the command. */
  readonly version: number;
}

export interface HandleOptions {
  readonly maxAttempts?: number;
  /** Current schema version per event type; 1 when absent. */
  readonly schemaVersions?: Readonly<Record<string, number>>;
  /**
   * Append inside this transaction (a consumer's inbox transaction), so the effect and
   * the inbox record commit together. PostgreSQL store only.
   */
  readonly transaction?: pg.ClientBase;
}

export async function loadState<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  id: string,
): Promise<{ state: S; version: number }> {
  const recorded = await store.readStream(streamIdOf(decider.streamType, id));
  const state = recorded.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as E), decider.initialState());
  return { state, version: recorded.at(-1)?.streamVersion ?? 0 };
}

export async function handleWithDecider<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  id: string,
  command: C,
  metadata: CommandMetadata,
  options: HandleOptions = {},
): Promise<HandledCommand<E>> {
  const stream = streamIdOf(decider.streamType, id);
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await loadState(store, decider, id);
    const decided = decider.decide(command, state, metadata);
    if (isDomainError(decided)) throw ProblemException.fromDomainError(decided);
    if (decided.length === 0) return { streamId: stream, events: [], eventIds: [], version };
    const events: NewEvent[] = decided.map((event, index) => ({
      id: uuidV5(`${metadata.commandId}:${stream}:${index}`),
      type: event.type,
      schemaVersion: options.schemaVersions?.[event.type] ?? 1,
      data: event.data,
      metadata: {
        occurredAt: metadata.now,
        correlationId: metadata.correlationId,
        causationId: metadata.commandId,
        actor: metadata.actor,
        ...(metadata.trace ? { trace: metadata.trace } : {}),
      },
    }));
    const expected = version === 0 ? 'no-stream' : version;
    const tx = options.transaction;
    try {
      if (!tx) {
        const result = await store.append(stream, events, expected);
        return { streamId: stream, events: decided, eventIds: events.map((e) => e.id), version: result.nextExpectedVersion };
      }
      if (!(store instanceof PostgresEventStore)) throw new Error('Appending inside a transaction needs the PostgreSQL event store');
      // A failed statement aborts the whole transaction; the savepoint keeps the inbox transaction usable for a retry.
      await tx.query('savepoint wcc_append');
      const result = await store.appendWithin(tx, stream, events, expected);
      await tx.query('release savepoint wcc_append');
      return { streamId: stream, events: decided, eventIds: events.map((e) => e.id), version: result.nextExpectedVersion };
    } catch (err) {
      if (tx) await tx.query('rollback to savepoint wcc_append').catch(() => undefined);
      if (err instanceof ConcurrencyConflictError && attempt < maxAttempts) continue;
      throw err;
    }
  }
}
