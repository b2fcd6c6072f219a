// Kafka for a service, wired once: the outbox relay that publishes the service's
// integration events, and the consumers that take in other contexts' events. Both
// start after the app is bootstrapped and stop before the pool closes.
import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Kafka, logLevel, type logCreator } from 'kafkajs';
import type pg from 'pg';
import { allTopics, deadLetterTopicOf, topicsOutsideBusAccess } from '@wcc/contracts';
import type { EventStore } from '@wcc/event-store';
import {
  cloudEventSource,
  IntegrationConsumer,
  OutboxRelay,
  type IntegrationEventHandler,
  type IntegrationMapping,
  type MessagingLogger,
  type ReceivedIntegrationEvent,
} from '@wcc/messaging';
import { createTopicsAndWait } from '@wcc/runtime';
import { childTraceOf, runWithTrace } from '../logging/trace-context';
import { EVENT_STORE, PG_POOL, requiredEnv } from '../persistence/event-store.module';

export const KAFKA = Symbol('KAFKA');
export const OUTBOX_RELAY = Symbol('OUTBOX_RELAY');
export const INTEGRATION_CONSUMERS = Symbol('INTEGRATION_CONSUMERS');

/** A Nest provider that applies other contexts' events inside the inbox transaction. */
export interface IntegrationEventConsumer {
  readonly handle: IntegrationEventHandler;
}

export interface MessagingModuleOptions {
  /** The service name: Kafka client id, relay name, consumer-group prefix. */
  readonly service: string;
  /** Organisation part of the CloudEvents source URN (an OIN in production). */
  readonly organisation: string;
  /** The context's mapping from domain events to integration events. */
  readonly map?: IntegrationMapping;
  /** Consumers: a group name, the contract topics it reads, and the provider class that handles them. */
  readonly consumers?: readonly { readonly name: string; readonly topics: readonly string[]; readonly handler: new (...args: never[]) => IntegrationEventConsumer }[];
}

/** KAFKA_TOPIC_PREFIX lets tests (and shared clusters) give every topic a namespace. */
export function physicalTopic(contractTopic: string): string {
  return `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${contractTopic}`;
}

/** The relay's and consumers' reports as the service's log lines (through Nest's logger). */
function messagingLogger(name: string): MessagingLogger {
  const logger = new Logger(name);
  return {
    info: (msg, fields) => logger.log({ msg, ...fields }),
    warn: (msg, fields) => logger.warn({ msg, ...fields }),
    error: (msg, fields) => logger.error({ msg, ...fields }),
  };
}

/**
 * Handles a consumed event inside its own trace context: a child span of the
 * CloudEvent's traceparent, so the handler's log lines and the commands it issues
 * (commandMetadataFromEvent) carry the trace the producer started.
 */
export function tracedHandling(handler: IntegrationEventHandler): IntegrationEventHandler {
  return (event: ReceivedIntegrationEvent, tx: pg.PoolClient) =>
    runWithTrace({ ...childTraceOf(event.cloudEvent.traceparent), eventId: event.cloudEvent.id }, () => handler(event, tx));
}

/** kafkajs's own warnings as the service's JSON lines instead of its own format. */
const kafkaLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ namespace, level, log }) => {
    const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
    const line = { msg: `[${namespace}] ${message}`, ...fields };
    if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else logger.log(line);
  };
};

export function kafkaFor(service: string): Kafka {
  return new Kafka({ clientId: service, brokers: requiredEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.WARN, logCreator: kafkaLogCreator });
}

/** Creates every contract topic and its dead-letter twin, so nothing depends on auto-creation. */
export async function ensureTopics(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = allTopics.flatMap((t) => [physicalTopic(t), physicalTopic(deadLetterTopicOf(t))]).filter((t) => !existing.has(t));
    await createTopicsAndWait(admin, wanted.map((topic) => ({ topic, numPartitions: 3 })));
  } finally {
    await admin.disconnect();
  }
}

class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('messaging');

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay | undefined,
    @Inject(INTEGRATION_CONSUMERS) private readonly consumers: IntegrationConsumer[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka);
    if (this.relay) {
      await this.relay.migrate();
      await this.relay.start();
    }
    for (const consumer of this.consumers) {
      await consumer.migrate();
      await consumer.start();
    }
    this.logger.log(`relay ${this.relay ? 'running' : 'not configured'}; ${this.consumers.length} consumer(s) joined`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.relay?.stop();
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const consumerSpecs = options.consumers ?? [];
    // The bus's need-to-know is declared once (busAccess); a service does not read past it.
    const outside = topicsOutsideBusAccess(options.service, consumerSpecs.flatMap((c) => c.topics));
    if (outside.length > 0) throw new Error(`${options.service} may not consume ${outside.join(', ')}: not in its busAccess (contracts/src/bus-access.ts)`);
    return {
      module: MessagingModule,
      providers: [
        { provide: KAFKA, useFactory: () => kafkaFor(options.service) },
        ...consumerSpecs.map((c) => c.handler),
        {
          provide: OUTBOX_RELAY,
          inject: [KAFKA, EVENT_STORE, PG_POOL],
          useFactory: (kafka: Kafka, store: EventStore, pool: pg.Pool) =>
            options.map
              ? new OutboxRelay({
                  name: options.service,
                  store,
                  pool,
                  kafka,
                  source: cloudEventSource({ organisation: options.organisation, system: options.service }),
                  map: options.map,
                  topicName: physicalTopic,
                  logger: messagingLogger(`${options.service}.relay`),
                })
              : undefined,
        },
        {
          provide: INTEGRATION_CONSUMERS,
          // The handler instances are injected (not looked up), so Nest constructs them first.
          inject: [KAFKA, PG_POOL, ...consumerSpecs.map((c) => c.handler)],
          useFactory: (kafka: Kafka, pool: pg.Pool, ...handlers: IntegrationEventConsumer[]) =>
            consumerSpecs.map((spec, index) => {
              const handler = handlers[index]!;
              return new IntegrationConsumer({
                kafka,
                pool,
                groupId: `${process.env['KAFKA_GROUP_PREFIX'] ?? ''}${options.service}.${spec.name}`,
                topics: spec.topics.map(physicalTopic),
                handle: tracedHandling((event, tx) => handler.handle(event, tx)),
                logger: messagingLogger(`${options.service}.${spec.name}`),
              });
            }),
        },
        MessagingLifecycle,
      ],
      exports: [KAFKA, OUTBOX_RELAY, INTEGRATION_CONSUMERS],
    };
  }
}
