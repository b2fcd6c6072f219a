// Two instances of a service, one store: exactly one outbox relay publishes at a time (the
// holder of the store's advisory lock), the other takes over when the leader's session
// ends, and nothing is lost or reordered. Real PostgreSQL, real broker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kafka } from 'kafkajs';
import { municipalityCaseEventsTopic } from '@wcc/contracts';
import { PostgresEventStore } from '@wcc/event-store';
import { createTopics, testKafka, testNamespace, useTestDatabase } from '@wcc/testing';
import { OutboxRelay } from './outbox-relay';
import { TEST_SOURCE, caseIds, deleteTopics, eventually, municipalityMapping, readWire, referralRegistered } from './test-fixtures';

describe('OutboxRelay with two instances', () => {
  const db = useTestDatabase();
  const ns = testNamespace();
  let kafka: Kafka;
  let store: PostgresEventStore;
  const relays: OutboxRelay[] = [];
  const topic = () => ns.topic(`l-${municipalityCaseEventsTopic}`);

  beforeAll(async () => {
    kafka = testKafka('relay-leadership-test');
    store = new PostgresEventStore(db.pool, { schema: 'store_l' });
    await store.migrate();
    await createTopics(kafka, [topic()]);
  });

  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await deleteTopics(kafka, [topic()]);
  });

  async function instance(): Promise<OutboxRelay> {
    const r = new OutboxRelay({
      name: 'relay-l',
      store,
      pool: db.pool,
      kafka,
      source: TEST_SOURCE,
      map: municipalityMapping,
      topicName: (t) => (t === municipalityCaseEventsTopic ? topic() : t),
      idleDelayMs: 10,
      standbyRetryMs: 100,
      backoff: { initialMs: 20, maxMs: 200 },
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    relays.push(r);
    await r.migrate();
    return r;
  }

  /** Appends one referral per case, round after round, and returns how many. */
  async function appendRounds(cases: readonly string[], from: number, to: number): Promise<number> {
    for (let round = from; round <= to; round++) {
      for (const caseId of cases) await store.append(`referral-${caseId}`, [referralRegistered(caseId, round)], 'any');
    }
    return cases.length * (to - from + 1);
  }

  it('publishes from one leader only, leads again when its session ends, hands over when it stops, and loses and reorders nothing', async () => {
    const [a, b] = [await instance(), await instance()];
    await a.start();
    await b.start();
    const oneLeader = () =>
      [a, b]
        .map((r) => r.status().role)
        .sort()
        .join() === 'leader,standby';
    await eventually(oneLeader, 10_000, () => 'one leader and one standby');
    const first = a.status().role === 'leader' ? a : b;
    const other = first === a ? b : a;

    const cases = caseIds(4);
    const wire = await readWire(kafka, [topic()], ns.group('l-reader'));
    const round1 = await appendRounds(cases, 1, 4);
    await wire.until((all) => all.length >= round1);
    await eventually(() => first.status().caughtUp);
    expect(other.status()).toMatchObject({ role: 'standby', published: 0 });

    // The leader's session ends (Postgres restarted, the connection cut): the lock is free,
    // the old leader stands down at its next round, and whichever instance takes the lock
    // first leads from the stored checkpoint.
    const { rows } = await db.pool.query<{ ended: boolean }>(
      `select pg_terminate_backend(l.pid) as ended from pg_locks l
        where l.locktype = 'advisory' and l.granted and l.database = (select oid from pg_database where datname = current_database())
          and l.classid = (hashtext('wcc.outbox-relay')::bigint & 4294967295)::oid and l.objid = (hashtext('public.relay-l')::bigint & 4294967295)::oid`,
    );
    expect(rows).toEqual([{ ended: true }]);
    const cutAt = Date.now();
    const round2 = await appendRounds(cases, 5, 7);
    await wire.until((all) => new Set(all.map((m) => m.headers['ce_id'])).size >= round1 + round2);
    const reLeadMs = Date.now() - cutAt;
    await eventually(oneLeader, 10_000, () => 'one leader again after the cut');

    // The leader stops (a rolling deploy, or its process ends): the standby takes over.
    const second = a.status().role === 'leader' ? a : b;
    const successor = second === a ? b : a;
    await second.stop();
    const stoppedAt = Date.now();
    const total = round1 + round2 + (await appendRounds(cases, 8, 10));
    await eventually(
      () => successor.status().role === 'leader',
      10_000,
      () => 'the standby to take over',
    );
    const takeoverMs = Date.now() - stoppedAt;
    const all = await wire.until((messages) => new Set(messages.map((m) => m.headers['ce_id'])).size >= total);
    await eventually(() => successor.status().caughtUp);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await wire.stop();

    const ids = all.map((m) => m.headers['ce_id']);
    const distinct = new Set(ids);
    expect(distinct.size).toBe(total);
    for (const caseId of cases) {
      const seen: string[] = [];
      for (const m of all.filter((message) => message.key === caseId)) if (!seen.includes(m.headers['ce_id']!)) seen.push(m.headers['ce_id']!);
      const reasons = seen.map((id) => (JSON.parse(all.find((m) => m.headers['ce_id'] === id)!.value ?? '') as { reason: string }).reason);
      expect(reasons).toEqual(Array.from({ length: 10 }, (_, i) => `Referral ${i + 1} of this case.`));
    }
    console.log(
      `[relay leadership] ${total} events, ${ids.length - distinct.size} re-published (absorbed by the inboxes); ` +
        `leading again ${reLeadMs} ms after the session was cut; take-over ${takeoverMs} ms after the leader stopped`,
    );
  });

  it('answers whenPublished on a standby instance from the leader’s stored checkpoint', async () => {
    const leader = relays.find((r) => r.status().state === 'running' && r.status().role === 'leader')!;
    const standby = await instance();
    await standby.start();
    expect(standby.status().role).toBe('standby');
    const [caseId] = caseIds(1) as [string];
    await store.append(`referral-${caseId}`, [referralRegistered(caseId, 1)], 'no-stream');
    const eventIds = (await store.readStream(`referral-${caseId}`)).map((e) => e.id);
    expect(await standby.whenPublished({ streamId: `referral-${caseId}`, eventIds }, 10_000)).toBe(true);
    expect(leader.status().role).toBe('leader');
  });
});
