// The contract suite against a real PostgreSQL database of this file's own, plus what
// only the PostgreSQL adapter promises: its migrations and its caller-managed transactions.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
// Tests may stand on the shared test harness; the boundary rule is meant for production imports.
import { useTestDatabase } from '@wcc/testing';
import { eventStoreContract } from './event-store.contract';
import { ConcurrencyConflictError, type NewEvent } from './event-store';
import { EventIdTakenError, PostgresEventStore } from './postgres-event-store';

const db = useTestDatabase();
beforeAll(() => {
  // The harness drops the database WITH (FORCE) right after pool.end(), which resolves
  // before the sockets close; the server's goodbye to them is expected, not a failure.
  db.pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
});

eventStoreContract('PostgresEventStore', async (options) => {
  const store = new PostgresEventStore(db.pool, { schema: 'contract_store', ...options });
  await store.migrate();
  return store;
});

describe('PostgresEventStore specifics', () => {
  it('migrates once even when several processes start together', async () => {
    const stores = Array.from({ length: 4 }, () => new PostgresEventStore(db.pool, { schema: 'migrated_together' }));
    await Promise.all(stores.map((s) => s.migrate()));
    await stores[0]?.migrate();
    const { rows } = await db.pool.query<{ id: string }>("select id from wcc_migrations.applied where component = 'event-store:migrated_together' order by id");
    expect(rows.map((r) => Number(r.id))).toEqual([1]);
    const tables = await db.pool.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'migrated_together' order by table_name");
    expect(tables.rows.map((r) => r.table_name)).toEqual(['events', 'streams']);
  });

  it('keeps stores in different schemas apart', async () => {
    const left = new PostgresEventStore(db.pool, { schema: 'store_left' });
    const right = new PostgresEventStore(db.pool, { schema: 'store_right' });
    await left.migrate();
    await right.migrate();
    await left.append('case-1', [event('CaseOpened')], 'no-stream');
    expect(await right.readStream('case-1')).toEqual([]);
    expect(() => new PostgresEventStore(db.pool, { schema: 'bad; drop table x' })).toThrow(/Invalid event store schema name/);
  });

  it('appends inside a transaction the caller commits or rolls back', async () => {
    const store = new PostgresEventStore(db.pool, { schema: 'within_store' });
    await store.migrate();
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      expect(await store.appendWithin(client, 'case-rolled-back', [event('CaseOpened')], 'no-stream')).toEqual({ nextExpectedVersion: 1, appended: 1 });
      await client.query('rollback');
      expect(await store.readStream('case-rolled-back')).toEqual([]);

      await client.query('begin');
      await store.appendWithin(client, 'case-committed', [event('CaseOpened'), event('CaseAssigned')], 'no-stream');
      expect(await store.readStream('case-committed')).toEqual([]);
      await client.query('commit');
      expect((await store.readStream('case-committed')).map((e) => e.type)).toEqual(['CaseOpened', 'CaseAssigned']);
    } finally {
      client.release();
    }
  });

  it('settles a retry that races its still-uncommitted original: idempotent outside a transaction, a conflict inside one', async () => {
    const store = new PostgresEventStore(db.pool, { schema: 'race_store' });
    await store.migrate();
    const same = [event('CaseOpened')];
    const original = await db.pool.connect();
    const retryInTransaction = await db.pool.connect();
    try {
      await original.query('begin');
      await store.appendWithin(original, 'case-race', same, 'any');

      // Both retries take their snapshot before the original commits, so neither sees its id.
      const retry = store.append('case-race', same, 'any');
      await retryInTransaction.query('begin');
      const retryWithin = store.appendWithin(retryInTransaction, 'case-race', same, 'any').then(
        (result) => result,
        (e: unknown) => e,
      );
      await waitUntilBlocked(2);
      await original.query('commit');

      expect(await retry).toEqual({ nextExpectedVersion: 1, appended: 0 });
      const lost = await retryWithin;
      await retryInTransaction.query('rollback');
      expect(lost).toBeInstanceOf(ConcurrencyConflictError);
      expect(lost).toMatchObject({ streamId: 'case-race', expected: 'any', actual: 1 });
      expect((await store.readStream('case-race')).map((e) => e.id)).toEqual([same[0]?.id]);
    } finally {
      // A failed assertion must not hand an open transaction back to the pool.
      original.release(true);
      retryInTransaction.release(true);
    }
  });

  it('refuses an event id that another stream already holds', async () => {
    const store = new PostgresEventStore(db.pool, { schema: 'taken_store' });
    await store.migrate();
    const shared = event('CaseOpened');
    await store.append('case-a', [shared], 'no-stream');
    const error = await store.append('case-b', [shared], 'any').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EventIdTakenError);
    expect(error).toMatchObject({ eventId: shared.id, streamId: 'case-b', takenBy: 'case-a' });
    expect(await store.readStream('case-b')).toEqual([]);

    // In a batch too: one taken id stops the whole append.
    const batch = await store.append('case-b', [event('CaseAssigned'), shared], 'no-stream').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(batch).toMatchObject({ name: 'EventIdTakenError', eventId: shared.id, takenBy: 'case-a' });
    expect(await store.readStream('case-b')).toEqual([]);
  });

  it('serialises concurrent appends to one stream: every version once, no event lost', async () => {
    const store = new PostgresEventStore(db.pool, { schema: 'hot_store' });
    await store.migrate();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => store.append('case-hot', [event('NoteAdded', { i })], 'any')));
    expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const read = await store.readStream('case-hot');
    expect(read.map((e) => e.streamVersion)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(read.map((e) => (e.data as { i: number }).i)).size).toBe(40);

    // With an expected version, exactly one of the racers wins.
    const racers = await Promise.allSettled(Array.from({ length: 8 }, () => store.append('case-hot', [event('NoteAdded')], 40)));
    expect(racers.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const losers = racers.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
    expect(losers).toHaveLength(7);
    for (const loser of losers) expect(loser).toMatchObject({ name: 'ConcurrencyConflictError', expected: 40, actual: 41 });
  });
});

async function waitUntilBlocked(count: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { rows } = await db.pool.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    if ((rows[0]?.n ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`expected ${count} appends to wait on a lock`);
}

function event(type: string, data: unknown = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      occurredAt: '2025-06-02T08:00:00.000Z',
      correlationId: randomUUID(),
      causationId: null,
      actor: { userId: 'u-1', organisationId: 'gemeente-zwolle', organisationType: 'municipality' },
    },
  };
}
