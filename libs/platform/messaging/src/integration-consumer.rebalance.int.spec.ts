// Two instances of a consuming service share one consumer group: a steady writer keeps
// publishing while the second instance joins and, later, the first leaves. Each move of
// a partition between them is a rebalance, with batches in hand and offsets not yet
// committed; the inbox must absorb every redelivery so each effect happens once, in per-case
// order. Real broker, real PostgreSQL.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kafka, Producer } from 'kafkajs';
import { clientReferredV1, deadLetterTopicOf, municipalityCaseEventsTopic, type ClientReferredV1 } from '@wcc/contracts';
import { createTopics, testKafka, testNamespace, useTestDatabase } from '@wcc/testing';
import { cloudEventFrom, encodeCloudEvent } from './cloudevents';
import { IntegrationConsumer, type IntegrationEventHandler } from './integration-consumer';
import { TEST_SOURCE, caseIds, clientReferredData, deleteTopics, eventually, referralRegistered } from './test-fixtures';

const CASES = 12;
const ROUNDS = 40;

describe('IntegrationConsumer, two instances in one group', () => {
  const db = useTestDatabase();
  const ns = testNamespace();
  const topic = ns.topic(`rb-${municipalityCaseEventsTopic}`);
  let kafka: Kafka;
  let producer: Producer;
  const consumers: IntegrationConsumer[] = [];

  beforeAll(async () => {
    kafka = testKafka('consumer-rebalance-test');
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await createTopics(kafka, [topic, deadLetterTopicOf(topic)]);
    await db.pool.query('create table rebalance_effects (id bigserial primary key, case_id uuid not null, round int not null, message_id text not null, instance text not null)');
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await producer.disconnect();
    await deleteTopics(kafka, [topic, deadLetterTopicOf(topic)]);
  });

  function instance(name: string): IntegrationConsumer {
    // A little work per message, so rebalances land while batches are in hand.
    const handle: IntegrationEventHandler = async (event, tx) => {
      const data = event.data as ClientReferredV1 & { reason: string };
      const round = Number(/Referral (\d+) of this case/.exec(data.reason)?.[1]);
      await tx.query('insert into rebalance_effects (case_id, round, message_id, instance) values ($1, $2, $3, $4)', [data.caseId, round, event.cloudEvent.id, name]);
      await sleep(2);
    };
    const c = new IntegrationConsumer({
      kafka,
      pool: db.pool,
      groupId: ns.group('rebalance'),
      topics: [topic],
      handle,
      consumerConfig: { maxWaitTimeInMs: 50, sessionTimeout: 10_000, heartbeatInterval: 500 },
      logger: { info: () => undefined, warn: () => undefined, error: (m, f) => console.error(m, f) },
    });
    consumers.push(c);
    return c;
  }

  it('loses and doubles nothing while instances join and leave under load, and keeps per-case order', async () => {
    const cases = caseIds(CASES);
    let published = 0;
    const writer = (async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        for (const caseId of cases) {
          const stored = {
            ...referralRegistered(caseId, round),
            streamId: `referral-${caseId}`,
            streamVersion: round,
            globalPosition: { transactionId: 1000n, position: BigInt(published + 1) },
            recordedAt: '',
          };
          const data = { ...clientReferredData(stored), reason: `Referral ${round} of this case.` };
          const event = cloudEventFrom({ source: TEST_SOURCE, type: clientReferredV1.type, data, from: stored });
          await producer.send({ topic, acks: -1, messages: [encodeCloudEvent(event, caseId)] });
          published += 1;
        }
        await sleep(15);
      }
    })();

    const first = instance('first');
    await first.migrate();
    await first.start();
    await eventually(
      () => published >= (CASES * ROUNDS) / 4,
      30_000,
      () => 'a quarter published',
    );
    const second = instance('second');
    await second.start(); // the group rebalances: partitions move to the newcomer
    await eventually(
      () => published >= CASES * ROUNDS * 0.6,
      30_000,
      () => 'most published',
    );
    await first.stop(); // and again: the leaver's partitions, and its uncommitted offsets, go to the other
    await writer;
    const total = CASES * ROUNDS;
    await eventually(
      async () => (await db.pool.query<{ n: number }>('select count(*)::int as n from rebalance_effects')).rows[0]!.n >= total,
      60_000,
      () => `${total} effects`,
    );
    await sleep(500);

    const { rows } = await db.pool.query<{ case_id: string; round: number; message_id: string; instance: string }>('select case_id, round, message_id, instance from rebalance_effects order by id');
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(total);
    for (const caseId of cases) {
      expect(
        rows.filter((r) => r.case_id === caseId).map((r) => r.round),
        `order of ${caseId}`,
      ).toEqual(Array.from({ length: ROUNDS }, (_, i) => i + 1));
    }
    const byInstance = { first: rows.filter((r) => r.instance === 'first').length, second: rows.filter((r) => r.instance === 'second').length };
    expect(byInstance.first).toBeGreaterThan(0);
    expect(byInstance.second).toBeGreaterThan(0);
    const duplicates = first.counts().duplicates + second.counts().duplicates;
    console.log(
      `[consumer rebalance] ${total} events, 2 rebalances under load: effects ${rows.length} (first ${byInstance.first}, second ${byInstance.second}), lost 0, doubled 0, redeliveries absorbed by the inbox ${duplicates}`,
    );
  });
});
