// What every service's integration tests need, once: the real app booted in-process on
// an ephemeral port against the test file's own database and topic namespace; a
// producer that plays a partner by putting contract-checked CloudEvents on the
// (namespaced) contract topic the way a relay does; a raw reader of a topic; and the
// count of stored events, for "a refusal appends nothing".
import { randomUUID } from 'node:crypto';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Consumer, KafkaMessage, Producer } from 'kafkajs';
import type { IntegrationEventDefinition } from '@wcc/contracts';
import { encodeCloudEvent } from '@wcc/messaging';
import { createServiceApp, type ServiceDescription } from '@wcc/nest-kit';
import { testInfra, testKafka, testOrganisationEnv, type TestDatabase, type TestNamespace } from '@wcc/testing';

export interface TestServiceApp {
  readonly app: NestExpressApplication;
  readonly baseUrl: string;
}

/** Boots `module` as `service` would run, on 127.0.0.1 and a free port, with this test file's database and topics. */
export async function startTestServiceApp(
  module: Type<unknown> | DynamicModule,
  service: ServiceDescription,
  db: TestDatabase,
  ns: TestNamespace,
  options: { readonly quiet?: boolean } = {},
): Promise<TestServiceApp> {
  process.env['DATABASE_URL'] = db.url;
  process.env['KAFKA_BROKERS'] = testInfra().kafkaBrokers.join(',');
  process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
  process.env['KAFKA_GROUP_PREFIX'] = ns.groupPrefix;
  // The fixtures' organisations, unless the test set its own.
  Object.assign(process.env, testOrganisationEnv());
  const app = await createServiceApp(module, service);
  if (options.quiet) app.useLogger(['error', 'warn']);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${address.port}` };
}

/** A connected producer for a test that plays a partner (idempotent, as the relays' are). */
export async function connectedTestProducer(clientId: string): Promise<Producer> {
  const producer = testKafka(clientId).producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return producer;
}

export interface PartnerEventOptions {
  /** The CloudEvent id; a fresh UUID by default. */
  readonly id?: string;
  /** The CloudEvent time (consumers take it as the command's now); now by default. */
  readonly time?: string;
}

/**
 * Puts `data` on the namespaced contract topics as `source`'s relay would (its chain
 * topic and every audience topic the data addresses): a binary-mode
 * CloudEvent keyed by case id, acknowledged by all in-sync replicas. Data that does not
 * fit the contract is refused here, so a fixture cannot drift from the contract
 * unnoticed (a test of bad input produces raw messages instead). Returns the event id.
 */
export async function publishAsPartner<T>(
  producer: Producer,
  ns: TestNamespace,
  definition: IntegrationEventDefinition<T>,
  data: T,
  source: string,
  options: PartnerEventOptions = {},
): Promise<string> {
  const checked = definition.validate(data);
  if (!checked.ok) throw new Error(`test fixture does not fit ${definition.type}: ${JSON.stringify(checked.issues)}`);
  const id = options.id ?? randomUUID();
  const time = options.time ?? new Date().toISOString();
  const message = encodeCloudEvent({ specversion: '1.0', id, source, type: definition.type, time, datacontenttype: 'application/json', correlationid: id, data }, definition.caseIdOf(data));
  await producer.sendBatch({ acks: -1, topicMessages: definition.topicsOf(data).map((topic) => ({ topic: ns.topic(topic), messages: [message] })) });
  return id;
}

/**
 * Everything that appears on one physical topic from the start, as it arrives; disconnect the
 * consumer when done. Each CloudEvent id counts once: the relay delivers at least once (a failed
 * send is sent again whole, see OutboxRelay) and a real consumer's inbox drops the repeats, so
 * the reader does too. A message without a `ce_id` header (a poison message) is always kept.
 */
export async function readTopic(ns: TestNamespace, physicalTopic: string, clientId = 'test-topic-reader'): Promise<{ messages: KafkaMessage[]; consumer: Consumer }> {
  const messages: KafkaMessage[] = [];
  const seen = new Set<string>();
  const consumer = testKafka(clientId).consumer({ groupId: ns.group(`reader-${randomUUID()}`) });
  await consumer.connect();
  await consumer.subscribe({ topic: physicalTopic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const id = message.headers?.['ce_id']?.toString();
      if (id !== undefined && seen.has(id)) return;
      if (id !== undefined) seen.add(id);
      messages.push(message);
    },
  });
  return { messages, consumer };
}

/** Every event the service stored (its event_store schema): the "nothing appended on refusal" check. */
export async function storedEventCount(db: TestDatabase, schema = 'event_store'): Promise<number> {
  const { rows } = await db.pool.query<{ n: string }>(`select count(*) as n from ${schema}.events`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The errors Redocly's `recommended` rules find in an OpenAPI document, one sentence
 * each with where it stands (what a client generator or an API gateway would choke
 * on), and the house rule: every refusal (4xx/5xx) is documented as RFC 9457
 * application/problem+json with a schema, because that is what every service sends.
 */
export async function openApiLintErrors(document: object): Promise<string[]> {
  const { createConfig, lintFromString } = await import('@redocly/openapi-core');
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
  const redocly = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? '#'})`);
  return [...redocly, ...refusalsNotProblemJson(document)];
}

type Responses = Record<string, { content?: Record<string, { schema?: unknown }> }>;

function refusalsNotProblemJson(document: object): string[] {
  const paths = (document as { paths?: Record<string, Record<string, { responses?: Responses }>> }).paths ?? {};
  const found: string[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^[45]\d\d$/.test(status) || (status === '503' && path === '/health')) continue;
        const types = Object.keys(response.content ?? {});
        if (types.length !== 1 || types[0] !== 'application/problem+json' || !response.content?.['application/problem+json']?.schema) {
          found.push(`house-problem-json: ${method.toUpperCase()} ${path} ${status} is documented as ${types.join(', ') || 'no content'}, not application/problem+json with a schema`);
        }
      }
    }
  }
  return found;
}
