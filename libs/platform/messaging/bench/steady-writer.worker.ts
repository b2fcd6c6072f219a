// The load generator of relay.bench.ts, in its own thread so that issuing 1,000
// appends a second does not compete with the relay for the main event loop. It
// reports each event's commit time (when its append resolved) on the shared clock.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { PostgresEventStore } from '@wcc/event-store';
import { referralRegistered } from '../src/test-fixtures';

export interface SteadyWriterInput {
  readonly databaseUrl: string;
  readonly cases: readonly string[];
  readonly ratePerSecond: number;
  readonly seconds: number;
  readonly tickMs: number;
}

export type SteadyWriterReport =
  { readonly kind: 'committed'; readonly ids: string[]; readonly at: number[] } | { readonly kind: 'done'; readonly appended: number; readonly seconds: number; readonly ticksBehind: number };

const now = () => performance.timeOrigin + performance.now();

async function run(input: SteadyWriterInput): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('steady-writer runs as a worker thread');
  const pool = new pg.Pool({ connectionString: input.databaseUrl, max: 16 });
  pool.on('error', () => undefined);
  const store = new PostgresEventStore(pool);
  const perCase = new Map<string, number>();
  const total = input.ratePerSecond * input.seconds;
  const perTick = (input.ratePerSecond * input.tickMs) / 1000;
  let ids: string[] = [];
  let at: number[] = [];
  const flush = () => {
    if (ids.length === 0) return;
    port.postMessage({ kind: 'committed', ids, at } satisfies SteadyWriterReport);
    ids = [];
    at = [];
  };
  const reporter = setInterval(flush, 100);

  const began = performance.now();
  const inFlight = new Set<Promise<void>>();
  let issued = 0;
  let ticksBehind = 0;
  while (issued < total) {
    const due = Math.min(total, Math.floor(((performance.now() - began) / input.tickMs + 1) * perTick));
    if (due - issued > perTick * 2) ticksBehind += 1;
    while (issued < due) {
      const caseId = input.cases[issued % input.cases.length]!;
      const n = (perCase.get(caseId) ?? 0) + 1;
      perCase.set(caseId, n);
      const event = referralRegistered(caseId, n);
      issued += 1;
      const append: Promise<void> = store.append(`referral-${caseId}`, [event], 'any').then(() => {
        ids.push(event.id);
        at.push(now());
        inFlight.delete(append);
      });
      inFlight.add(append);
    }
    await sleep(input.tickMs);
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - began) / 1000;
  clearInterval(reporter);
  flush();
  port.postMessage({ kind: 'done', appended: issued, seconds, ticksBehind } satisfies SteadyWriterReport);
  await pool.end();
}

run(workerData as SteadyWriterInput).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
