// Dead letters an operator can read and send back: a handler that fails on one message
// dead-letters it with the reason while the rest go through; once the cause is fixed, a
// replay delivers it to the group that refused it (and only as a duplicate to a group that
// had processed it). Also through `npm run dlt`, as a person would run it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kafka, Producer } from 'kafkajs';
import { clientReferredV1, deadLetterTopicOf, municipalityCaseEventsTopic, type ClientReferredV1 } from '@wcc/contracts';
import { createTopics, repositoryRoot, testInfra, testKafka, testNamespace, useTestDatabase } from '@wcc/testing';
import { cloudEventFrom, encodeCloudEvent } from './cloudevents';
import { listDeadLetters, replayDeadLetters } from './dead-letters';
import { IntegrationConsumer, type IntegrationEventHandler } from './integration-consumer';
import { TEST_SOURCE, caseIds, clientReferredData, deleteTopics, eventually, referralRegistered } from './test-fixtures';

describe('dead letters: list and replay', () => {
  const db = useTestDatabase();
  const ns = testNamespace();
  let kafka: Kafka;
  let producer: Producer;
  const consumers: IntegrationConsumer[] = [];
  const topic = ns.topic(municipalityCaseEventsTopic);
  const dlt = deadLetterTopicOf(topic);
  let position = 0n;

  beforeAll(async () => {
    kafka = testKafka('dlt-test');
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await createTopics(kafka, [topic, dlt]);
    await db.pool.query('create table effects (consumer_group text not null, referral_id uuid not null)');
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await producer.disconnect();
    await deleteTopics(kafka, [topic, dlt]);
  });

  function referral(caseId: string) {
    position += 1n;
    const stored = { ...referralRegistered(caseId, 1), streamId: `referral-${caseId}`, streamVersion: 1, globalPosition: { transactionId: 2000n, position }, recordedAt: '' };
    const data = clientReferredData(stored);
    const event = cloudEventFrom({ source: TEST_SOURCE, type: clientReferredV1.type, data, from: stored });
    return { message: encodeCloudEvent(event, caseId), data, id: event.id };
  }

  async function start(group: string, handle: IntegrationEventHandler): Promise<IntegrationConsumer> {
    const c = new IntegrationConsumer({
      kafka,
      pool: db.pool,
      groupId: group,
      topics: [topic],
      handle,
      retry: { retries: 1, initialDelayMs: 10 },
      consumerConfig: { maxWaitTimeInMs: 50 },
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    consumers.push(c);
    await c.migrate();
    await c.start();
    return c;
  }

  const effects = async (group: string) => (await db.pool.query<{ referral_id: string }>('select referral_id from effects where consumer_group = $1', [group])).rows.map((r) => r.referral_id).sort();

  it('lists the refused message with its reason and group, and a replay after the fix delivers it once', async () => {
    const [a, b, c] = caseIds(3) as [string, string, string];
    const messages = [referral(a), referral(b), referral(c)];
    const poison = messages[1]!;
    let registerBroken = true;
    const strictGroup = ns.group('strict');
    const easyGroup = ns.group('easy');
    const record =
      (group: string, breaksOnPoison: boolean): IntegrationEventHandler =>
      async (event, tx) => {
        const data = event.data as ClientReferredV1;
        if (breaksOnPoison && registerBroken && data.referralId === poison.data.referralId) throw new Error('the referral register refuses this referral today');
        await tx.query('insert into effects (consumer_group, referral_id) values ($1, $2)', [group, data.referralId]);
      };
    const strict = await start(strictGroup, record(strictGroup, true));
    const easy = await start(easyGroup, record(easyGroup, false));
    await producer.send({ topic, acks: -1, messages: messages.map((m) => m.message) });

    await eventually(
      () => strict.counts().processed === 2 && strict.counts().deadLettered === 1 && easy.counts().processed === 3,
      30_000,
      () => JSON.stringify([strict.counts(), easy.counts()]),
    );
    const { letters, complete } = await listDeadLetters(kafka, [dlt]);
    expect(complete).toBe(true);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      deadLetterTopic: dlt,
      consumerGroup: strictGroup,
      originalTopic: topic,
      cloudEventId: poison.id,
      cloudEventType: clientReferredV1.type,
      key: b,
      replays: 0,
      reason: 'The handler failed 2 times; last error: the referral register refuses this referral today',
    });
    expect(await effects(strictGroup)).toEqual([messages[0]!.data.referralId, messages[2]!.data.referralId].sort());

    // The cause is fixed; the operator sends it back.
    registerBroken = false;
    expect(await replayDeadLetters(kafka, [letters[0]!.id])).toEqual([letters[0]!.id]);
    await eventually(
      () => strict.counts().processed === 3 && easy.counts().duplicates === 1,
      30_000,
      () => JSON.stringify([strict.counts(), easy.counts()]),
    );
    expect(await effects(strictGroup)).toEqual(messages.map((m) => m.data.referralId).sort());
    // The group that had it already applied it once, not twice.
    expect(await effects(easyGroup)).toEqual(messages.map((m) => m.data.referralId).sort());
    await expect(replayDeadLetters(kafka, [`${dlt}:0:999999`])).rejects.toThrow(/no dead letter/);
  });

  // Reads the dead letter the test above left on the broker.
  it('does the same as `npm run dlt -- list|replay`, naming the reason and the id to replay', () => {
    const root = repositoryRoot();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['-r', '@swc-node/register', path.join(root, 'scripts', 'dlt.ts'), ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, KAFKA_BROKERS: testInfra().kafkaBrokers.join(',') },
      });
    const listed = run('list', '--prefix', ns.topicPrefix);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(dlt);
    expect(listed.stdout).toContain('the referral register refuses this referral today');
    const id = /(\S+\.dlt:\d+:\d+)/.exec(listed.stdout)?.[1];
    expect(id).toBeDefined();
    const unknown = run('replay', `${dlt}:0:424242`);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no dead letter/);
    const usage = run('frobnicate');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run dlt/);
    const replayed = run('replay', id!);
    expect(replayed.status, replayed.stderr).toBe(0);
    expect(replayed.stdout).toContain(`replayed ${id}`);
  });
});
