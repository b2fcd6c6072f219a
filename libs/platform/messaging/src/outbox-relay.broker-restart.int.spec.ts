// The relay's promise under a real outage: the broker goes away mid-stream and comes
// back, and still every event arrives (perhaps twice, with the same id) and each case
// keeps its order. Stops the shared broker, so it runs in the `fault` project, alone.
//
// What is asserted is the guarantee, not a timing: the broker is verified down before
// the outage window's first append, the window holds appended events, none of them is
// acknowledged by the relay before the broker is being started again, and all of them
// reach the topic afterwards. Whether the relay counted a failed send or kafkajs held
// the send until the broker was back depends on the machine's speed; it is logged only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaJSConnectionError, type Kafka, type Producer, type ProducerBatch } from 'kafkajs';
import { answersMetadata, ensureLocalKafka, stopLocalKafka } from '@wcc/kafka-local';
import { clientReferredV1, municipalityCaseEventsTopic } from '@wcc/contracts';
import { PostgresEventStore } from '@wcc/event-store';
import { createTopics, reportFault, testInfra, testKafka, testNamespace, useTestDatabase } from '@wcc/testing';
import { integrationEventId } from './cloudevents';
import { OutboxRelay } from './outbox-relay';
import { TEST_SOURCE, caseIds, deleteTopics, eventually, municipalityMapping, readAllOnceVisible, readWire, startSteadyWriter } from './test-fixtures';

const CASES = 6;
const APPEND_EVERY_MS = 15;
// The run's broker holds every topic the suite created before (thousands of partitions) and
// loads them all on a restart; on a busy machine that took longer than the usual 90 s.
const RESTART_TIMEOUT_MS = 240_000;
// A controlled shutdown, and a crash: SIGKILL leaves the broker no time to flush or hand anything over.
const outages = [
  { key: 'stopped', how: 'stopped', signal: 'SIGTERM' },
  { key: 'killed', how: 'killed with SIGKILL', signal: 'SIGKILL' },
] as const;

describe('OutboxRelay across a broker outage', () => {
  const db = useTestDatabase();
  const ns = testNamespace();
  let kafka: Kafka;
  let relay: OutboxRelay | undefined;

  beforeAll(() => {
    kafka = testKafka('relay-outage-test');
  });

  afterAll(async () => {
    await relay?.stop();
    // Leave the broker up for whoever runs next, even if the test failed half-way.
    if (testInfra().kafkaSource === 'local' && !(await answersMetadata(testInfra().kafkaBrokers.join(',')))) await ensureLocalKafka({ timeoutMs: RESTART_TIMEOUT_MS });
    await deleteTopics(
      kafka,
      outages.map((o) => ns.topic(`${o.key}-${municipalityCaseEventsTopic}`)),
    );
  }, RESTART_TIMEOUT_MS + 60_000);

  for (const outage of outages)
    it(
      `loses nothing and keeps per-case order while the broker is ${outage.how} and restarted`,
      async () => {
        const topic = ns.topic(`${outage.key}-${municipalityCaseEventsTopic}`);
        await createTopics(kafka, [topic]);
        const store = new PostgresEventStore(db.pool, { schema: `store_${outage.key}` });
        await store.migrate();

        // With the local broker the outage is real. Any other broker is not ours to stop:
        // then the relay's sends fail as they would against a dead broker, for as long.
        const realOutage = testInfra().kafkaSource === 'local';
        let simulatedDown = false;
        const relayKafka = {
          producer: (config?: Parameters<Kafka['producer']>[0]): Producer => {
            const real = kafka.producer(config);
            return Object.assign(Object.create(real) as Producer, {
              sendBatch: async (batch: ProducerBatch) => {
                if (simulatedDown) throw new KafkaJSConnectionError('Connection error: connect ECONNREFUSED (simulated outage)');
                return real.sendBatch(batch);
              },
            });
          },
        };

        let maxFailures = 0;
        // When the relay acknowledged each stored event (its batch's send succeeded).
        const acknowledgedAt = new Map<string, number>();
        relay = new OutboxRelay({
          name: `outage-${outage.key}`,
          store,
          pool: db.pool,
          kafka: relayKafka,
          source: TEST_SOURCE,
          map: municipalityMapping,
          topicName: (t) => (t === municipalityCaseEventsTopic ? topic : t),
          backoff: { initialMs: 100, maxMs: 1_000 },
          logger: { info: () => undefined, warn: () => undefined, error: (m, f) => console.error(m, f) },
          onPublished: ({ events }) => {
            const now = Date.now();
            for (const e of events) if (!acknowledgedAt.has(e.id)) acknowledgedAt.set(e.id, now);
          },
        });
        await relay.migrate();
        await relay.start();
        const watch = setInterval(() => (maxFailures = Math.max(maxFailures, relay?.status().failures ?? 0)), 20);

        // A steady writer: one referral every APPEND_EVERY_MS, round-robin over the cases.
        const cases = caseIds(CASES);
        const writer = startSteadyWriter(store, cases, APPEND_EVERY_MS);
        const { appendedIds, perCase } = writer;

        await eventually(
          () => relay!.status().published >= 50,
          30_000,
          () => 'the relay published before the outage',
        );
        if (realOutage) {
          expect(await stopLocalKafka({ signal: outage.signal }), 'the local broker was started by kafka-local and could be stopped').toBe(true);
          expect(await answersMetadata(testInfra().kafkaBrokers.join(','), 1000), 'the broker is down').toBe(false);
        } else {
          simulatedDown = true;
        }
        // The outage window starts only now that the broker is known to be down.
        const windowStart = appendedIds.length;
        await eventually(
          () => appendedIds.length - windowStart >= 40,
          30_000,
          () => 'the writer appended during the outage',
        );
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        const windowIds = appendedIds.slice(windowStart);
        const restartBeganAt = Date.now();
        const acknowledgedWhileDown = windowIds.filter((id) => (acknowledgedAt.get(id) ?? Infinity) < restartBeganAt);
        expect(acknowledgedWhileDown, 'events appended while the broker was down and acknowledged before it was back').toEqual([]);
        if (realOutage) await ensureLocalKafka({ timeoutMs: RESTART_TIMEOUT_MS });
        else simulatedDown = false;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        await writer.stop();

        const all = await readAllOnceVisible(store, appendedIds.length, 60_000);
        expect(all.map((e) => e.id)).toEqual(appendedIds);
        const last = all.at(-1)!;
        await eventually(
          () => relay!.status().cursor.position === last.globalPosition.position,
          90_000,
          () => `relay at ${JSON.stringify(relay!.status(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`,
        );
        clearInterval(watch);
        expect(
          windowIds.filter((id) => !acknowledgedAt.has(id)),
          'outage-window events never acknowledged',
        ).toEqual([]);

        const expectedIds = new Set(all.map((e) => integrationEventId(e.id, clientReferredV1.type)));
        const wire = await readWire(kafka, [topic], ns.group('reader'));
        const messages = await wire.until((got) => new Set(got.map((m) => m.headers['ce_id'])).size >= expectedIds.size, 60_000);
        await new Promise((resolve) => setTimeout(resolve, 500));
        await wire.stop();

        const seen = new Set(messages.map((m) => m.headers['ce_id'] ?? ''));
        expect(
          [...expectedIds].filter((id) => !seen.has(id)),
          'events lost',
        ).toEqual([]);
        expect(
          [...seen].filter((id) => !expectedIds.has(id)),
          'messages not from this stream',
        ).toEqual([]);

        for (const caseId of cases) {
          const firstOccurrences: number[] = [];
          const firstSeen = new Set<string>();
          for (const m of messages.filter((x) => x.key === caseId)) {
            const id = m.headers['ce_id'] ?? '';
            if (firstSeen.has(id)) continue;
            firstSeen.add(id);
            firstOccurrences.push(Number(/^Referral (\d+) /.exec((JSON.parse(m.value ?? '{}') as { reason: string }).reason)?.[1]));
          }
          expect(firstOccurrences).toEqual(Array.from({ length: perCase.get(caseId) ?? 0 }, (_, i) => i + 1));
        }

        await relay.stop();
        relay = undefined;
        console.log(
          `[broker-restart] ${realOutage ? `real outage (broker ${outage.how})` : 'simulated outage'}: ${all.length} events appended (${windowIds.length} while the broker was down, none acknowledged before it was back), ` +
            `${messages.length} messages on the wire, ${messages.length - seen.size} duplicate(s) by ce_id, relay failures up to ${maxFailures} in a row`,
        );
        if (realOutage)
          reportFault({
            fault: `broker ${outage.how} and restarted under a steady writer`,
            test: 'libs/platform/messaging/src/outbox-relay.broker-restart.int.spec.ts',
            acknowledged: all.length,
            events: messages.length,
            lost: 0,
            duplicatedEffects: 0,
            redelivered: messages.length - seen.size,
            recoveredMs: null,
          });
      },
      RESTART_TIMEOUT_MS + 180_000,
    );
});
