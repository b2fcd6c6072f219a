// Kafka for a service, wired once: the outbox relay that publishes the service's
// integration events, and the consumers that take in other contexts' events. Both
// start after the app is bootstrapped and stop before the pool closes.
import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Kafka, logLevel, type KafkaConfig, type logCreator, type SASLOptions } from 'kafkajs';
import type pg from 'pg';
import { consumedTopicsFor, consumerGroupPrefixOf, topicsOutsideBusAccess, topicsTouchedBy } from '@wcc/contracts';
import type { EventStore } from '@wcc/event-store';
import { cloudEventSource, IntegrationConsumer, OutboxRelay, type IntegrationEventHandler, type IntegrationMapping, type MessagingLogger, type ReceivedIntegrationEvent } from '@wcc/messaging';
import { chainTopicConfigs, createTopicsAndWait } from '@wcc/runtime';
import { childTraceOf, runWithTrace } from '../logging/trace-context';
import { EVENT_STORE, PG_POOL } from '../persistence/event-store.module';

export const KAFKA = Symbol('KAFKA');
export const OUTBOX_RELAY = Symbol('OUTBOX_RELAY');
/** The contract topics this service touches (topicsTouchedBy), ensured at start-up. */
const SERVICE_TOPICS = Symbol('SERVICE_TOPICS');
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
  /**
   * The organisations this deployment serves (a partner service's <SERVICE>_ORGANISATION_IDS):
   * its consumers read only what is addressed to these, on their own topics. None for the
   * chain's processors.
   */
  readonly organisations?: () => readonly string[];
  /** The context's mapping from domain events to integration events. */
  readonly map?: IntegrationMapping;
  /**
   * Consumers: a group name, the declared contract topics it reads (an audience topic
   * delivered per organisation stands for the served organisations' own topics of it), and
   * the provider class that handles them.
   */
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
  return (event: ReceivedIntegrationEvent, tx: pg.PoolClient) => runWithTrace({ ...childTraceOf(event.cloudEvent.traceparent), eventId: event.cloudEvent.id }, () => handler(event, tx));
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

const saslMechanisms = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

/**
 * The Kafka client of a service: KAFKA_BROKERS, and in production its own principal —
 * KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD (KAFKA_SASL_MECHANISM plain, scram-sha-256 or
 * scram-sha-512; default plain), over TLS when KAFKA_SSL=true — so the broker's ACLs
 * (kafkaAclsFor) decide what it may read and write, not only its own code.
 */
export function kafkaConfigFor(service: string, env: NodeJS.ProcessEnv = process.env): KafkaConfig {
  const brokers = (env['KAFKA_BROKERS'] ?? '').split(',').filter((b) => b !== '');
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set');
  const username = env['KAFKA_SASL_USERNAME'];
  const password = env['KAFKA_SASL_PASSWORD'];
  const mechanism = env['KAFKA_SASL_MECHANISM'] ?? 'plain';
  const config: KafkaConfig = { clientId: service, brokers, logLevel: logLevel.WARN, logCreator: kafkaLogCreator, ...(env['KAFKA_SSL'] === 'true' ? { ssl: true } : {}) };
  if (username === undefined && password === undefined) return config;
  if (!username || !password) throw new Error('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD go together: set both or neither');
  if (!(saslMechanisms as readonly string[]).includes(mechanism)) throw new Error(`KAFKA_SASL_MECHANISM '${mechanism}' is not one of ${saslMechanisms.join(', ')}`);
  return { ...config, sasl: { mechanism: mechanism as (typeof saslMechanisms)[number], username, password } as SASLOptions };
}

/**
 * How long a consumer group waits for a member that went silent (a killed process, a
 * cut network) before its partitions move to the others: KAFKA_CONSUMER_SESSION_TIMEOUT_MS,
 * kafkajs's 30 s when unset. Shorter means a crashed instance stalls its partitions for
 * less time, at the price of rebalances on a long pause (GC, a slow batch); the broker
 * refuses values outside group.min/max.session.timeout.ms (6 s to 30 min by default).
 */
export function consumerGroupConfigFor(env: NodeJS.ProcessEnv = process.env): { sessionTimeout: number; heartbeatInterval: number } | undefined {
  const raw = env['KAFKA_CONSUMER_SESSION_TIMEOUT_MS'];
  if (raw === undefined || raw === '') return undefined;
  const sessionTimeout = Number(raw);
  if (!Number.isInteger(sessionTimeout) || sessionTimeout < 6_000 || sessionTimeout > 1_800_000) {
    throw new Error(`KAFKA_CONSUMER_SESSION_TIMEOUT_MS '${raw}' is not a whole number of milliseconds from 6000 (the broker's minimum) to 1800000`);
  }
  // Kafka's advice: heartbeats at most a third of the session, so two may be lost.
  return { sessionTimeout, heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)) };
}

export function kafkaFor(service: string): Kafka {
  return new Kafka(kafkaConfigFor(service));
}

/**
 * Creates the contract topics a service touches (its own, what it consumes and their
 * dead-letter twins) when missing, so nothing depends on auto-creation; other services'
 * topics are theirs to create, and under ACLs it could not see them anyway.
 */
export async function ensureTopics(kafka: Kafka, contractTopics: readonly string[]): Promise<void> {
  await ensurePhysicalTopics(kafka, contractTopics.map(physicalTopic));
}

/** ensureTopics for names already physical: what the relay creates before its first message to an addressed organisation. */
export async function ensurePhysicalTopics(kafka: Kafka, physicalTopics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = physicalTopics.filter((t) => !existing.has(t));
    await createTopicsAndWait(admin, await chainTopicConfigs(admin, wanted));
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
    @Inject(SERVICE_TOPICS) private readonly topics: readonly string[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, this.topics);
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

/**
 * What a deployment reads: its consumers' declared topics turned into the topics of the
 * organisations it serves (where the producer addresses organisations). Refused when any
 * is outside its bus access: the bus's need-to-know is declared once (busAccessFor), and a
 * deployment does not read past it, whatever its app module asks for.
 */
export function messagingDeploymentOf(options: Pick<MessagingModuleOptions, 'service' | 'organisations' | 'consumers'>): {
  readonly organisations: readonly string[];
  readonly consumers: readonly { readonly name: string; readonly topics: readonly string[] }[];
} {
  const organisations = options.organisations?.() ?? [];
  const consumers = (options.consumers ?? []).map((c) => ({ name: c.name, topics: [...new Set(c.topics.flatMap((topic) => consumedTopicsFor(topic, organisations)))] }));
  const outside = topicsOutsideBusAccess(
    options.service,
    organisations,
    consumers.flatMap((c) => c.topics),
  );
  if (outside.length > 0) throw new Error(`${options.service} may not consume ${outside.join(', ')}: not in its bus access (contracts/src/bus-access.ts)`);
  return { organisations, consumers };
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const declaredSpecs = options.consumers ?? [];
    // Read each time an app is created, not when its module is declared: the configuration
    // (and a test's environment) is in place by then.
    const deployment = () => messagingDeploymentOf(options);
    return {
      module: MessagingModule,
      providers: [
        { provide: KAFKA, useFactory: () => kafkaFor(options.service) },
        { provide: SERVICE_TOPICS, useFactory: () => topicsTouchedBy(options.service, deployment().organisations) },
        ...declaredSpecs.map((c) => c.handler),
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
                  ensureTopics: (topics) => ensurePhysicalTopics(kafka, topics),
                  logger: messagingLogger(`${options.service}.relay`),
                })
              : undefined,
        },
        {
          provide: INTEGRATION_CONSUMERS,
          // The handler instances are injected (not looked up), so Nest constructs them first.
          inject: [KAFKA, PG_POOL, ...declaredSpecs.map((c) => c.handler)],
          useFactory: (kafka: Kafka, pool: pg.Pool, ...handlers: IntegrationEventConsumer[]) => {
            const { organisations, consumers } = deployment();
            return consumers.flatMap((spec, index) => {
              // A consumer with nothing to read (no organisation served) does not join.
              if (spec.topics.length === 0) return [];
              const handler = handlers[index]!;
              return [
                new IntegrationConsumer({
                  kafka,
                  pool,
                  // Per organisation too: two organisations' deployments must never share a group.
                  groupId: `${process.env['KAFKA_GROUP_PREFIX'] ?? ''}${consumerGroupPrefixOf(options.service, organisations)}${spec.name}`,
                  consumerConfig: consumerGroupConfigFor(),
                  topics: spec.topics.map(physicalTopic),
                  handle: tracedHandling((event, tx) => handler.handle(event, tx)),
                  logger: messagingLogger(`${options.service}.${spec.name}`),
                }),
              ];
            });
          },
        },
        MessagingLifecycle,
      ],
      exports: [KAFKA, OUTBOX_RELAY, INTEGRATION_CONSUMERS],
    };
  }
}
