// Proves the path every integration test stands on: a real Kafka broker and a real
// PostgreSQL, reached through the harness, each isolated per file.
import { describe, expect, it } from 'vitest';
import { createTopics, testInfra, testKafka, testNamespace, useTestDatabase } from './index';

describe('test infrastructure', () => {
  const db = useTestDatabase();
  const ns = testNamespace();

  it('produces and consumes a message through the real broker', async () => {
    const kafka = testKafka();
    const topic = ns.topic('smoke');
    await createTopics(kafka, [topic]);

    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'case-1', value: 'hello chain' }] });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: ns.group('smoke') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await new Promise<{ key: string; value: string }>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => resolve({ key: String(message.key), value: String(message.value) }),
      });
    });
    await consumer.disconnect();

    expect(received).toEqual({ key: 'case-1', value: 'hello chain' });
    const admin = kafka.admin();
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.disconnect();
    expect(cluster.brokers.length).toBeGreaterThan(0);
    console.log(`[smoke] message round-tripped through Kafka at ${testInfra().kafkaBrokers.join(',')} (${testInfra().kafkaSource})`);
  });

  it('round-trips a row in its own PostgreSQL database', async () => {
    await db.pool.query('create table smoke (id int primary key, note text not null)');
    await db.pool.query('insert into smoke values ($1, $2)', [1, 'regie bij gemeente']);
    const { rows } = await db.pool.query<{ note: string; db: string }>('select note, current_database() as db from smoke where id = 1');
    expect(rows).toEqual([{ note: 'regie bij gemeente', db: expect.stringMatching(/^wcc_test_/) as unknown }]);
  });
});
