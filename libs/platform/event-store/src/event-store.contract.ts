// The behaviour every EventStore adapter must show, written once and run against each
// real database. A service may switch stores only because both pass this suite.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMetadata } from '@wcc/domain-kit';
import { ConcurrencyConflictError, START, type EventStore, type GlobalCursor, type NewEvent, type RecordedEvent } from './event-store';
import type { UpcastingOptions } from './upcasting';

/** Makes a store on the adapter's test database; called once per suite and once per upcasting case. */
export type EventStoreFactory = (options?: UpcastingOptions) => Promise<EventStore>;

export function eventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`${name} satisfies the EventStore contract`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await factory();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('round-trips events with all their metadata, in stream order', async () => {
      const stream = uniqueStream('referral');
      const before = Date.now();
      const first = newEvent('ReferralReceived', { referralId: 'r-1', note: 'schuldhulp' }, { trace: { traceparent: TRACEPARENT, tracestate: 'wcc=1' } });
      const second = newEvent('ReferralAccepted', { referralId: 'r-1' }, { causationId: randomUUID() });

      expect(await store.append(stream, [first, second], 'no-stream')).toEqual({ nextExpectedVersion: 2, appended: 2 });
      const third = newEvent('ReferralClosed', { reason: 'regie overgedragen' });
      expect(await store.append(stream, [third], 2)).toEqual({ nextExpectedVersion: 3, appended: 1 });

      const read = await store.readStream(stream);
      expect(read.map(({ globalPosition: _g, recordedAt: _r, ...rest }) => rest)).toEqual([
        { ...first, streamId: stream, streamVersion: 1 },
        { ...second, streamId: stream, streamVersion: 2 },
        { ...third, streamId: stream, streamVersion: 3 },
      ]);
      for (const event of read) {
        expect(typeof event.globalPosition.transactionId).toBe('bigint');
        expect(typeof event.globalPosition.position).toBe('bigint');
        expect(event.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        // Clocks of the database and the test may differ a little.
        expect(Math.abs(Date.parse(event.recordedAt) - before)).toBeLessThan(60_000);
      }
      expect(isStrictlyIncreasing(read.map((e) => e.globalPosition))).toBe(true);
      expect(await store.readStream(uniqueStream('never-written'))).toEqual([]);
    });

    it('refuses an append whose expected version is behind, and says what it found', async () => {
      const stream = uniqueStream('placement');
      await store.append(stream, [newEvent('PlacementProposed', {}), newEvent('PlacementAgreed', {})], 'no-stream');

      const stale = await conflictOf(store.append(stream, [newEvent('PlacementStarted', {})], 1));
      expect(stale).toMatchObject({ streamId: stream, expected: 1, actual: 2 });

      const exists = await conflictOf(store.append(stream, [newEvent('PlacementStarted', {})], 'no-stream'));
      expect(exists).toMatchObject({ streamId: stream, expected: 'no-stream', actual: 2 });

      const ahead = await conflictOf(store.append(stream, [newEvent('PlacementStarted', {})], 5));
      expect(ahead).toMatchObject({ streamId: stream, expected: 5, actual: 2 });

      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['PlacementProposed', 'PlacementAgreed']);
    });

    it('refuses a version on a stream that does not exist, reporting version 0', async () => {
      const stream = uniqueStream('screening');
      const conflict = await conflictOf(store.append(stream, [newEvent('ScreeningRequested', {})], 3));
      expect(conflict).toMatchObject({ streamId: stream, expected: 3, actual: 0 });
      expect(await store.readStream(stream)).toEqual([]);
    });

    it("appends without a check when told 'any'", async () => {
      const stream = uniqueStream('caseload');
      expect(await store.append(stream, [newEvent('CaseAssigned', { to: 'a' })], 'any')).toEqual({ nextExpectedVersion: 1, appended: 1 });
      expect(await store.append(stream, [newEvent('CaseAssigned', { to: 'b' }), newEvent('CaseAssigned', { to: 'c' })], 'any')).toEqual({
        nextExpectedVersion: 3,
        appended: 2,
      });
      expect((await store.readStream(stream)).map((e) => [e.streamVersion, e.data])).toEqual([
        [1, { to: 'a' }],
        [2, { to: 'b' }],
        [3, { to: 'c' }],
      ]);
    });

    it('stores nothing twice when the same event ids are appended again', async () => {
      const stream = uniqueStream('advice');
      const a = newEvent('AdviceRequested', { n: 1 });
      const b = newEvent('AdviceGiven', { n: 2 });
      expect(await store.append(stream, [a, b], 'no-stream')).toEqual({ nextExpectedVersion: 2, appended: 2 });

      // A retried command: same ids, same (now stale) expectation. It already succeeded.
      expect(await store.append(stream, [a, b], 'no-stream')).toEqual({ nextExpectedVersion: 2, appended: 0 });

      const c = newEvent('AdviceAcknowledged', { n: 3 });
      expect(await store.append(stream, [c], 2)).toEqual({ nextExpectedVersion: 3, appended: 1 });
      // Retried after the stream moved on: still the same success, not a conflict.
      expect(await store.append(stream, [a, b], 0)).toEqual({ nextExpectedVersion: 3, appended: 0 });
      expect(await store.append(stream, [c], 'any')).toEqual({ nextExpectedVersion: 3, appended: 0 });
      expect(await store.append(stream, [c], 2)).toEqual({ nextExpectedVersion: 3, appended: 0 });

      // Partly stored: the stored one is skipped, the new one appended under the version check.
      const d = newEvent('AdviceArchived', { n: 4 });
      expect(await store.append(stream, [c, d], 3)).toEqual({ nextExpectedVersion: 4, appended: 1 });
      // Already stored and the expectation happens to be current: still nothing new.
      expect(await store.append(stream, [d], 4)).toEqual({ nextExpectedVersion: 4, appended: 0 });
      expect(await store.append(stream, [c, d], 4)).toEqual({ nextExpectedVersion: 4, appended: 0 });
      const conflict = await conflictOf(store.append(stream, [d, newEvent('AdviceReopened', {})], 3));
      expect(conflict).toMatchObject({ expected: 3, actual: 4 });

      expect((await store.readStream(stream)).map((e) => e.id)).toEqual([a.id, b.id, c.id, d.id]);
    });

    it('reads the global log in commit order, in batches, continuing from the cursor', async () => {
      const head = await readToEnd(store, START);
      const s1 = uniqueStream('signal');
      const s2 = uniqueStream('signal');
      const written = [newEvent('SignalRaised', { i: 1 }), newEvent('SignalRaised', { i: 2 }), newEvent('SignalRaised', { i: 3 })];
      const other = [newEvent('SignalRaised', { i: 4 }), newEvent('SignalRaised', { i: 5 })];
      const last = newEvent('SignalCleared', { i: 6 });
      await store.append(s1, written, 'no-stream');
      await store.append(s2, other, 'no-stream');
      await store.append(s1, [last], 3);
      await visibleInLog(store, head.next, (e) => e.streamId === s1 || e.streamId === s2, 6);

      // Other suites' events may land after `head` too: `head` stops before any transaction still
      // open on the server (the visibility rule), and with two test files at once another file's
      // open transaction can hold it back. So the loop reads everything after `head`, and the
      // order is checked on this test's own streams.
      const batches: RecordedEvent[][] = [];
      let cursor = head.next;
      for (;;) {
        // A cursor that does not move would loop for ever; no run writes this many events.
        expect(batches.length).toBeLessThan(1000);
        const { events, next } = await store.readAll(cursor, 2);
        if (events.length === 0) {
          expect(next).toEqual(cursor);
          break;
        }
        expect(next).toEqual(events.at(-1)?.globalPosition);
        batches.push(events);
        cursor = next;
      }
      // Full batches of two until the log is exhausted.
      expect(batches.slice(0, -1).every((b) => b.length === 2)).toBe(true);
      expect(batches.at(-1)?.length).toBeLessThanOrEqual(2);
      const everything = batches.flat();
      expect(isStrictlyIncreasing(everything.map((e) => e.globalPosition))).toBe(true);
      const read = everything.filter((e) => e.streamId === s1 || e.streamId === s2);
      expect(read.map((e) => [e.streamId, e.streamVersion, e.id])).toEqual([
        [s1, 1, written[0]?.id],
        [s1, 2, written[1]?.id],
        [s1, 3, written[2]?.id],
        [s2, 1, other[0]?.id],
        [s2, 2, other[1]?.id],
        [s1, 4, last.id],
      ]);
      expect(isStrictlyIncreasing(read.map((e) => e.globalPosition))).toBe(true);
      // The log and the streams agree on where each event is.
      const fromStreams = [...(await store.readStream(s1)), ...(await store.readStream(s2))];
      for (const event of read) expect(fromStreams.find((e) => e.id === event.id)).toEqual(event);
      // Reading from the start reaches the same events.
      const fromStart = await readToEnd(store, START);
      expect(fromStart.events.filter((e) => e.streamId === s1 || e.streamId === s2)).toEqual(read);
    });

    it('upcasts events stored in an older shape when read, step by step', async () => {
      const stream = uniqueStream('intake');
      const old = newEvent('IntakeHeld', { rung: 2 }, {}, 1);
      const twoSteps = newEvent('IntakeHeld', { rung: 4 }, {}, 1);
      const current = newEvent('IntakeHeld', { ladder: { rung: 5, label: 'betaald werk met ondersteuning' } }, {}, 3);
      await store.append(stream, [old, twoSteps, current], 'no-stream');

      // What was stored is left as it was.
      expect((await store.readStream(stream)).map((e) => [e.schemaVersion, e.data])).toEqual([
        [1, { rung: 2 }],
        [1, { rung: 4 }],
        [3, current.data],
      ]);

      const labels: Record<number, string> = { 2: 'sociale activering', 4: 'onbetaald werk' };
      const upcasters = {
        IntakeHeld: {
          1: (data: unknown) => ({ ladder: { rung: (data as { rung: number }).rung } }),
          2: (data: unknown) => {
            const { ladder } = data as { ladder: { rung: number } };
            return { ladder: { ...ladder, label: labels[ladder.rung] ?? 'onbekend' } };
          },
        },
      };
      const reader = await factory({ upcasters, currentSchemaVersions: { IntakeHeld: 3 } });
      try {
        const upcast = await reader.readStream(stream);
        expect(upcast.map((e) => [e.id, e.schemaVersion, e.data])).toEqual([
          [old.id, 3, { ladder: { rung: 2, label: 'sociale activering' } }],
          [twoSteps.id, 3, { ladder: { rung: 4, label: 'onbetaald werk' } }],
          [current.id, 3, current.data],
        ]);
        const fromLog = await visibleInLog(reader, START, (e) => e.streamId === stream, 3);
        expect(fromLog).toEqual(upcast);
      } finally {
        await reader.close();
      }

      // Without a declared current version the chain is followed as far as it reaches.
      const partial = await factory({ upcasters: { IntakeHeld: { 1: upcasters.IntakeHeld[1] } } });
      try {
        expect((await partial.readStream(stream)).map((e) => [e.schemaVersion, e.data])).toEqual([
          [2, { ladder: { rung: 2 } }],
          [2, { ladder: { rung: 4 } }],
          [3, current.data],
        ]);
      } finally {
        await partial.close();
      }
    });
  });
}

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function uniqueStream(type: string): string {
  return `${type}-${randomUUID()}`;
}

function newEvent(type: string, data: unknown, metadata: Partial<EventMetadata> = {}, schemaVersion = 1): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion,
    data,
    metadata: {
      occurredAt: '2025-03-14T09:26:53.589Z',
      correlationId: randomUUID(),
      causationId: null,
      actor: { userId: 'consulent-17', organisationId: 'gemeente-utrecht', organisationType: 'municipality' },
      ...metadata,
    },
  };
}

async function conflictOf(attempt: Promise<unknown>): Promise<ConcurrencyConflictError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConcurrencyConflictError);
  return error as ConcurrencyConflictError;
}

async function readToEnd(store: EventStore, from: GlobalCursor): Promise<{ events: RecordedEvent[]; next: GlobalCursor }> {
  const events: RecordedEvent[] = [];
  let next = from;
  for (let reads = 0; ; reads += 1) {
    if (reads > 1000) throw new Error('readAll never reached the end of the log: is the cursor moving?');
    const batch = await store.readAll(next, 500);
    if (batch.events.length === 0) return { events, next };
    events.push(...batch.events);
    next = batch.next;
  }
}

/**
 * The log's events that `wanted` picks, once there are `count` of them. Right after an
 * append the log may not show it yet: an open transaction anywhere on the server (another
 * test file's) holds newer rows back until it ends, by design (the xid8 rule), so a read
 * that follows an append waits for it rather than asserting on the first read.
 */
async function visibleInLog(store: EventStore, from: GlobalCursor, wanted: (event: RecordedEvent) => boolean, count: number, timeoutMs = 30_000): Promise<RecordedEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = (await readToEnd(store, from)).events.filter(wanted);
    if (events.length >= count || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isStrictlyIncreasing(positions: readonly GlobalCursor[]): boolean {
  return positions.every((p, i) => {
    const prev = positions[i - 1];
    return prev === undefined || p.transactionId > prev.transactionId || (p.transactionId === prev.transactionId && p.position > prev.position);
  });
}
