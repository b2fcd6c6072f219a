// The one command path of every service, HTTP and Kafka alike:
//   read the stream → replay the first answer if this command was handled before →
//   decide → append (retrying on a concurrency conflict) → answer.
// Event ids derive from the command id, so even a retry that races its original
// cannot duplicate events. A refusal is a domain value (CommandRefused carries it);
// only the HTTP edge turns it into problem+json (problemOf).
import { createHash } from 'node:crypto';
import { canonicalJson, isDomainError, streamId as streamIdOf, uuidV5, type Command, type CommandMetadata, type Decider, type DomainError, type DomainEvent } from '@wcc/domain-kit';
import type pg from 'pg';
import { ConcurrencyConflictError, type EventStore, type NewEvent, type RecordedEvent } from '@wcc/event-store';

export interface HandledCommand<E> {
  readonly streamId: string;
  readonly events: readonly E[];
  /** The stored ids of those events (derived from the command id), e.g. to wait for their publication. */
  readonly eventIds: readonly string[];
  /** The stream's version after the command. */
  readonly version: number;
  /** True when this is the recorded answer to an earlier request with the same command id (Idempotency-Key). */
  readonly replayed?: boolean;
}

export interface HandleOptions<C extends Command = Command, R extends Command = C> {
  readonly maxAttempts?: number;
  /** Current schema version per event type; 1 when absent. */
  readonly schemaVersions?: Readonly<Record<string, number>>;
  /**
   * Append inside this transaction (a consumer's inbox transaction), so the effect and
   * the inbox record commit together. Needs a store with `appendWithin`.
   */
  readonly transaction?: pg.ClientBase;
  /**
   * What the decider needs beyond the request, read now (another stream's state, a
   * snapshot): called after the replay check, so a retried request reads nothing more,
   * and again after a concurrency conflict, so the decision sees current facts.
   */
  readonly prepare?: (request: R) => Promise<C> | C;
}

/** The decider refused the command: the refusal stays a domain value up to the edge that answers. */
export class CommandRefused extends Error {
  override readonly name = 'CommandRefused';
  constructor(readonly refusal: DomainError) {
    super(`${refusal.code}: ${refusal.message}`);
  }
}

/** The command id (Idempotency-Key) was used before for another request on this stream. */
export class IdempotencyKeyReused extends Error {
  override readonly name = 'IdempotencyKeyReused';
  constructor(readonly commandId: string) {
    super(`The Idempotency-Key ${commandId} was already used for a different request; use a new key for a new request.`);
  }
}

/** Who asked what: a retry must be the same actor with the same command. */
export function requestFingerprint(command: Command, metadata: CommandMetadata): string {
  return createHash('sha256')
    .update(canonicalJson({ actor: metadata.actor, command }), 'utf8')
    .digest('hex');
}

function fold<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, recorded: readonly RecordedEvent[]): S {
  return recorded.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as E), decider.initialState());
}

export async function loadState<C extends Command, E extends DomainEvent, S>(store: EventStore, decider: Decider<C, E, S>, id: string): Promise<{ state: S; version: number }> {
  const recorded = await store.readStream(streamIdOf(decider.streamType, id));
  return { state: fold(decider, recorded), version: recorded.at(-1)?.streamVersion ?? 0 };
}

/** The answer recorded for this command id, if it was handled on this stream before. */
function earlierAnswer<E>(stream: string, recorded: readonly RecordedEvent[], commandId: string, fingerprint: string): HandledCommand<E> | undefined {
  const earlier = recorded.filter((e) => e.metadata.causationId === commandId);
  const last = earlier.at(-1);
  if (!last) return undefined;
  const recordedFingerprint = earlier[0]?.metadata.requestFingerprint;
  // Events recorded before fingerprints existed carry none; they are taken as the same request.
  if (recordedFingerprint !== undefined && recordedFingerprint !== fingerprint) throw new IdempotencyKeyReused(commandId);
  return {
    streamId: stream,
    events: earlier.map((e) => ({ type: e.type, data: e.data }) as E),
    eventIds: earlier.map((e) => e.id),
    version: last.streamVersion,
    replayed: true,
  };
}

/**
 * Handles `request` on the stream `<decider.streamType>-<id>`. The request is what the
 * caller asked (and what a retry is compared with); `prepare` turns it into the
 * decider's command where that needs more than the request.
 */
export async function handleWithDecider<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  id: string,
  command: C,
  metadata: CommandMetadata,
  options?: HandleOptions<C, C>,
): Promise<HandledCommand<E>>;
export async function handleWithDecider<C extends Command, E extends DomainEvent, S, R extends Command>(
  store: EventStore,
  decider: Decider<C, E, S>,
  id: string,
  request: R,
  metadata: CommandMetadata,
  options: HandleOptions<C, R> & { readonly prepare: (request: R) => Promise<C> | C },
): Promise<HandledCommand<E>>;
export async function handleWithDecider<C extends Command, E extends DomainEvent, S, R extends Command>(
  store: EventStore,
  decider: Decider<C, E, S>,
  id: string,
  request: R,
  metadata: CommandMetadata,
  options: HandleOptions<C, R> = {},
): Promise<HandledCommand<E>> {
  const stream = streamIdOf(decider.streamType, id);
  const maxAttempts = options.maxAttempts ?? 5;
  const fingerprint = requestFingerprint(request, metadata);
  const tx = options.transaction;
  if (tx && !store.appendWithin) throw new Error('This event store cannot append inside the caller’s transaction');
  let recorded = await store.readStream(stream);
  for (let attempt = 1; ; attempt++) {
    const replay = earlierAnswer<E>(stream, recorded, metadata.commandId, fingerprint);
    if (replay) return replay;
    const version = recorded.at(-1)?.streamVersion ?? 0;
    const command = options.prepare ? await options.prepare(request) : (request as Command as C);
    const decided = decider.decide(command, fold(decider, recorded), metadata);
    if (isDomainError(decided)) throw new CommandRefused(decided);
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
        requestFingerprint: fingerprint,
      },
    }));
    const expected = version === 0 ? 'no-stream' : version;
    try {
      const result = tx ? await store.appendWithin!(tx, stream, events, expected) : await store.append(stream, events, expected);
      return { streamId: stream, events: decided, eventIds: events.map((e) => e.id), version: result.nextExpectedVersion };
    } catch (err) {
      if (!(err instanceof ConcurrencyConflictError) || attempt >= maxAttempts) throw err;
      recorded = await store.readStream(stream);
    }
  }
}
