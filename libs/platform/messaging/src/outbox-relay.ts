// The event store is the outbox: the relay tails the global log, maps each domain
// event to zero or more integration events (private events map to none), publishes
// them to Kafka and only then moves its checkpoint. A crash between the two means
// publishing again; the deterministic CloudEvent id makes that harmless downstream.
// One in-flight request and batches sent strictly one after the other keep each
// case's events in order on its partition, across broker outages too.
import { setTimeout as sleep } from 'node:timers/promises';
import { Partitioners, type Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
import type pg from 'pg';
import type { IntegrationEventDefinition } from '@wcc/contracts';
import { START, type EventStore, type GlobalCursor, type RecordedEvent } from '@wcc/event-store';
import { cloudEventFrom, encodeCloudEvent, type CloudEvent } from './cloudevents';
import { backoffDelay, defaultLogger, errorText, type MessagingLogger } from './logger';
import { RelayCheckpoints } from './relay-checkpoints';

/** One integration event a domain event maps to. */
export interface IntegrationMessage<T = unknown> {
  readonly definition: IntegrationEventDefinition<T>;
  readonly data: T;
  /** CloudEvents subject; only for values that identify no person, since every hop can read it. */
  readonly subject?: string;
}

/** Typed constructor, so the data is checked against the definition's type at compile time. */
export function integrationMessage<T>(definition: IntegrationEventDefinition<T>, data: T, subject?: string): IntegrationMessage {
  return subject === undefined ? { definition, data } : { definition, data, subject };
}

/** The context's explicit mapping from its private domain events to published integration events. */
export type IntegrationMapping = (event: RecordedEvent) => readonly IntegrationMessage[];

/** A mapping produced data its contract refuses: a bug in the producer, never published. */
export class IntegrationMappingError extends Error {
  override readonly name = 'IntegrationMappingError';
  constructor(
    message: string,
    readonly eventId: string,
    readonly eventType: string,
  ) {
    super(message);
  }
}

export interface PublishedMessage {
  readonly topic: string;
  readonly key: string;
  readonly cloudEvent: CloudEvent;
  /** The domain event it was mapped from. */
  readonly from: RecordedEvent;
}

export interface PublishedBatch {
  /** Every domain event read in this batch, including those that mapped to nothing. */
  readonly events: readonly RecordedEvent[];
  readonly messages: readonly PublishedMessage[];
  /** The cursor stored after this batch. */
  readonly cursor: GlobalCursor;
}

export type RelayState = 'new' | 'running' | 'stopping' | 'stopped' | 'failed';

/**
 * Of the instances of one service, exactly one relay publishes a store at a time: the one
 * holding the store's Postgres advisory lock for the relay's name. The others wait as
 * standby and take over within `standbyRetryMs` when the leader's session ends (the
 * process died, or its connection was cut).
 */
export type RelayRole = 'leader' | 'standby';

export interface RelayStatus {
  readonly name: string;
  readonly state: RelayState;
  /** Whether this instance publishes ('leader') or waits for the leader to go ('standby'). */
  readonly role: RelayRole;
  /** Everything up to here has been acknowledged by Kafka. */
  readonly cursor: GlobalCursor;
  /** The stored checkpoint a restart resumes from; trails `cursor` by at most one batch. */
  readonly checkpoint: GlobalCursor;
  readonly lastPublishedAt: Date | undefined;
  /** Messages acknowledged by Kafka since start, one per topic an event went on (re-publishes count again). */
  readonly published: number;
  /** Domain events read and handled since start, published or mapped to nothing. */
  readonly relayed: number;
  /** True when the last read found fewer events than a batch: nothing was waiting. */
  readonly caughtUp: boolean;
  /** Consecutive failed attempts; 0 while healthy. */
  readonly failures: number;
  readonly lastError: string | undefined;
}

export interface OutboxRelayOptions {
  /** Names the checkpoint row; one relay per name at a time. */
  readonly name: string;
  readonly store: EventStore;
  /** Where the checkpoint lives: the event store's database. */
  readonly pool: pg.Pool;
  /** Schema of the relay_checkpoints table; default 'public'. */
  readonly schema?: string;
  readonly kafka: Pick<Kafka, 'producer'>;
  /** The CloudEvents source of this service, see cloudEventSource(). */
  readonly source: string;
  readonly map: IntegrationMapping;
  /** Turns a contract's topic into the physical one (an environment or test prefix); default unchanged. */
  readonly topicName?: (contractTopic: string) => string;
  /**
   * Creates physical topics that may not exist yet, before the first message goes on them:
   * an addressed organisation's own audience topic appears with the first event to it.
   * Called once per topic per relay instance; default none (the broker's auto-creation, if any).
   */
  readonly ensureTopics?: (physicalTopics: readonly string[]) => Promise<void>;
  /** CloudEvents dataschema URI of a definition, when the service publishes its schemas. */
  readonly dataschemaOf?: (definition: IntegrationEventDefinition) => string | undefined;
  /** Domain events read per round; default 500. */
  readonly batchSize?: number;
  /** Pause after a round that found nothing new; default 10 ms. */
  readonly idleDelayMs?: number;
  /** How often a standby instance tries to become the leader; default 1 s. */
  readonly standbyRetryMs?: number;
  /** Backoff after a failed round; default 100 ms doubling to 5 s. */
  readonly backoff?: { readonly initialMs?: number; readonly maxMs?: number };
  /** Called after Kafka acknowledged a batch, before its checkpoint is stored. */
  readonly onPublished?: (batch: PublishedBatch) => void;
  /** Called once when the relay stops itself on a programming error. */
  readonly onFatal?: (error: Error) => void;
  readonly logger?: MessagingLogger;
}

export class OutboxRelay {
  private readonly checkpoints: RelayCheckpoints;
  private readonly log: MessagingLogger;
  private readonly batchSize: number;
  private readonly idleDelayMs: number;
  private readonly backoffInitialMs: number;
  private readonly backoffMaxMs: number;
  private readonly topicName: (topic: string) => string;
  private readonly standbyRetryMs: number;

  private state: RelayState = 'new';
  /** The session holding the advisory lock while this instance leads; none while standby. */
  private leaderSession: pg.PoolClient | undefined;
  private leadershipLost: string | undefined;
  /** Everything before it was acknowledged by Kafka. */
  private cursor: GlobalCursor = START;
  /** Everything before it is stored as the checkpoint. */
  private checkpoint: GlobalCursor = START;
  private pendingCheckpoint: Promise<void> | undefined;
  private producer: Producer | undefined;
  private loop: Promise<void> | undefined;
  private wake: AbortController = new AbortController();
  private fatal: Error | undefined;
  private published = 0;
  private relayed = 0;
  private lastPublishedAt: Date | undefined;
  private caughtUp = false;
  private failures = 0;
  private lastError: string | undefined;
  /** Ids of stored events Kafka acknowledged lately, oldest first (bounded), for whenPublished. */
  private readonly recentlyAcknowledged = new Set<string>();
  /** Physical topics ensured (or found) by this instance, so each is created at most once. */
  private readonly ensuredTopics = new Set<string>();
  private readonly publishWaiters = new Set<{ readonly ids: Set<string>; readonly done: () => void }>();

  constructor(private readonly options: OutboxRelayOptions) {
    this.checkpoints = new RelayCheckpoints(options.pool, options.schema);
    this.log = options.logger ?? defaultLogger;
    this.batchSize = options.batchSize ?? 500;
    this.idleDelayMs = options.idleDelayMs ?? 10;
    this.backoffInitialMs = options.backoff?.initialMs ?? 100;
    this.backoffMaxMs = options.backoff?.maxMs ?? 5_000;
    this.topicName = options.topicName ?? ((topic) => topic);
    this.standbyRetryMs = options.standbyRetryMs ?? 1_000;
  }

  /** Creates the checkpoint table; safe to run on every start. */
  async migrate(): Promise<void> {
    await this.checkpoints.migrate();
  }

  /** Loads the checkpoint and starts tailing the log in the background. */
  async start(): Promise<void> {
    if (this.state === 'running') return;
    if (this.state === 'stopping') throw new Error(`Relay ${this.options.name} is still stopping`);
    this.cursor = await this.checkpoints.load(this.options.name);
    this.checkpoint = this.cursor;
    this.state = 'running';
    this.fatal = undefined;
    this.failures = 0;
    this.wake = new AbortController();
    this.log.info('outbox relay started', { relay: this.options.name, cursor: cursorText(this.cursor) });
    this.loop = this.run();
  }

  /** Finishes the round in progress (its send and checkpoint), then disconnects. */
  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopping';
    this.wake.abort();
    await this.loop;
    if (this.state === 'stopping') this.state = 'stopped';
  }

  /** Resolves when the relay has stopped; rejects with the error that made it stop itself. */
  async whenStopped(): Promise<void> {
    await this.loop;
    if (this.fatal) throw this.fatal;
  }

  /**
   * Resolves true once Kafka acknowledged every stored event of `eventIds` (their
   * integration events are on the broker, or they map to nothing), false after
   * `timeoutMs`. For a command whose effect must have left the service before it is
   * answered (a consent withdrawal). On the leader its own acknowledgements count; on a
   * standby instance the leader's stored checkpoint passing the events' positions.
   */
  whenPublished(command: { readonly streamId: string; readonly eventIds: readonly string[] }, timeoutMs: number): Promise<boolean> {
    const eventIds = command.eventIds;
    if (this.leaderSession === undefined && eventIds.some((id) => !this.recentlyAcknowledged.has(id))) return this.whenCheckpointPasses(command, timeoutMs);
    const ids = new Set(eventIds.filter((id) => !this.recentlyAcknowledged.has(id)));
    if (ids.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        ids,
        done: () => {
          clearTimeout(timer);
          this.publishWaiters.delete(waiter);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        this.publishWaiters.delete(waiter);
        resolve(false);
      }, timeoutMs);
      this.publishWaiters.add(waiter);
    });
  }

  private async whenCheckpointPasses(command: { readonly streamId: string; readonly eventIds: readonly string[] }, timeoutMs: number): Promise<boolean> {
    const wanted = new Set(command.eventIds);
    const positions = (await this.options.store.readStream(command.streamId)).filter((e) => wanted.has(e.id)).map((e) => e.globalPosition);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const stored = await this.checkpoints.load(this.options.name);
      if (positions.every((p) => !isBefore(stored, p))) return true;
      if (Date.now() > deadline) return false;
      await sleep(25);
    }
  }

  private acknowledged(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      this.recentlyAcknowledged.add(event.id);
      for (const waiter of this.publishWaiters) {
        waiter.ids.delete(event.id);
        if (waiter.ids.size === 0) waiter.done();
      }
    }
    for (const id of this.recentlyAcknowledged) {
      if (this.recentlyAcknowledged.size <= 10_000) break;
      this.recentlyAcknowledged.delete(id);
    }
  }

  status(): RelayStatus {
    return {
      name: this.options.name,
      state: this.state,
      role: this.leaderSession ? 'leader' : 'standby',
      cursor: this.cursor,
      checkpoint: this.checkpoint,
      lastPublishedAt: this.lastPublishedAt,
      published: this.published,
      relayed: this.relayed,
      caughtUp: this.caughtUp,
      failures: this.failures,
      lastError: this.lastError,
    };
  }

  /**
   * True while this instance holds (or now takes) the relay's advisory lock. On taking it
   * the cursor is reloaded: the previous leader may have published since this one started.
   */
  private async lead(): Promise<boolean> {
    if (this.leadershipLost !== undefined) await this.stepDown(this.leadershipLost);
    if (this.leaderSession) return true;
    const session = await this.options.pool.connect();
    let held = false;
    try {
      const { rows } = await session.query<{ held: boolean }>('select pg_try_advisory_lock(hashtext($1), hashtext($2)) as held', ['wcc.outbox-relay', this.lockName()]);
      held = rows[0]?.held === true;
    } finally {
      if (!held) session.release();
    }
    if (!held) return false;
    // A cut connection (Postgres restarted, the session terminated) ends the leadership.
    session.on('error', (error: Error) => {
      this.leadershipLost = errorText(error);
    });
    this.leaderSession = session;
    this.cursor = await this.checkpoints.load(this.options.name);
    this.checkpoint = this.cursor;
    this.log.info('outbox relay leads', { relay: this.options.name, cursor: cursorText(this.cursor) });
    return true;
  }

  private lockName(): string {
    return `${this.options.schema ?? 'public'}.${this.options.name}`;
  }

  private async stepDown(reason: string): Promise<void> {
    const session = this.leaderSession;
    this.leaderSession = undefined;
    this.leadershipLost = undefined;
    await this.dropProducer();
    if (!session) return;
    if (reason !== 'stopped') this.log.warn('outbox relay gave up leading; another instance may take over', { relay: this.options.name, reason });
    try {
      await session.query('select pg_advisory_unlock(hashtext($1), hashtext($2))', ['wcc.outbox-relay', this.lockName()]);
      session.release();
    } catch {
      session.release(true);
    }
  }

  private async run(): Promise<void> {
    while (this.state === 'running') {
      try {
        if (!(await this.lead())) {
          await this.pause(this.standbyRetryMs);
          continue;
        }
        const progressed = await this.round();
        this.failures = 0;
        if (!progressed) await this.pause(this.idleDelayMs);
      } catch (error) {
        if (error instanceof IntegrationMappingError) {
          await this.settleCheckpoint().catch(() => undefined);
          this.fail(error);
          break;
        }
        this.failures += 1;
        this.lastError = errorText(error);
        const delay = backoffDelay(this.failures, this.backoffInitialMs, this.backoffMaxMs);
        this.log.warn('outbox relay round failed; retrying from the last acknowledged position', {
          relay: this.options.name,
          attempt: this.failures,
          retryInMs: delay,
          error: this.lastError,
        });
        // A producer that saw a failed send may hold sequence numbers the broker no longer
        // agrees with; a fresh one gets a new producer id and resends cleanly.
        await this.dropProducer();
        await this.pause(delay);
      }
    }
    await this.settleCheckpoint().catch((error: unknown) => {
      this.log.warn('outbox relay could not store its last checkpoint; the last batch will be published again', {
        relay: this.options.name,
        error: errorText(error),
      });
    });
    await this.stepDown('stopped');
  }

  /** Before a send: the lock's session still answers, so no other instance leads. */
  private async confirmLeadership(): Promise<void> {
    try {
      await this.leaderSession!.query('select 1');
    } catch (error) {
      this.leadershipLost = errorText(error);
      throw new Error(`lost the relay's leadership: ${this.leadershipLost}`);
    }
  }

  /** One read → map → send round; false when nothing new was committed. */
  private async round(): Promise<boolean> {
    const { events, next } = await this.options.store.readAll(this.cursor, this.batchSize);
    if (events.length === 0) {
      this.caughtUp = true;
      await this.settleCheckpoint();
      // A checkpoint write that failed earlier is made good while there is nothing to send.
      if (!sameCursor(this.checkpoint, this.cursor)) await this.storeCheckpoint(this.cursor);
      return false;
    }
    const messages = events.flatMap((event) => this.toMessages(event));
    // The previous batch's checkpoint was written while this one was read; a failure
    // there surfaces here, before anything more is sent.
    await this.settleCheckpoint();
    if (messages.length > 0) {
      await this.confirmLeadership();
      await this.ensureTopicsOf(messages);
      const producer = await this.connectedProducer();
      await producer.sendBatch({ acks: -1, topicMessages: byTopicInOrder(messages) });
      this.published += messages.length;
      this.lastPublishedAt = new Date();
    }
    this.options.onPublished?.({ events, messages: messages.map((m) => m.published), cursor: next });
    this.acknowledged(events);
    this.cursor = next;
    this.relayed += events.length;
    this.caughtUp = events.length < this.batchSize;
    // Stored only now that Kafka acknowledged, but not awaited: the next read need not wait
    // for it. A crash before it lands means re-publishing, which the ids make harmless.
    this.pendingCheckpoint = this.storeCheckpoint(next);
    this.pendingCheckpoint.catch(() => undefined);
    return true;
  }

  private async storeCheckpoint(cursor: GlobalCursor): Promise<void> {
    await this.checkpoints.save(this.options.name, cursor);
    this.checkpoint = cursor;
  }

  private async settleCheckpoint(): Promise<void> {
    const pending = this.pendingCheckpoint;
    this.pendingCheckpoint = undefined;
    await pending;
  }

  private async ensureTopicsOf(messages: readonly { published: PublishedMessage }[]): Promise<void> {
    const ensure = this.options.ensureTopics;
    if (ensure === undefined) return;
    const missing = [...new Set(messages.map((m) => m.published.topic))].filter((topic) => !this.ensuredTopics.has(topic));
    if (missing.length === 0) return;
    await ensure(missing);
    for (const topic of missing) this.ensuredTopics.add(topic);
  }

  private toMessages(event: RecordedEvent): { published: PublishedMessage; message: Message }[] {
    let mapped: readonly IntegrationMessage[];
    try {
      mapped = this.options.map(event);
    } catch (error) {
      throw new IntegrationMappingError(`Mapping ${event.type} ${event.id} threw: ${errorText(error)}`, event.id, event.type);
    }
    const occurrences = new Map<string, number>();
    return mapped.flatMap(({ definition, data, subject }) => {
      const checked = definition.validate(data);
      if (!checked.ok) {
        const issues = checked.issues.map((i) => `field ${i.path || '(data)'} ${i.message}`).join('; ');
        throw new IntegrationMappingError(`Mapping ${event.type} ${event.id} produced ${definition.type} data its contract refuses: ${issues}`, event.id, event.type);
      }
      const key = definition.caseIdOf(checked.value);
      if (typeof key !== 'string' || key === '') {
        throw new IntegrationMappingError(`Mapping ${event.type} ${event.id} produced ${definition.type} without a case id`, event.id, event.type);
      }
      const occurrence = occurrences.get(definition.type) ?? 0;
      occurrences.set(definition.type, occurrence + 1);
      const dataschema = this.options.dataschemaOf?.(definition);
      const cloudEvent = cloudEventFrom({
        source: this.options.source,
        type: definition.type,
        data: checked.value,
        from: event,
        occurrence,
        ...(subject === undefined ? {} : { subject }),
        ...(dataschema === undefined ? {} : { dataschema }),
      });
      // The same CloudEvent (one id) on its chain topic and on each audience topic its data
      // addresses; each consumer group's inbox sees it once.
      let contractTopics: string[];
      try {
        contractTopics = definition.topicsOf(checked.value);
      } catch (error) {
        throw new IntegrationMappingError(`Mapping ${event.type} ${event.id} produced ${definition.type} with no valid topic: ${errorText(error)}`, event.id, event.type);
      }
      return contractTopics.map((contractTopic) => {
        const topic = this.topicName(contractTopic);
        return { published: { topic, key, cloudEvent, from: event }, message: encodeCloudEvent(cloudEvent, key) };
      });
    });
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.options.kafka.producer({
      // No retries inside kafkajs: every failed send surfaces here and the relay resends the
      // whole batch from its checkpoint with a fresh producer. kafkajs's own retry loses
      // messages: within one sendBatch it re-sends only to brokers that have not answered
      // yet (kafkajs 2.2.4, src/producer/sendMessages.js, brokersWithoutResponse), so when a
      // partition's leadership moves from a failed broker to one that already acknowledged
      // other partitions of the batch, that partition's messages are never sent and the
      // call still resolves. The three-broker fault test caught it: an acknowledged event
      // missing from the topic after a broker was killed.
      // kafkajs refuses an idempotent producer without retries, and idempotence bought
      // nothing here: it deduplicates a producer's own retries, and every failure already
      // ends this producer. One request in flight keeps each partition in order; a resent
      // batch puts duplicates after the originals, which the CloudEvent ids and the
      // consumers' inboxes absorb.
      idempotent: false,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 0 },
    });
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.producer = producer;
    return producer;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private fail(error: IntegrationMappingError): void {
    this.fatal = error;
    this.state = 'failed';
    this.lastError = error.message;
    this.log.error('outbox relay stopped: a mapping produced an invalid integration event; nothing of this batch was published', {
      relay: this.options.name,
      eventId: error.eventId,
      eventType: error.eventType,
      error: error.message,
    });
    this.options.onFatal?.(error);
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.wake.signal }).catch(() => undefined);
  }
}

/** Groups by topic keeping log order inside each topic; order across topics carries no meaning. */
function byTopicInOrder(messages: readonly { published: PublishedMessage; message: Message }[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const { published, message } of messages) {
    const list = byTopic.get(published.topic);
    if (list) list.push(message);
    else byTopic.set(published.topic, [message]);
  }
  return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
}

function isBefore(a: GlobalCursor, b: GlobalCursor): boolean {
  return a.transactionId < b.transactionId || (a.transactionId === b.transactionId && a.position < b.position);
}

function sameCursor(a: GlobalCursor, b: GlobalCursor): boolean {
  return a.transactionId === b.transactionId && a.position === b.position;
}

function cursorText(cursor: GlobalCursor): string {
  return `${cursor.transactionId}:${cursor.position}`;
}
