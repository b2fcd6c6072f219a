// The edge where integration events enter a context. Every message is checked
// against its contract before any handler sees it; what does not fit goes to the
// topic's dead-letter twin with a reason a person can act on, and the consumer moves
// on. A valid event's effect and its inbox row commit in one transaction, so a
// redelivery (Kafka is at-least-once) is recognised by its CloudEvent id and changes
// nothing. Offsets are committed only after that transaction has committed.
import { setTimeout as sleep } from 'node:timers/promises';
import { Partitioners, type Admin, type Consumer, type ConsumerConfig, type EachBatchPayload, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import type pg from 'pg';
import { deadLetterTopicOf, findIntegrationEvent, type IntegrationEventDefinition } from '@wcc/contracts';
import { migrateSchema } from '@wcc/event-store';
import { decodeCloudEvent, type CloudEvent } from './cloudevents';
import { backoffDelay, defaultLogger, errorText, type MessagingLogger } from './logger';
import { sqlSchemaName } from './relay-checkpoints';

export interface ReceivedIntegrationEvent<T = unknown> {
  readonly cloudEvent: CloudEvent<T>;
  readonly definition: IntegrationEventDefinition<T>;
  /** The data, validated against the definition. */
  readonly data: T;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
}

/** Applies one event's effect; everything it writes goes through `tx`, the inbox transaction. */
export type IntegrationEventHandler = (event: ReceivedIntegrationEvent, tx: pg.PoolClient) => Promise<void>;

export interface IntegrationConsumerOptions {
  readonly kafka: Pick<Kafka, 'consumer' | 'producer' | 'admin'>;
  readonly pool: pg.Pool;
  /** Schema of the inbox table; default 'public'. */
  readonly schema?: string;
  readonly groupId: string;
  /** Physical topic names; dead letters go to deadLetterTopicOf(topic). */
  readonly topics: readonly string[];
  /** Where a group without committed offsets starts; default true (a new consumer wants the history). */
  readonly fromBeginning?: boolean;
  readonly handle: IntegrationEventHandler;
  /** How a CloudEvent type is resolved to its contract; default the @wcc/contracts registry. */
  readonly findDefinition?: (type: string) => IntegrationEventDefinition | undefined;
  /** Handler retries before dead-lettering; default 3 retries after 100, 200, 400 ms. */
  readonly retry?: { readonly retries?: number; readonly initialDelayMs?: number; readonly maxDelayMs?: number };
  /** Extra kafkajs consumer settings (session timeout, heartbeat interval, …). */
  readonly consumerConfig?: Omit<ConsumerConfig, 'groupId'>;
  readonly logger?: MessagingLogger;
}

export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  /** Offset the next produced message will get. */
  readonly highWatermark: bigint;
  /** Next offset the group will read; undefined when it has committed nothing yet. */
  readonly committedOffset: bigint | undefined;
  readonly lag: bigint;
  /**
   * Whether everything below the high watermark has been handled, by this instance (its
   * effect committed, ahead of the group's periodic offset commit) or by the group.
   */
  readonly drained: boolean;
}

export interface ConsumerCounters {
  readonly processed: number;
  /** Redeliveries recognised by the inbox and skipped. */
  readonly duplicates: number;
  readonly deadLettered: number;
  /** Handler attempts that failed and were retried. */
  readonly retried: number;
}

/** The handler (not the infrastructure) failed: retried, then dead-lettered. */
class HandlerFailure extends Error {
  constructor(cause: unknown) {
    super(errorText(cause), { cause });
  }
}

type Outcome = 'processed' | 'duplicate' | 'dead-lettered';

export class IntegrationConsumer {
  private readonly log: MessagingLogger;
  private readonly inbox: string;
  private readonly schema: string;
  private readonly findDefinition: (type: string) => IntegrationEventDefinition | undefined;
  private readonly retries: number;
  private readonly retryInitialMs: number;
  private readonly retryMaxMs: number;
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private admin: Admin | undefined;
  private counters = { processed: 0, duplicates: 0, deadLettered: 0, retried: 0 };
  /** topic → partition → the highest offset this instance handled (its effect committed, or dead-lettered). */
  private readonly handled = new Map<string, Map<number, bigint>>();

  constructor(private readonly options: IntegrationConsumerOptions) {
    this.log = options.logger ?? defaultLogger;
    this.schema = sqlSchemaName(options.schema ?? 'public');
    this.inbox = `${this.schema}.inbox`;
    this.findDefinition = options.findDefinition ?? findIntegrationEvent;
    this.retries = options.retry?.retries ?? 3;
    this.retryInitialMs = options.retry?.initialDelayMs ?? 100;
    this.retryMaxMs = options.retry?.maxDelayMs ?? 5_000;
  }

  /** Creates the inbox table; safe to run on every start. */
  async migrate(): Promise<void> {
    await migrateSchema(this.options.pool, `inbox:${this.inbox}`, [
      {
        id: 1,
        name: 'inbox',
        sql: `create schema if not exists ${this.schema};
          create table if not exists ${this.inbox} (
            consumer_group text not null,
            message_id text not null,
            topic text not null,
            "partition" integer not null,
            "offset" bigint not null,
            processed_at timestamptz not null default now(),
            primary key (consumer_group, message_id)
          )`,
      },
    ]);
  }

  /** Joins the group and starts consuming; resolves once the group is joined. */
  async start(): Promise<void> {
    if (this.consumer) return;
    const producer = this.options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    const consumer = this.options.kafka.consumer({ ...this.options.consumerConfig, groupId: this.options.groupId });
    this.producer = producer;
    this.consumer = consumer;
    try {
      await producer.connect();
      await consumer.connect();
      await this.subscribe(consumer);
      await consumer.run({
        eachBatchAutoResolve: false,
        autoCommit: true,
        autoCommitInterval: 1_000,
        eachBatch: (payload) => this.eachBatch(payload),
      });
    } catch (error) {
      await this.stop().catch(() => undefined);
      throw error;
    }
  }

  /**
   * Subscribes, again while the broker answers with a retriable error. On a cluster a topic
   * just created (by this service or a partner starting beside it) is known to one broker
   * before the others, and kafkajs's subscribe does not retry its metadata request: the
   * first start of the chain on three brokers failed on UNKNOWN_TOPIC_OR_PARTITION.
   */
  private async subscribe(consumer: Consumer, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: this.options.fromBeginning ?? true });
        return;
      } catch (error) {
        const retriable = (error as { retriable?: boolean }).retriable === true;
        if (!retriable || Date.now() > deadline) throw error;
        this.options.logger?.warn('subscribing again: the broker does not know every topic yet', {
          groupId: this.options.groupId,
          attempt,
          error: error instanceof Error ? error.message : String(error),
        });
        await sleep(Math.min(2_000, 100 * 2 ** attempt));
      }
    }
  }

  /** Leaves the group after the message in hand; its offset is committed only if it was finished. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.disconnect(); // waits for the batch in hand, which may still dead-letter
    const { producer, admin } = this;
    this.producer = undefined;
    this.admin = undefined;
    await producer?.disconnect();
    await admin?.disconnect();
  }

  /** The physical topics it reads. */
  get topics(): readonly string[] {
    return this.options.topics;
  }

  counts(): ConsumerCounters {
    return { ...this.counters };
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.options.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  /**
   * Read-your-chain's-writes: resolves true once every message the broker holds *now* on
   * `topic` — on the partition of `key`, or on every partition without one — has been
   * handled (its effect committed, or dead-lettered), false after `timeoutMs`. A reader
   * that asks first cannot show a state older than anything the producer was told is on
   * the broker (a consent withdrawal answered after its relay's acknowledgement). This
   * instance's own progress answers at once; the group's committed offsets cover
   * partitions another instance handles.
   */
  async caughtUpWith(topic: string, key: string | undefined, timeoutMs: number): Promise<boolean> {
    const admin = await this.connectedAdmin();
    const ends = await admin.fetchTopicOffsets(topic);
    const partitions = key === undefined ? ends : ends.filter((e) => e.partition === partitionOfKey(key, ends.length));
    const pending = partitions.filter((e) => BigInt(e.high) > BigInt(e.low)).map((e) => ({ partition: e.partition, high: BigInt(e.high) }));
    const deadline = Date.now() + timeoutMs;
    let nextCommittedCheck = Date.now() + 100;
    for (;;) {
      const mine = this.handled.get(topic);
      const open = pending.filter((p) => (mine?.get(p.partition) ?? -1n) + 1n < p.high);
      if (open.length === 0) return true;
      if (Date.now() >= nextCommittedCheck) {
        const committed = (await admin.fetchOffsets({ groupId: this.options.groupId, topics: [topic] }))[0]?.partitions ?? [];
        const behind = open.filter((p) => {
          const offset = committed.find((c) => c.partition === p.partition)?.offset;
          return offset === undefined || offset === '-1' || BigInt(offset) < p.high;
        });
        if (behind.length === 0) return true;
        nextCommittedCheck = Date.now() + 200;
      }
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Per partition: high watermark minus the group's committed offset, and whether it is drained. */
  async lag(): Promise<PartitionLag[]> {
    const admin = await this.connectedAdmin();
    const committed = await admin.fetchOffsets({ groupId: this.options.groupId, topics: [...this.options.topics] });
    const result: PartitionLag[] = [];
    for (const topic of this.options.topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const mine = committed.find((c) => c.topic === topic)?.partitions ?? [];
      for (const end of ends) {
        const high = BigInt(end.high);
        const low = BigInt(end.low);
        const raw = mine.find((p) => p.partition === end.partition)?.offset;
        const committedOffset = raw === undefined || raw === '-1' ? undefined : BigInt(raw);
        const handledHere = this.handled.get(topic)?.get(end.partition);
        const reached = [committedOffset ?? low, handledHere === undefined ? low : handledHere + 1n].reduce((a, b) => (a > b ? a : b));
        result.push({ topic, partition: end.partition, highWatermark: high, committedOffset, lag: high - (committedOffset ?? low), drained: reached >= high });
      }
    }
    return result.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  }

  private markHandled(topic: string, partition: number, offset: bigint): void {
    let partitions = this.handled.get(topic);
    if (!partitions) this.handled.set(topic, (partitions = new Map<number, bigint>()));
    if ((partitions.get(partition) ?? -1n) < offset) partitions.set(partition, offset);
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const isRunning = () => payload.isRunning();
    const heartbeat = () => payload.heartbeat();
    for (const message of batch.messages) {
      if (!payload.isRunning() || payload.isStale()) break;
      const outcome = await this.processWithInfrastructureRetry(batch.topic, batch.partition, message, isRunning, heartbeat);
      if (outcome === undefined) break; // stopping: leave the offset unresolved, it is redelivered
      this.counters[outcome === 'processed' ? 'processed' : outcome === 'duplicate' ? 'duplicates' : 'deadLettered'] += 1;
      this.markHandled(batch.topic, batch.partition, BigInt(message.offset));
      payload.resolveOffset(message.offset);
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    }
    await payload.commitOffsetsIfNecessary(payload.uncommittedOffsets());
  }

  /**
   * A database or dead-letter send that fails is not the message's fault: retry it (with
   * backoff, heartbeating) until it works or the consumer stops, never skip it.
   */
  private async processWithInfrastructureRetry(topic: string, partition: number, message: KafkaMessage, isRunning: () => boolean, heartbeat: () => Promise<void>): Promise<Outcome | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.process(topic, partition, message, heartbeat);
      } catch (error) {
        const delay = backoffDelay(attempt, this.retryInitialMs, this.retryMaxMs);
        this.log.warn('consumer could not finish a message; retrying it', {
          groupId: this.options.groupId,
          topic,
          partition,
          offset: message.offset,
          error: errorText(error),
          retryInMs: delay,
        });
        if (!isRunning()) return undefined;
        await sleep(delay);
        await heartbeat().catch(() => undefined);
        if (!isRunning()) return undefined;
      }
    }
  }

  private async process(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<Outcome> {
    const decoded = decodeCloudEvent(message);
    if (!decoded.ok) return this.deadLetter(topic, partition, message, decoded.reason);
    const cloudEvent = decoded.event;
    const definition = this.findDefinition(cloudEvent.type);
    if (!definition) {
      return this.deadLetter(topic, partition, message, `Type "${cloudEvent.type}" is not a known integration event: no contract defines it.`);
    }
    const checked = definition.validate(cloudEvent.data);
    if (!checked.ok) {
      const issues = checked.issues.map((i) => `field ${i.path || '(data)'} ${i.message}`).join('; ');
      return this.deadLetter(topic, partition, message, `Data of ${cloudEvent.type} does not fit its contract: ${issues}.`);
    }
    const event: ReceivedIntegrationEvent = {
      cloudEvent,
      definition,
      data: checked.value,
      topic,
      partition,
      offset: message.offset,
      key: message.key === null ? null : message.key.toString('utf8'),
    };

    let lastFailure = '';
    for (let attempt = 1; attempt <= this.retries + 1; attempt++) {
      try {
        return await this.applyOnce(event);
      } catch (error) {
        if (!(error instanceof HandlerFailure)) throw error;
        lastFailure = error.message;
        if (attempt > this.retries) break;
        this.counters.retried += 1;
        const delay = backoffDelay(attempt, this.retryInitialMs, this.retryMaxMs);
        this.log.warn('handler failed; retrying', { groupId: this.options.groupId, type: cloudEvent.type, id: cloudEvent.id, attempt, retryInMs: delay, error: lastFailure });
        await sleep(delay);
        await heartbeat();
      }
    }
    return this.deadLetter(topic, partition, message, `The handler failed ${this.retries + 1} times; last error: ${lastFailure}`);
  }

  /** Inbox row and effect in one transaction; an id already in the inbox means a redelivery. */
  private async applyOnce(event: ReceivedIntegrationEvent): Promise<'processed' | 'duplicate'> {
    const client = await this.options.pool.connect();
    let broken: unknown;
    try {
      await client.query('begin');
      const inserted = await client.query(
        `insert into ${this.inbox} (consumer_group, message_id, topic, "partition", "offset") values ($1, $2, $3, $4, $5)
         on conflict (consumer_group, message_id) do nothing`,
        [this.options.groupId, event.cloudEvent.id, event.topic, event.partition, event.offset],
      );
      if (inserted.rowCount === 0) {
        await client.query('rollback');
        return 'duplicate';
      }
      try {
        await this.options.handle(event, client);
      } catch (error) {
        await client.query('rollback');
        throw new HandlerFailure(error);
      }
      const committed = await client.query('commit');
      // COMMIT of a transaction a swallowed SQL error aborted reports ROLLBACK, not an error.
      if (committed.command !== 'COMMIT') throw new HandlerFailure(new Error('the handler left its transaction failed, so nothing was committed'));
      return 'processed';
    } catch (error) {
      if (!(error instanceof HandlerFailure)) {
        broken = error;
        await client.query('rollback').catch(() => undefined);
      }
      throw error;
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, reason: string): Promise<'dead-lettered'> {
    if (!this.producer) throw new Error('consumer is not started');
    const deadLetterTopic = deadLetterTopicOf(topic);
    await this.producer.send({
      topic: deadLetterTopic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            dlq_reason: reason,
            dlq_original_topic: topic,
            dlq_original_partition: String(partition),
            dlq_original_offset: message.offset,
            dlq_consumer_group: this.options.groupId,
          },
        },
      ],
    });
    this.log.warn('message dead-lettered', { groupId: this.options.groupId, topic, partition, offset: message.offset, deadLetterTopic, reason });
    return 'dead-lettered';
  }
}

/**
 * The partition kafkajs's DefaultPartitioner (murmur2, as Java's client) gives a keyed
 * message on a topic of `partitionCount` partitions — the one every relay here uses.
 */
export function partitionOfKey(key: string, partitionCount: number): number {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: partitionCount }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
  return partitioner({ topic: 'any', partitionMetadata, message: { key, value: null } });
}
