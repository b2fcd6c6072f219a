// Shared by the insurer's integration tests: the app booted in-process on its own
// database and topic prefix, CloudEvents produced as a care provider or employer
// network would, and a raw reader of what the insurer puts on its topic.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, KafkaMessage, Producer } from 'kafkajs';
import type { IntegrationEventDefinition } from '@wcc/contracts';
import { encodeCloudEvent } from '@wcc/messaging';
import { createServiceApp, signDevelopmentToken, type TokenClaims } from '@wcc/nest-kit';
import { testInfra, testKafka, type TestDatabase, type TestNamespace } from '@wcc/testing';
import { AppModule } from '../app.module';
import { insurerService } from '../service';

export async function startInsurerApp(db: TestDatabase, ns: TestNamespace) {
  process.env['DATABASE_URL'] = db.url;
  process.env['KAFKA_BROKERS'] = testInfra().kafkaBrokers.join(',');
  process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
  process.env['KAFKA_GROUP_PREFIX'] = ns.groupPrefix;
  const app = await createServiceApp(AppModule, insurerService);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${address.port}` };
}

export const contractManager = (organisationId = 'achmea'): TokenClaims => ({ userId: `cm-${organisationId}`, organisationId, organisationType: 'insurer', roles: ['contract-manager'] });

export function tokenFor(claims: TokenClaims): Promise<string> {
  return signDevelopmentToken(claims);
}

/** Produces `data` as a binary-mode CloudEvent of `definition` on the (prefixed) contract topic, keyed by case id. */
export async function produceCloudEvent<T>(producer: Producer, ns: TestNamespace, definition: IntegrationEventDefinition<T>, data: T, source: string): Promise<string> {
  const id = randomUUID();
  const message = encodeCloudEvent(
    {
      specversion: '1.0',
      id,
      source,
      type: definition.type,
      time: (data as { occurredAt: string }).occurredAt,
      datacontenttype: 'application/json',
      correlationid: id,
      data,
    },
    definition.caseIdOf(data),
  );
  await producer.send({ topic: ns.topic(definition.topic), acks: -1, messages: [message] });
  return id;
}

export async function connectedProducer(): Promise<Producer> {
  const producer = testKafka('insurer-test-producer').producer();
  await producer.connect();
  return producer;
}

/** Everything that appears on one physical topic from the start, as it arrives. */
export async function readTopic(ns: TestNamespace, physicalTopic: string): Promise<{ messages: KafkaMessage[]; consumer: Consumer }> {
  const messages: KafkaMessage[] = [];
  const consumer = testKafka('insurer-test-reader').consumer({ groupId: ns.group(`reader-${randomUUID()}`) });
  await consumer.connect();
  await consumer.subscribe({ topic: physicalTopic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      messages.push(message);
    },
  });
  return { messages, consumer };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}
