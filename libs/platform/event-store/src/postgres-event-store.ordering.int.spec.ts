// The property projections and the outbox relay stand on: a reader following readAll
// sees every committed event exactly once, in commit order, never a rolled-back one,
// and is not fooled by a transaction that took its positions early but commits late
// (where reading by position alone would skip its events for good).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PoolClient } from 'pg';
import { beforeAll, expect, it } from 'vitest';
import { prng } from '@wcc/domain-kit';
// Tests may stand on the shared test harness; the boundary rule is meant for production imports.
import { useTestDatabase } from '@wcc/testing';
import { START, type GlobalCursor, type NewEvent } from './event-store';
import { PostgresEventStore } from './postgres-event-store';

const db = useTestDatabase();
beforeAll(() => {
  // The harness drops the database WITH (FORCE) right after pool.end(), which resolves
  // before the sockets close; the server's goodbye to them is expected, not a failure.
  db.pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
});

const WRITERS = 16;
const STREAMS = 40;
const ROLLBACK_RATE = 0.05;
const HOLD_MS = 5_000;
const WRITE_FOR_MS = 6_500;

interface Written {
  /** When the append was sent: its transaction id was assigned after this. */
  readonly startedAt: number;
  /** When the commit was acknowledged. */
  readonly committedAt: number;
}

interface Delivered {
  readonly id: string;
  readonly at: GlobalCursor;
  readonly deliveredAt: number;
}

it('a polling reader sees every committed event once, in commit order, despite rollbacks and a late commit', async () => {
  const store = new PostgresEventStore(db.pool, { schema: 'ordering' });
  await store.migrate();
  const committed = new Map<string, Written>();
  const rolledBack = new Set<string>();
  const random = prng(20250602).next;

  // A transaction that takes its positions first and commits last.
  const held = await db.pool.connect();
  const heldEvents = [event('CaseOpened'), event('CaseAssigned'), event('CaseNoteAdded')];
  const heldStartedAt = performance.now();
  await held.query('begin');
  await store.appendWithin(held, 'case-held', heldEvents, 'no-stream');
  const heldXid = BigInt((await held.query<{ xid: string }>('select pg_current_xact_id()::text as xid')).rows[0]?.xid ?? '0');
  let commitRequestedAt = Number.POSITIVE_INFINITY;
  const heldDone = (async () => {
    await sleep(HOLD_MS);
    commitRequestedAt = performance.now();
    await held.query('commit');
    const committedAt = performance.now();
    for (const e of heldEvents) committed.set(e.id, { startedAt: heldStartedAt, committedAt });
    held.release();
  })();

  const stopAt = performance.now() + WRITE_FOR_MS;
  const writer = async (): Promise<void> => {
    while (performance.now() < stopAt) {
      const stream = `case-${Math.floor(random() * STREAMS)}`;
      const events = Array.from({ length: 1 + Math.floor(random() * 3) }, () => event('CaseNoteAdded'));
      const roll = random();
      const startedAt = performance.now();
      if (roll < ROLLBACK_RATE) {
        await inTransaction(async (client) => {
          await store.appendWithin(client, stream, events, 'any');
          return 'rollback';
        });
        for (const e of events) rolledBack.add(e.id);
      } else if (roll < 0.5) {
        await store.append(stream, events, 'any');
        const committedAt = performance.now();
        for (const e of events) committed.set(e.id, { startedAt, committedAt });
      } else {
        await inTransaction(async (client) => {
          await store.appendWithin(client, stream, events, 'any');
          return 'commit';
        });
        const committedAt = performance.now();
        for (const e of events) committed.set(e.id, { startedAt, committedAt });
      }
    }
  };

  const delivered: Delivered[] = [];
  let writing = true;
  const reader = (async () => {
    let cursor = START;
    const deadline = stopAt + 30_000;
    while (writing || delivered.length < committed.size) {
      if (performance.now() > deadline) throw new Error(`reader stalled at ${delivered.length} of ${committed.size} events`);
      const { events, next } = await store.readAll(cursor, 100);
      const deliveredAt = performance.now();
      for (const e of events) delivered.push({ id: e.id, at: e.globalPosition, deliveredAt });
      cursor = next;
      if (events.length === 0) await sleep(10);
    }
    // Caught up: one more read must bring nothing new.
    const after = await store.readAll(cursor, 100);
    expect(after.events).toEqual([]);
  })();

  await Promise.all(Array.from({ length: WRITERS }, writer));
  await heldDone;
  writing = false;
  await reader;

  // The scenario really happened.
  expect(rolledBack.size).toBeGreaterThan(0);
  expect(committed.size).toBeGreaterThan(heldEvents.length + 100);

  // Exactly the committed events, each once.
  const ids = delivered.map((d) => d.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(ids)).toEqual(new Set(committed.keys()));
  expect(ids.filter((id) => rolledBack.has(id))).toEqual([]);

  // In the store's order, which is the order a later reader from the start sees too.
  const { rows } = await db.pool.query<{ event_id: string }>('select event_id from ordering.events order by transaction_id, global_position');
  expect(ids).toEqual(rows.map((r) => r.event_id));
  expect(delivered.every((d, i) => i === 0 || isAfter(d.at, delivered[i - 1]!.at))).toBe(true);

  // The late commit: its events arrive only after it commits...
  const heldIds = new Set(heldEvents.map((e) => e.id));
  const heldDelivered = delivered.filter((d) => heldIds.has(d.id));
  expect(heldDelivered.map((d) => d.id)).toEqual(heldEvents.map((e) => e.id));
  for (const d of heldDelivered) expect(d.deliveredAt).toBeGreaterThan(commitRequestedAt);
  // ...while later transactions committed long before, with higher positions...
  const heldMaxPosition = heldDelivered.reduce((max, d) => (d.at.position > max ? d.at.position : max), 0n);
  const overtakers = delivered.filter((d) => d.at.transactionId > heldXid && d.at.position > heldMaxPosition && committed.get(d.id)!.committedAt < commitRequestedAt);
  expect(overtakers.length).toBeGreaterThan(100);
  // ...and none of those was handed out before the held events, which would have moved the cursor past them.
  const lastHeldIndex = ids.indexOf(heldEvents.at(-1)!.id);
  expect(overtakers.every((d) => ids.indexOf(d.id) > lastHeldIndex)).toBe(true);

  // Commit order: whatever committed before another append started is delivered before it.
  const index = new Map(ids.map((id, i) => [id, i]));
  const byCommit = [...committed.entries()].sort((a, b) => a[1].committedAt - b[1].committedAt);
  const prefixMaxIndex: number[] = [];
  byCommit.forEach(([id], i) => prefixMaxIndex.push(Math.max(prefixMaxIndex[i - 1] ?? -1, index.get(id)!)));
  const violations = [...committed.entries()].filter(([id, w]) => {
    const before = lastIndexBelow(byCommit, w.startedAt);
    return before >= 0 && prefixMaxIndex[before]! > index.get(id)!;
  });
  expect(violations).toEqual([]);
});

async function inTransaction(work: (client: PoolClient) => Promise<'commit' | 'rollback'>): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('begin');
    const outcome = await work(client);
    await client.query(outcome);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Index of the last entry committed strictly before `time`, or -1. */
function lastIndexBelow(byCommit: readonly (readonly [string, Written])[], time: number): number {
  let lo = 0;
  let hi = byCommit.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byCommit[mid]![1].committedAt < time) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function isAfter(a: GlobalCursor, b: GlobalCursor): boolean {
  return a.transactionId > b.transactionId || (a.transactionId === b.transactionId && a.position > b.position);
}

function event(type: string): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data: { note: 'voortgangsgesprek' },
    metadata: {
      occurredAt: '2025-06-02T08:00:00.000Z',
      correlationId: randomUUID(),
      causationId: null,
      actor: { userId: 'u-1', organisationId: 'wijkteam-oost', organisationType: 'municipality' },
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
