// How fast our PostgreSQL event store appends, measured against the alternative we
// would otherwise adopt (Emmett's PostgreSQL store) and against the floor (a plain
// single-row INSERT), under the load shape of the chain: many writers, a few hot cases.
// Run with `npm run bench:store`; it makes its own database and drops it afterwards.
// BENCH_SECONDS sets the measured seconds per scenario (default 12).
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { isExpectedVersionConflictError } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { prng, type EventMetadata } from '@wcc/domain-kit';
import { redactUrl, resolvePostgres } from '@wcc/runtime';
import type { NewEvent } from '../src/event-store';
import { PostgresEventStore } from '../src/postgres-event-store';

const WRITERS = 32;
const STREAMS = 1000;
const ZIPF_S = 1.1;
const BATCH = 100;
const MEASURE_MS = Number(process.env['BENCH_SECONDS'] ?? 12) * 1000;
const WARMUP_MS = 1500;

const TARGETS = { oursOverEmmett: 1.3, batchedOverSingle: 5 } as const;

interface Result {
  readonly scenario: string;
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly note: string;
}

/** One append call: appends `size` events to `stream`, returns how many retries it needed. */
type Append = (stream: string, size: number) => Promise<number>;

/**
 * Zipf is the load the targets are judged on. Uniform over many streams is shown too,
 * because it separates the cost of the append path from the cost of hot-stream contention.
 */
type Spread = 'zipf' | 'uniform';
const UNIFORM_STREAMS = 100_000;

async function main(): Promise<void> {
  const postgres = await resolvePostgres();
  const database = `wcc_bench_${randomBytes(4).toString('hex')}`;
  await withAdmin(postgres.url, (c) => c.query(`create database ${database}`));
  const url = new URL(postgres.url);
  url.pathname = `/${database}`;
  const connectionString = url.toString();
  console.log(`[bench] PostgreSQL (${postgres.source}) ${redactUrl(connectionString)}`);
  console.log(
    `[bench] ${WRITERS} writers, ~1 KB events, ${STREAMS} streams chosen by Zipf(s=${ZIPF_S}), expected version 'any', ${MEASURE_MS / 1000}s per scenario after ${WARMUP_MS / 1000}s warm-up`,
  );
  const results: Result[] = [];
  try {
    results.push(await rawInsert(connectionString));
    results.push(await emmett(connectionString, 1, 'zipf'));
    results.push(await ours(connectionString, 1, 'zipf'));
    results.push(await ours(connectionString, BATCH, 'zipf'));
    results.push(await emmett(connectionString, BATCH, 'zipf'));
    results.push(await emmett(connectionString, 1, 'uniform'));
    results.push(await ours(connectionString, 1, 'uniform'));
    report(results);
  } finally {
    await withAdmin(postgres.url, (c) => c.query(`drop database if exists ${database} with (force)`));
    await postgres.stop();
  }
}

function newPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: WRITERS });
  // pool.end() resolves before its sockets have closed, so the final DROP DATABASE ... WITH
  // (FORCE) can still terminate one; that is expected and must not crash the run.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.error('[bench] idle PostgreSQL client failed:', error.message);
  });
  return pool;
}

async function ours(connectionString: string, size: number, spread: Spread): Promise<Result> {
  const pool = newPool(connectionString);
  try {
    const store = new PostgresEventStore(pool);
    await store.migrate();
    const append: Append = async (stream, n) => {
      await store.append(stream, makeEvents(n), 'any');
      return 0;
    };
    return await measure(`ours: ${size === 1 ? 'single-event appends' : `${size}-event batches`}${label(spread)}`, pool, size, spread, append);
  } finally {
    await pool.end();
  }
}

async function emmett(connectionString: string, size: number, spread: Spread): Promise<Result> {
  const pool = newPool(connectionString);
  const store = getPostgreSQLEventStore(connectionString, { connectionOptions: { pool }, schema: { autoMigration: 'None' } });
  try {
    await store.schema.migrate();
    const append: Append = async (stream, n) => {
      // Without an expected version Emmett reads the stream's position and then checks it,
      // so racing writers on a hot stream get a conflict; a command handler would retry.
      for (let retries = 0; ; retries += 1) {
        try {
          await store.appendToStream(
            stream,
            makeEvents(n).map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: { ...e.metadata } })),
          );
          return retries;
        } catch (error) {
          if (!isExpectedVersionConflictError(error) || retries > 10_000) throw error;
        }
      }
    };
    return await measure(`emmett: ${size === 1 ? 'single-event appends' : `${size}-event batches`}${label(spread)}`, pool, size, spread, append);
  } finally {
    await store.close();
    await pool.end();
  }
}

async function rawInsert(connectionString: string): Promise<Result> {
  const pool = newPool(connectionString);
  try {
    await pool.query('create table raw_events (id bigserial primary key, stream_id text not null, type text not null, data jsonb not null, metadata jsonb not null)');
    const append: Append = async (stream) => {
      const [e] = makeEvents(1);
      if (!e) throw new Error('no event made');
      await pool.query({
        name: 'raw-insert',
        text: 'insert into raw_events (stream_id, type, data, metadata) values ($1, $2, $3, $4)',
        values: [stream, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)],
      });
      return 0;
    };
    return await measure('raw single-row INSERT (floor)', pool, 1, 'zipf', append);
  } finally {
    await pool.end();
  }
}

function label(spread: Spread): string {
  return spread === 'zipf' ? '' : `, uniform over ${UNIFORM_STREAMS / 1000}k streams`;
}

async function measure(scenario: string, pool: pg.Pool, size: number, spread: Spread, append: Append): Promise<Result> {
  // Start every scenario from clean buffers, so none pays for the previous one's writes.
  await pool.query('checkpoint').catch(() => undefined);
  const pickStream = spread === 'zipf' ? zipf(STREAMS, ZIPF_S, 0x5eed) : uniform(UNIFORM_STREAMS, 0x5eed);
  const latencies: number[] = [];
  let events = 0;
  let retries = 0;
  let measuring = false;
  const warmupEnds = performance.now() + WARMUP_MS;
  const ends = warmupEnds + MEASURE_MS;
  const writer = async (): Promise<void> => {
    for (let now = performance.now(); now < ends; now = performance.now()) {
      const started = now;
      const retried = await append(`case-${spread}-${pickStream()}`, size);
      const finished = performance.now();
      if (started >= warmupEnds && finished <= ends) {
        measuring = true;
        latencies.push(finished - started);
        events += size;
        retries += retried;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  if (!measuring) throw new Error(`${scenario}: no append completed inside the measured window`);
  latencies.sort((a, b) => a - b);
  const result: Result = {
    scenario,
    events,
    eventsPerSecond: events / (MEASURE_MS / 1000),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    note: retries > 0 ? `${retries} conflict retries` : '',
  };
  console.log(`[bench] ${scenario}: ${Math.round(result.eventsPerSecond)} events/s`);
  return result;
}

function report(results: readonly Result[]): void {
  const rows = results.map((r) => [r.scenario, String(r.events), r.eventsPerSecond.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2), r.note]);
  const header = ['scenario', 'events', 'events/s', 'p50 ms', 'p99 ms', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
  console.log('');

  const rate = (name: string): number => results.find((r) => r.scenario === name)?.eventsPerSecond ?? Number.NaN;
  const oursSingle = rate('ours: single-event appends');
  const oursBatched = rate(`ours: ${BATCH}-event batches`);
  const emmettSingle = rate('emmett: single-event appends');
  const raw = rate('raw single-row INSERT (floor)');
  const uniformRatio = rate(`ours: single-event appends${label('uniform')}`) / rate(`emmett: single-event appends${label('uniform')}`);
  const verdict = (ratio: number, target: number): string => (ratio >= target ? 'PASS' : 'MISS');
  const a = oursSingle / emmettSingle;
  const b = oursBatched / oursSingle;
  const c = oursSingle / raw;
  console.log(`ours single ÷ emmett single : ${a.toFixed(2)}x (target ≥ ${TARGETS.oursOverEmmett}) ${verdict(a, TARGETS.oursOverEmmett)}`);
  console.log(`ours batched ÷ ours single : ${b.toFixed(2)}x (target ≥ ${TARGETS.batchedOverSingle}) ${verdict(b, TARGETS.batchedOverSingle)}`);
  console.log(`ours single ÷ raw INSERT   : ${c.toFixed(2)}x (no target: the cost of per-stream ordering, version check and idempotency)`);
  console.log(`ours single ÷ emmett single, uniform streams (no contention): ${uniformRatio.toFixed(2)}x (informational)`);
}

// ~1 KB of case data, shaped like a real note on a case.
const NOTE = 'Voortgangsgesprek met deelnemer en werkcoach; afspraken over begeleiding en werkfit traject. '.repeat(9);

function makeEvents(n: number): NewEvent[] {
  const now = new Date().toISOString();
  return Array.from({ length: n }, () => {
    const metadata: EventMetadata = {
      occurredAt: now,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { userId: 'consulent-17', organisationId: 'gemeente-utrecht', organisationType: 'municipality' },
      trace: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
    };
    return {
      id: randomUUID(),
      type: 'CaseNoteAdded',
      schemaVersion: 1,
      data: { caseId: randomUUID(), author: 'consulent-17', rung: 3, note: NOTE, tags: ['werkfit', 'schuldhulp'] },
      metadata,
    };
  });
}

function uniform(n: number, seed: number): () => number {
  const random = prng(seed).next;
  return () => 1 + Math.floor(random() * n);
}

/** Stream picker: a few cases take most of the traffic, as in a real caseload. */
function zipf(n: number, s: number, seed: number): () => number {
  const cdf: number[] = [];
  let total = 0;
  for (let k = 1; k <= n; k += 1) {
    total += 1 / k ** s;
    cdf.push(total);
  }
  const random = prng(seed).next;
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? total) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
