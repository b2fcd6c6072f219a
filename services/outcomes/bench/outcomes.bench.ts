// npm run bench:outcomes [-- --events 1000000 --batch 500 --workers 2 --sample 50000]
// Projects a synthetic cohort's trajectory facts into the outcomes tables on the real
// Postgres (scratch databases, dropped afterwards) through the service's own store: the
// consumer's path (apply() per fact, as the Kafka consumer calls it inside its inbox
// transaction) on a sample, and the replay path (applyMany() per batch) on all facts,
// checked to fold the sample identically; `--workers` connections with the cases split
// between them, `--batch` facts per transaction. Then builds every table over the result. Kafka is not in
// the loop: this measures the projection, not the broker (bench:relay measures that).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { outcomeTable, parameters002_2016, tableIds, type Trajectory } from '@wcc/outcomes-domain';
import { factReaders } from '../src/integration/fact-readers';
import { migrateSchema } from '@wcc/event-store';
import { OUTCOMES_MIGRATIONS, OutcomesStore, type IncomingFact } from '../src/persistence/outcomes-store';
import { eventsOf, planCohort } from '../src/testing/cohort';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '1000000' }, batch: { type: 'string', default: '500' }, workers: { type: 'string', default: '2' }, sample: { type: 'string', default: '50000' } },
});
const wanted = Number(values.events);
const batch = Number(values.batch);
const workers = Number(values.workers);
const AS_OF = '2025-12-31';

const say = (line: string) => process.stdout.write(`${line}\n`);

function facts(): IncomingFact[] {
  const out: IncomingFact[] = [];
  // About 13 counted facts per client; plan a few more clients than needed and stop at `wanted`.
  const plans = planCohort(Math.ceil(wanted / 12) + 10, 2016);
  for (const plan of plans) {
    for (const e of eventsOf(plan, AS_OF)) {
      const reader = factReaders.get(e.definition.type);
      if (reader?.kind !== 'read') continue;
      out.push({ eventId: e.id, caseId: String(e.data['caseId']), clientKey: String(e.data['clientKey']), occurredAt: String(e.data['occurredAt']), fact: reader.read(e.data) });
      if (out.length === wanted) return out;
    }
  }
  return out;
}

async function scratchDatabase(admin: pg.Client, adminUrl: string): Promise<{ name: string; pool: pg.Pool }> {
  const name = `wcc_bench_outcomes_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: workers + 1 });
  await migrateSchema(pool, 'outcomes', OUTCOMES_MIGRATIONS);
  return { name, pool };
}

/** Projects `all` with `workers` connections, `batch` facts per transaction, one apply() per fact or one applyMany() per batch. */
async function project(pool: pg.Pool, all: readonly IncomingFact[], mode: 'per-fact' | 'batched'): Promise<{ seconds: number; counts: Record<'applied' | 'refolded' | 'duplicate', number> }> {
  const store = new OutcomesStore(pool);
  const lanes: IncomingFact[][] = Array.from({ length: workers }, () => []);
  for (const f of all) lanes[Number.parseInt(f.caseId.slice(-6), 16) % workers]!.push(f);
  const counts = { applied: 0, refolded: 0, duplicate: 0 };
  const t = Date.now();
  let done = 0;
  let lastReport = Date.now();
  await Promise.all(
    lanes.map(async (lane) => {
      const client = await pool.connect();
      try {
        for (let i = 0; i < lane.length; i += batch) {
          const slice = lane.slice(i, i + batch);
          await client.query('begin');
          if (mode === 'per-fact') for (const f of slice) counts[await store.apply(f, client)]++;
          else {
            const r = await store.applyMany(slice, client);
            counts.applied += r.applied;
            counts.refolded += r.refolded;
            counts.duplicate += r.duplicate;
          }
          await client.query('commit');
          done += slice.length;
          if (Date.now() - lastReport > 15_000) {
            lastReport = Date.now();
            say(`  … ${mode}: ${done} facts, ${(done / ((Date.now() - t) / 1000)).toFixed(0)} facts/s`);
          }
        }
      } finally {
        client.release();
      }
    }),
  );
  return { seconds: (Date.now() - t) / 1000, counts };
}

const statesOf = async (pool: pg.Pool) => (await pool.query<{ state: Trajectory }>('select state from outcome_trajectories order by case_id')).rows.map((r) => r.state);

async function main(): Promise<void> {
  const adminUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const scratch: { name: string; pool: pg.Pool }[] = [];
  try {
    let t = Date.now();
    const all = facts();
    say(`generated ${all.length} contract-valid facts in ${((Date.now() - t) / 1000).toFixed(1)} s (${workers} workers, ${batch} facts per transaction)`);
    const sample = all.slice(0, Math.min(all.length, Number(values.sample)));

    // The consumer's path, one apply() per fact, on a sample; the batched path on the same sample must fold identically.
    const perFactDb = await scratchDatabase(admin, adminUrl);
    scratch.push(perFactDb);
    const perFact = await project(perFactDb.pool, sample, 'per-fact');
    const checkDb = await scratchDatabase(admin, adminUrl);
    scratch.push(checkDb);
    await project(checkDb.pool, sample, 'batched');
    const same = JSON.stringify(await statesOf(perFactDb.pool)) === JSON.stringify(await statesOf(checkDb.pool));
    if (!same) throw new Error('applyMany folded the sample differently from apply(): the batched figure would be meaningless');

    const fullDb = await scratchDatabase(admin, adminUrl);
    scratch.push(fullDb);
    const batched = await project(fullDb.pool, all, 'batched');

    t = Date.now();
    const trajectories = await statesOf(fullDb.pool);
    const loaded = (Date.now() - t) / 1000;
    const tableTimes: [string, number][] = [];
    for (const id of tableIds) {
      const s = Date.now();
      outcomeTable(id, trajectories, { asOf: AS_OF, parameters: parameters002_2016 });
      tableTimes.push([id, (Date.now() - s) / 1000]);
    }

    say('');
    say('| step | facts / rows | seconds | per second |');
    say('|---|---:|---:|---:|');
    say(`| consumer path: apply() per fact (4 statements), ${batch} per transaction | ${sample.length} | ${perFact.seconds.toFixed(1)} | ${(sample.length / perFact.seconds).toFixed(0)} facts/s |`);
    say(
      `| replay path: applyMany() per ${batch} facts (identical fold on the sample: ${same ? 'yes' : 'NO'}) | ${all.length} | ${batched.seconds.toFixed(1)} | ${(all.length / batched.seconds).toFixed(0)} facts/s |`,
    );
    say(`| load the folded trajectories | ${trajectories.length} | ${loaded.toFixed(2)} | ${(trajectories.length / loaded).toFixed(0)} rows/s |`);
    for (const [id, s] of tableTimes) say(`| table ${id} over all trajectories | ${trajectories.length} | ${s.toFixed(2)} | ${(trajectories.length / Math.max(s, 0.001)).toFixed(0)} rows/s |`);
    say('');
    say(`batched: applied in order ${batched.counts.applied}, refolded ${batched.counts.refolded}, duplicates ${batched.counts.duplicate}; node ${process.version}`);
  } finally {
    for (const db of scratch) await db.pool.end();
    for (const db of scratch) await admin.query(`drop database if exists ${db.name} with (force)`);
    await admin.end();
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
