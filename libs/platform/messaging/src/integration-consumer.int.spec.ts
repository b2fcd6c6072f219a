// The consumer edge against a real broker and PostgreSQL: exactly-once effects under
// redelivery, dead letters that say why, retries, and lag.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IHeaders, Kafka, Message, Producer } from 'kafkajs';
import { clientReferredV1, deadLetterTopicOf, municipalityCaseEventsTopic, type ClientReferredV1 } from '@wcc/contracts';
import { createTopics, testKafka, testNamespace, useTestDatabase } from '@wcc/testing';
import { cloudEventFrom, encodeCloudEvent } from './cloudevents';
import { IntegrationConsumer, type IntegrationConsumerOptions, type IntegrationEventHandler } from './integration-consumer';
import { TEST_SOURCE, caseIds, clientReferredData, deleteTopics, eventually, readWire, referralRegistered } from './test-fixtures';

describe('IntegrationConsumer', () => {
  const db = useTestDatabase();
  const ns = testNamespace();
  let kafka: Kafka;
  let producer: Producer;
  const consumers: IntegrationConsumer[] = [];
  let position = 0n;

  beforeAll(async () => {
    kafka = testKafka('consumer-test');
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await db.pool.query('create table referral_effects (id serial primary key, referral_id uuid not null, message_id text not null)');
  });

  const topics: string[] = [];

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await producer.disconnect();
    await deleteTopics(kafka, topics);
  });

  /** A ClientReferred CloudEvent as the municipality's relay would publish it. */
  function referral(caseId: string): { message: Message; data: ClientReferredV1; id: string } {
    position += 1n;
    const stored = { ...referralRegistered(caseId, 1), streamId: `referral-${caseId}`, streamVersion: 1, globalPosition: { transactionId: 1000n, position }, recordedAt: '' };
    const data = clientReferredData(stored);
    const event = cloudEventFrom({ source: TEST_SOURCE, type: clientReferredV1.type, data, from: stored });
    return { message: encodeCloudEvent(event, caseId), data, id: event.id };
  }

  const recordEffect: IntegrationEventHandler = async (event, tx) => {
    const data = event.data as ClientReferredV1;
    await tx.query('insert into referral_effects (referral_id, message_id) values ($1, $2)', [data.referralId, event.cloudEvent.id]);
  };

  async function topicPair(name: string): Promise<[string, string]> {
    const topic = ns.topic(`${name}-${municipalityCaseEventsTopic}`);
    topics.push(topic, deadLetterTopicOf(topic));
    await createTopics(kafka, [topic, deadLetterTopicOf(topic)]);
    return [topic, deadLetterTopicOf(topic)];
  }

  async function consumer(overrides: Partial<IntegrationConsumerOptions> & Pick<IntegrationConsumerOptions, 'groupId' | 'topics'>): Promise<IntegrationConsumer> {
    const c = new IntegrationConsumer({
      kafka,
      pool: db.pool,
      handle: recordEffect,
      retry: { retries: 3, initialDelayMs: 20 },
      consumerConfig: { maxWaitTimeInMs: 50 },
      logger: { info: () => undefined, warn: () => undefined, error: (m, f) => console.error(m, f) },
      ...overrides,
    });
    consumers.push(c);
    await c.migrate();
    return c;
  }

  async function effectsFor(referralId: string): Promise<number> {
    const { rows } = await db.pool.query<{ n: number }>('select count(*)::int as n from referral_effects where referral_id = $1', [referralId]);
    return rows[0]?.n ?? 0;
  }

  it('applies an event delivered twice, and again after an offset reset, exactly once', async () => {
    const [topic] = await topicPair('once');
    const group = ns.group('once');
    const [caseId] = caseIds(1) as [string];
    const { message, data, id } = referral(caseId);
    await producer.send({ topic, acks: -1, messages: [message, message] });

    const first = await consumer({ groupId: group, topics: [topic] });
    await first.start();
    await eventually(
      () => first.counts().processed + first.counts().duplicates === 2,
      30_000,
      () => JSON.stringify(first.counts()),
    );
    expect(first.counts()).toMatchObject({ processed: 1, duplicates: 1, deadLettered: 0 });
    expect(await effectsFor(data.referralId)).toBe(1);
    const inbox = await db.pool.query('select consumer_group, message_id, topic from public.inbox where message_id = $1', [id]);
    expect(inbox.rows).toEqual([{ consumer_group: group, message_id: id, topic }]);
    await eventually(async () => (await first.lag()).every((p) => p.lag === 0n));
    await first.stop();

    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: group, topic, earliest: true });
    await admin.disconnect();

    const second = await consumer({ groupId: group, topics: [topic] });
    await second.start();
    await eventually(
      () => second.counts().duplicates === 2,
      30_000,
      () => JSON.stringify(second.counts()),
    );
    expect(second.counts()).toMatchObject({ processed: 0, duplicates: 2 });
    expect(await effectsFor(data.referralId)).toBe(1);
  });

  it('dead-letters bad JSON, a missing field and an unknown type with a reason, then keeps going', async () => {
    const [topic, dlt] = await topicPair('malformed');
    const group = ns.group('malformed');
    const [caseId] = caseIds(1) as [string];
    const good = referral(caseId);
    const headers = good.message.headers as Record<string, string>;
    const { reason: _reason, ...withoutReason } = good.data;
    const badJson: Message = { key: caseId, value: '{"caseId": "', headers: { ...headers, ce_id: randomUUID() } };
    const missingField: Message = { key: caseId, value: JSON.stringify(withoutReason), headers: { ...headers, ce_id: randomUUID() } };
    const unknownType: Message = { key: caseId, value: good.message.value, headers: { ...headers, ce_id: randomUUID(), ce_type: 'nl.workcarechain.municipality.client-teleported.v1' } };
    const valid = referral(caseId);
    // One key, so one partition: the valid message comes after the three bad ones.
    await producer.send({ topic, acks: -1, messages: [badJson, missingField, unknownType, valid.message] });

    const dead = await readWire(kafka, [dlt], ns.group('malformed-dlt-reader'));
    const c = await consumer({ groupId: group, topics: [topic] });
    await c.start();
    await eventually(
      () => c.counts().processed === 1,
      30_000,
      () => JSON.stringify(c.counts()),
    );
    const letters = await dead.until((all) => all.length >= 3);
    await dead.stop();

    expect(c.counts()).toMatchObject({ processed: 1, deadLettered: 3, duplicates: 0 });
    expect(await effectsFor(valid.data.referralId)).toBe(1);
    expect(letters.map((l) => l.headers['dlq_reason'])).toEqual([
      expect.stringMatching(/^The message value is not valid JSON/),
      'Data of nl.workcarechain.municipality.client-referred.v1 does not fit its contract: field /reason is required.',
      'Type "nl.workcarechain.municipality.client-teleported.v1" is not a known integration event: no contract defines it.',
    ]);
    const sourcePartition = letters[0]!.headers['dlq_original_partition'];
    letters.forEach((letter, i) => {
      expect(letter.key).toBe(caseId);
      expect(letter.headers).toMatchObject({
        dlq_original_topic: topic,
        dlq_original_partition: sourcePartition,
        dlq_original_offset: String(i),
        dlq_consumer_group: group,
        ce_type: i === 2 ? 'nl.workcarechain.municipality.client-teleported.v1' : clientReferredV1.type,
        'content-type': 'application/json',
      });
      expect(letter.headers['ce_id']).toBe(String(([badJson, missingField, unknownType][i]!.headers as IHeaders)['ce_id']));
    });
    expect(letters[0]!.value).toBe('{"caseId": "');
    expect(JSON.parse(letters[1]!.value ?? '')).toEqual(withoutReason);
  });

  it('retries a failing handler with backoff, rolls back its writes, then dead-letters with the error', async () => {
    const [topic, dlt] = await topicPair('failing');
    const group = ns.group('failing');
    const [alwaysFails, failsTwice] = caseIds(2) as [string, string];
    const doomed = referral(alwaysFails);
    const flaky = referral(failsTwice);
    const attempts = new Map<string, number[]>();
    const handle: IntegrationEventHandler = async (event, tx) => {
      const caseId = (event.data as ClientReferredV1).caseId;
      attempts.set(caseId, [...(attempts.get(caseId) ?? []), Date.now()]);
      await recordEffect(event, tx); // written, then rolled back when the handler throws
      if (caseId === alwaysFails) throw new Error('the referral register is read-only today');
      if (caseId === failsTwice && (attempts.get(caseId)?.length ?? 0) <= 2) throw new Error('deadlock detected');
    };
    await producer.send({ topic, acks: -1, messages: [doomed.message, flaky.message] });

    const dead = await readWire(kafka, [dlt], ns.group('failing-dlt-reader'));
    const c = await consumer({ groupId: group, topics: [topic], handle, retry: { retries: 3, initialDelayMs: 50 } });
    await c.start();
    const letters = await dead.until((all) => all.length >= 1);
    await eventually(
      () => c.counts().processed === 1,
      30_000,
      () => JSON.stringify(c.counts()),
    );
    await dead.stop();

    const tries = attempts.get(alwaysFails) ?? [];
    expect(tries).toHaveLength(4);
    const gaps = tries.slice(1).map((t, i) => t - tries[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(45);
    expect(gaps[1]).toBeGreaterThanOrEqual(95);
    expect(gaps[2]).toBeGreaterThanOrEqual(195);
    expect(letters).toHaveLength(1);
    expect(letters[0]!.headers).toMatchObject({
      dlq_reason: 'The handler failed 4 times; last error: the referral register is read-only today',
      dlq_original_topic: topic,
      dlq_consumer_group: group,
      ce_id: doomed.id,
    });
    expect(await effectsFor(doomed.data.referralId)).toBe(0);
    expect(attempts.get(failsTwice)).toHaveLength(3);
    expect(await effectsFor(flaky.data.referralId)).toBe(1);
    expect(c.counts()).toMatchObject({ processed: 1, deadLettered: 1, retried: 5 });
  });

  it('reports lag per partition: the whole backlog before it runs, nothing once it caught up', async () => {
    const [topic] = await topicPair('lag');
    const group = ns.group('lag');
    const cases = caseIds(6);
    await producer.send({ topic, acks: -1, messages: cases.map((caseId) => referral(caseId).message) });

    const c = await consumer({ groupId: group, topics: [topic] });
    const before = await c.lag();
    expect(before.map((p) => p.partition)).toEqual([0, 1, 2]);
    expect(before.every((p) => p.committedOffset === undefined && p.lag === p.highWatermark)).toBe(true);
    expect(before.reduce((sum, p) => sum + p.lag, 0n)).toBe(6n);

    await c.start();
    await eventually(
      () => c.counts().processed === 6,
      30_000,
      () => JSON.stringify(c.counts()),
    );
    await eventually(async () => (await c.lag()).every((p) => p.lag === 0n), 10_000);
    const after = await c.lag();
    // Six random case ids need not hash onto all three partitions: a partition that never
    // held a message has nothing to commit, and its lag is 0 all the same.
    expect(after.filter((p) => p.highWatermark > 0n).every((p) => p.committedOffset === p.highWatermark)).toBe(true);
    expect(after.filter((p) => p.highWatermark === 0n).every((p) => (p.committedOffset ?? 0n) === 0n)).toBe(true);
    expect(after.reduce((sum, p) => sum + p.highWatermark, 0n)).toBe(6n);
  });

  it('rolls back and retries when the handler swallowed a failed statement', async () => {
    const [topic] = await topicPair('swallowed');
    const group = ns.group('swallowed');
    const [caseId] = caseIds(1) as [string];
    const m = referral(caseId);
    let calls = 0;
    const handle: IntegrationEventHandler = async (event, tx) => {
      calls += 1;
      await recordEffect(event, tx);
      if (calls === 1) await tx.query('select 1 / 0').catch(() => undefined); // error swallowed, transaction aborted
    };
    await producer.send({ topic, acks: -1, messages: [m.message] });
    const c = await consumer({ groupId: group, topics: [topic], handle });
    await c.start();
    await eventually(
      () => c.counts().processed === 1,
      30_000,
      () => JSON.stringify(c.counts()),
    );
    expect(calls).toBe(2);
    expect(c.counts().retried).toBe(1);
    expect(await effectsFor(m.data.referralId)).toBe(1);
  });
});
