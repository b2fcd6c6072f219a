// The relay against a real PostgreSQL event store and a real broker: what reaches the
// wire, in which order, and when the checkpoint may move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kafka, Producer, ProducerBatch } from 'kafkajs';
import { clientReferredV1, municipalityCaseEventsTopic, municipalityToCareProviderTopic, organisationTopicOf } from '@wcc/contracts';
import { PostgresEventStore, START, type RecordedEvent } from '@wcc/event-store';
import { createTopics, testKafka, testNamespace, useTestDatabase } from '@wcc/testing';
import { decodeCloudEvent, encodeSequence, integrationEventId } from './cloudevents';
import { integrationMessage, IntegrationMappingError, OutboxRelay, type OutboxRelayOptions, type PublishedBatch } from './outbox-relay';
import {
  TEST_SOURCE,
  caseIds,
  caseNoteRecorded,
  deleteTopics,
  clientReferredData,
  eventually,
  municipalityMapping,
  readAllOnceVisible,
  readWire,
  referralRegistered,
  type ReferralRegistered,
} from './test-fixtures';

describe('OutboxRelay', () => {
  const db = useTestDatabase();
  const ns = testNamespace();
  let kafka: Kafka;
  let store: PostgresEventStore;
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    kafka = testKafka('relay-test');
    store = new PostgresEventStore(db.pool);
    await store.migrate();
  });

  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await deleteTopics(kafka, [
      ...['a', 'b', 'c', 'd', 'e'].map((t) => ns.topic(`${t}-${municipalityCaseEventsTopic}`)),
      ns.topic(`e-${organisationTopicOf(municipalityToCareProviderTopic, 'ggz-delfland')}`),
    ]);
  });

  async function relay(overrides: Partial<OutboxRelayOptions> & Pick<OutboxRelayOptions, 'name'>): Promise<OutboxRelay> {
    const r = new OutboxRelay({
      store,
      pool: db.pool,
      kafka,
      source: TEST_SOURCE,
      map: municipalityMapping,
      idleDelayMs: 10,
      backoff: { initialMs: 20, maxMs: 200 },
      ...overrides,
    });
    relays.push(r);
    await r.migrate();
    return r;
  }

  async function storedCheckpoint(name: string) {
    const { rows } = await db.pool.query<{ transaction_id: string; position: string }>('select transaction_id, position from public.relay_checkpoints where relay_name = $1', [name]);
    return rows[0] ? { transactionId: BigInt(rows[0].transaction_id), position: BigInt(rows[0].position) } : undefined;
  }

  it('publishes mapped events as NL GOV CloudEvents keyed by case, in append order per case, and nothing for private events', async () => {
    const topic = ns.topic(`a-${municipalityCaseEventsTopic}`);
    await createTopics(kafka, [topic]);
    const cases = caseIds(3);
    // Interleaved appends across cases, with private notes in between.
    for (let round = 1; round <= 4; round++) {
      for (const caseId of cases) {
        await store.append(`referral-${caseId}`, [referralRegistered(caseId, round), caseNoteRecorded(caseId)], 'any');
      }
    }
    const appended = await readAllOnceVisible(store, 24);
    const publicEvents = appended.filter((e) => e.type === 'ReferralRegistered');
    expect(publicEvents).toHaveLength(12);

    const r = await relay({ name: 'relay-a', topicName: (t) => (t === municipalityCaseEventsTopic ? topic : t) });
    const wire = await readWire(kafka, [topic], ns.group('a-reader'));
    await r.start();
    const messages = await wire.until((all) => all.length >= publicEvents.length);
    await eventually(() => r.status().caughtUp);
    await new Promise((resolve) => setTimeout(resolve, 300)); // anything extra (a private event leaking) would arrive by now
    await wire.stop();

    expect(messages).toHaveLength(publicEvents.length);
    const byId = new Map(publicEvents.map((e) => [integrationEventId(e.id, clientReferredV1.type), e]));
    for (const message of messages) {
      const source = byId.get(message.headers['ce_id'] ?? '');
      expect(source, `ce_id ${message.headers['ce_id']} derives from a stored public event`).toBeDefined();
      const from = source as RecordedEvent<ReferralRegistered>;
      expect(message.key).toBe(from.data.caseId);
      expect(message.headers).toEqual({
        ce_specversion: '1.0',
        ce_id: integrationEventId(from.id, clientReferredV1.type),
        ce_source: TEST_SOURCE,
        ce_type: 'nl.workcarechain.municipality.client-referred.v1',
        ce_time: from.metadata.occurredAt,
        ce_sequence: encodeSequence(from.globalPosition),
        ce_traceparent: from.metadata.trace?.traceparent,
        ce_tracestate: 'wcc=test',
        ce_correlationid: from.metadata.correlationId,
        ce_causationid: from.id,
        'content-type': 'application/json',
      });
      const decoded = decodeCloudEvent(message.raw);
      expect(decoded.ok).toBe(true);
      if (decoded.ok) expect(clientReferredV1.validate(decoded.event.data)).toMatchObject({ ok: true });
      expect(JSON.parse(message.value ?? '')).toMatchObject({ caseId: from.data.caseId, referralId: from.data.referralId });
    }

    for (const caseId of cases) {
      const onWire = messages.filter((m) => m.key === caseId);
      expect(new Set(onWire.map((m) => m.partition)).size).toBe(1);
      expect(onWire.map((m) => (JSON.parse(m.value ?? '') as { reason: string }).reason)).toEqual([1, 2, 3, 4].map((n) => `Referral ${n} of this case.`));
      const sequences = onWire.map((m) => m.headers['ce_sequence'] ?? '');
      expect([...sequences].sort()).toEqual(sequences);
    }

    const last = appended.at(-1)!;
    expect(await storedCheckpoint('relay-a')).toEqual(last.globalPosition);
    expect(r.status()).toMatchObject({ state: 'running', published: 12, relayed: 24, failures: 0, cursor: last.globalPosition });
    expect(r.status().lastPublishedAt).toBeInstanceOf(Date);
  });

  it('stores the checkpoint only after Kafka acknowledged, and resumes from it without republishing', async () => {
    const topic = ns.topic(`b-${municipalityCaseEventsTopic}`);
    await createTopics(kafka, [topic]);
    // Its own event store schema, so the relay sees only this test's events.
    const ownStore = new PostgresEventStore(db.pool, { schema: 'store_b' });
    await ownStore.migrate();
    const [caseId] = caseIds(1) as [string];
    await ownStore.append(`referral-${caseId}`, [referralRegistered(caseId, 1), referralRegistered(caseId, 2)], 'no-stream');
    const firstTwo = await readAllOnceVisible(ownStore, 2);

    // A broker that takes its time: the send is held until the test lets it through.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let sendsStarted = 0;
    const slowKafka = {
      producer: (config?: Parameters<Kafka['producer']>[0]): Producer => {
        const real = kafka.producer(config);
        return Object.assign(Object.create(real) as Producer, {
          sendBatch: async (batch: ProducerBatch) => {
            sendsStarted += 1;
            await held;
            return real.sendBatch(batch);
          },
        });
      },
    };
    const acked: PublishedBatch[] = [];
    const topicName = (t: string) => (t === municipalityCaseEventsTopic ? topic : t);
    const r = await relay({ name: 'relay-b', store: ownStore, kafka: slowKafka, topicName, onPublished: (b) => acked.push(b) });
    await r.start();
    await eventually(() => sendsStarted > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedCheckpoint('relay-b')).toBeUndefined();
    expect(r.status().cursor).toEqual(START);
    expect(acked).toHaveLength(0);

    release();
    await eventually(async () => (await storedCheckpoint('relay-b'))?.position === firstTwo[1]!.globalPosition.position);
    expect(acked.flatMap((b) => b.messages.map((m) => m.from.id))).toEqual(firstTwo.map((e) => e.id));
    await r.stop();
    expect(r.status().state).toBe('stopped');

    // A new relay under the same name continues after the checkpoint.
    await ownStore.append(`referral-${caseId}`, [referralRegistered(caseId, 3)], 2);
    const resumed = await relay({ name: 'relay-b', store: ownStore, topicName });
    await resumed.start();
    await eventually(() => resumed.status().published === 1 && resumed.status().caughtUp);
    const wire = await readWire(kafka, [topic], ns.group('b-reader'));
    const messages = await wire.until((all) => all.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await wire.stop();
    expect(messages.map((m) => (JSON.parse(m.value ?? '') as { reason: string }).reason)).toEqual(['Referral 1 of this case.', 'Referral 2 of this case.', 'Referral 3 of this case.']);
  });

  it('retries a failed send with a fresh producer from the last acknowledged position, losing and reordering nothing', async () => {
    const topic = ns.topic(`d-${municipalityCaseEventsTopic}`);
    await createTopics(kafka, [topic]);
    const ownStore = new PostgresEventStore(db.pool, { schema: 'store_d' });
    await ownStore.migrate();
    const cases = caseIds(2);
    for (let n = 1; n <= 3; n++) for (const caseId of cases) await ownStore.append(`referral-${caseId}`, [referralRegistered(caseId, n)], 'any');

    // The first two sends fail as against a broker that went away; each producer is counted.
    let producersMade = 0;
    let failuresLeft = 2;
    const flakyKafka = {
      producer: (config?: Parameters<Kafka['producer']>[0]): Producer => {
        producersMade += 1;
        const real = kafka.producer(config);
        return Object.assign(Object.create(real) as Producer, {
          sendBatch: async (batch: ProducerBatch) => {
            if (failuresLeft > 0) {
              failuresLeft -= 1;
              throw new Error('Connection error: connect ECONNREFUSED');
            }
            return real.sendBatch(batch);
          },
        });
      },
    };
    const warnings: string[] = [];
    const r = await relay({
      name: 'relay-d',
      store: ownStore,
      kafka: flakyKafka,
      topicName: (t) => (t === municipalityCaseEventsTopic ? topic : t),
      logger: { info: () => undefined, warn: (m) => warnings.push(m), error: () => undefined },
    });
    await r.start();
    await eventually(() => r.status().published === 6 && r.status().caughtUp);
    const wire = await readWire(kafka, [topic], ns.group('d-reader'));
    const messages = await wire.until((all) => all.length >= 6);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await wire.stop();

    expect(warnings).toHaveLength(2);
    expect(producersMade).toBe(3);
    expect(messages).toHaveLength(6);
    for (const caseId of cases) {
      expect(messages.filter((m) => m.key === caseId).map((m) => (JSON.parse(m.value ?? '') as { reason: string }).reason)).toEqual([
        'Referral 1 of this case.',
        'Referral 2 of this case.',
        'Referral 3 of this case.',
      ]);
    }
    expect(r.status()).toMatchObject({ failures: 0, lastError: 'Connection error: connect ECONNREFUSED' });
  });

  it('stops loudly and publishes nothing when a mapping produces data its contract refuses', async () => {
    const topic = ns.topic(`c-${municipalityCaseEventsTopic}`);
    await createTopics(kafka, [topic]);
    const ownStore = new PostgresEventStore(db.pool, { schema: 'store_c' });
    await ownStore.migrate();
    const [caseId] = caseIds(1) as [string];
    await ownStore.append(`referral-${caseId}`, [referralRegistered(caseId, 1), referralRegistered(caseId, 2, { omitReason: true })], 'no-stream');

    const fatal: Error[] = [];
    const r = await relay({
      name: 'relay-c',
      store: ownStore,
      topicName: (t) => (t === municipalityCaseEventsTopic ? topic : t),
      onFatal: (e) => fatal.push(e),
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    await r.start();
    await expect(r.whenStopped()).rejects.toThrow(IntegrationMappingError);
    await expect(r.whenStopped()).rejects.toThrow(/client-referred\.v1 data its contract refuses: field \/reason is required/);
    expect(fatal).toHaveLength(1);
    expect(r.status()).toMatchObject({ state: 'failed', published: 0, cursor: START });
    expect(await storedCheckpoint('relay-c')).toBeUndefined();

    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    expect(offsets.every((p) => p.high === '0')).toBe(true);
  });

  it('puts an event on its chain topic and on the topic of each organisation its data addresses, the same CloudEvent on each, creating that topic before the first send', async () => {
    const chain = ns.topic(`e-${municipalityCaseEventsTopic}`);
    const delfland = organisationTopicOf(municipalityToCareProviderTopic, 'ggz-delfland');
    const careProviders = ns.topic(`e-${delfland}`);
    await createTopics(kafka, [chain]);
    const ensured: string[] = [];
    const ownStore = new PostgresEventStore(db.pool, { schema: 'store_e' });
    await ownStore.migrate();
    const cases = caseIds(2);
    for (const caseId of cases) await ownStore.append(`referral-${caseId}`, [referralRegistered(caseId, 1), referralRegistered(caseId, 2)], 'no-stream');
    // Odd referrals go to a care provider (chain + ggz-delfland's own topic), even ones to the employer network (chain only).
    const r = await relay({
      name: 'relay-e',
      store: ownStore,
      topicName: (t) => (t === municipalityCaseEventsTopic ? chain : t === delfland ? careProviders : `unexpected-${t}`),
      ensureTopics: async (topics) => {
        ensured.push(...topics);
        await createTopics(kafka, [...topics]);
      },
      map: (event) => {
        const data = clientReferredData(event);
        const toCare = (event.data as ReferralRegistered).sequenceInCase % 2 === 1;
        return [integrationMessage(clientReferredV1, toCare ? { ...data, toOrganisationType: 'care-provider', toOrganisationId: 'ggz-delfland', route: 'ggz-screening' } : data)];
      },
    });
    await r.start();
    await eventually(() => r.status().caughtUp);
    // Read only now: ggz-delfland's topic exists once the relay made it.
    const wire = await readWire(kafka, [chain, careProviders], ns.group('e-reader'));
    const messages = await wire.until((all) => all.length >= 6);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await wire.stop();

    const onChain = messages.filter((m) => m.topic === chain);
    const onCare = messages.filter((m) => m.topic === careProviders);
    expect(onChain).toHaveLength(4);
    expect(onCare).toHaveLength(2);
    for (const message of onCare) {
      const twin = onChain.find((m) => m.headers['ce_id'] === message.headers['ce_id']);
      expect(twin, 'the audience copy is the chain topic’s CloudEvent').toBeDefined();
      expect(message.headers).toEqual(twin!.headers);
      expect(message.key).toBe(twin!.key);
      expect(message.value).toBe(twin!.value);
      expect(JSON.parse(message.value ?? '')).toMatchObject({ toOrganisationType: 'care-provider' });
    }
    expect(r.status()).toMatchObject({ published: 6, relayed: 4 });
    // Each topic ensured once, however many batches went on it.
    expect([...ensured].sort()).toEqual([chain, careProviders].sort());
  });
});
