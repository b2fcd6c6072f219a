// The monitor's own tables: every accepted fact once (keyed by the CloudEvent id, so a
// redelivery or a replay from the start changes nothing), and per case the folded
// trajectory. A fact that arrives in order (the usual case: one case's events share a
// partition per topic) is applied to the stored state; one that arrives before facts it
// should follow (another topic overtook it) makes the case be folded again from its facts.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { migrateSchema, type SchemaMigration } from '@wcc/event-store';
import { PG_POOL } from '@wcc/nest-kit';
import { emptyTrajectory, evolveTrajectory, projectRegistryDemo2015, projectResolver, type Trajectory, type TrajectoryFact } from '@wcc/outcomes-domain';

/** Two-key advisory locks of this namespace serialise the folds of one case. */
const CASE_LOCK_NAMESPACE = 7_007;

export const OUTCOMES_MIGRATIONS: readonly SchemaMigration[] = [
  {
    id: 1,
    name: 'facts and trajectories',
    sql: `
create table if not exists outcome_facts (
  event_id text primary key,
  case_id text not null,
  occurred_at timestamptz not null,
  seq bigserial not null,
  fact jsonb not null
);
create index if not exists outcome_facts_case on outcome_facts (case_id, occurred_at, seq);
create table if not exists outcome_trajectories (
  case_id text primary key,
  project text,
  municipality_id text,
  started_on date,
  last_occurred_at timestamptz not null,
  state jsonb not null,
  updated_at timestamptz not null default now()
);
create index if not exists outcome_trajectories_project on outcome_trajectories (project);
`,
  },
];

export interface IncomingFact {
  readonly eventId: string;
  readonly caseId: string;
  readonly clientKey: string;
  readonly occurredAt: string;
  readonly fact: TrajectoryFact;
}

export const projectOf = projectResolver(projectRegistryDemo2015);

@Injectable()
export class OutcomesStore implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async onModuleInit(): Promise<void> {
    await migrateSchema(this.pool, 'outcomes', OUTCOMES_MIGRATIONS);
  }

  /** Applies one fact on the caller's transaction (the consumer's inbox transaction). 'duplicate' when its event was applied before. */
  async apply(incoming: IncomingFact, tx: pg.PoolClient): Promise<'applied' | 'refolded' | 'duplicate'> {
    const inserted = await tx.query('insert into outcome_facts (event_id, case_id, occurred_at, fact) values ($1, $2, $3, $4) on conflict (event_id) do nothing', [
      incoming.eventId,
      incoming.caseId,
      incoming.occurredAt,
      JSON.stringify(incoming.fact),
    ]);
    if (inserted.rowCount === 0) return 'duplicate';
    await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [CASE_LOCK_NAMESPACE, incoming.caseId]);
    const current = await tx.query<{ state: Trajectory; last: Date }>('select state, last_occurred_at as last from outcome_trajectories where case_id = $1', [incoming.caseId]);
    const row = current.rows[0];
    let state: Trajectory;
    let outcome: 'applied' | 'refolded';
    if (!row || new Date(incoming.occurredAt).getTime() >= row.last.getTime()) {
      state = evolveTrajectory(row?.state ?? emptyTrajectory(incoming.caseId, incoming.clientKey), incoming.fact, projectOf);
      outcome = 'applied';
    } else {
      const facts = await tx.query<{ fact: TrajectoryFact }>('select fact from outcome_facts where case_id = $1 order by occurred_at, seq', [incoming.caseId]);
      state = facts.rows.reduce((s, r) => evolveTrajectory(s, r.fact, projectOf), emptyTrajectory(incoming.caseId, incoming.clientKey));
      outcome = 'refolded';
    }
    await tx.query(
      `insert into outcome_trajectories (case_id, project, municipality_id, started_on, last_occurred_at, state)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (case_id) do update set project = excluded.project, municipality_id = excluded.municipality_id, started_on = excluded.started_on,
         last_occurred_at = greatest(outcome_trajectories.last_occurred_at, excluded.last_occurred_at), state = excluded.state, updated_at = now()`,
      [incoming.caseId, state.project, state.municipalityId, state.startedOn, incoming.occurredAt, JSON.stringify(state)],
    );
    return outcome;
  }

  /**
   * The same effect as apply() for each fact in turn, in four statements per batch instead
   * of four per fact: for a replay or a rebuild that reads many facts at once (the bench).
   */
  async applyMany(batch: readonly IncomingFact[], tx: pg.PoolClient): Promise<{ applied: number; refolded: number; duplicate: number }> {
    const inserted = await tx.query<{ event_id: string }>(
      `insert into outcome_facts (event_id, case_id, occurred_at, fact)
       select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::jsonb[]) on conflict (event_id) do nothing returning event_id`,
      [batch.map((f) => f.eventId), batch.map((f) => f.caseId), batch.map((f) => f.occurredAt), batch.map((f) => JSON.stringify(f.fact))],
    );
    const fresh = new Set(inserted.rows.map((r) => r.event_id));
    const byCase = new Map<string, IncomingFact[]>();
    for (const f of batch) if (fresh.has(f.eventId)) byCase.set(f.caseId, [...(byCase.get(f.caseId) ?? []), f]);
    const cases = [...byCase.keys()].sort();
    if (cases.length === 0) return { applied: 0, refolded: 0, duplicate: batch.length };
    await tx.query('select pg_advisory_xact_lock($1, hashtext(c)) from unnest($2::text[]) as c order by c', [CASE_LOCK_NAMESPACE, cases]);
    const current = await tx.query<{ case_id: string; state: Trajectory; last: Date }>('select case_id, state, last_occurred_at as last from outcome_trajectories where case_id = any($1)', [cases]);
    const rows = new Map(current.rows.map((r) => [r.case_id, r]));
    const inOrder = (facts: readonly IncomingFact[], last: Date | undefined) =>
      facts.every((f, i) => (i === 0 ? !last || new Date(f.occurredAt).getTime() >= last.getTime() : new Date(f.occurredAt).getTime() >= new Date(facts[i - 1]!.occurredAt).getTime()));
    const refold = cases.filter((c) => !inOrder(byCase.get(c)!, rows.get(c)?.last));
    const refoldFacts = new Map<string, TrajectoryFact[]>();
    if (refold.length > 0) {
      const all = await tx.query<{ case_id: string; fact: TrajectoryFact }>('select case_id, fact from outcome_facts where case_id = any($1) order by case_id, occurred_at, seq', [refold]);
      for (const r of all.rows) refoldFacts.set(r.case_id, [...(refoldFacts.get(r.case_id) ?? []), r.fact]);
    }
    const states = cases.map((c) => {
      const facts = byCase.get(c)!;
      const start = emptyTrajectory(c, facts[0]!.clientKey);
      const state = refoldFacts.has(c)
        ? refoldFacts.get(c)!.reduce((s, f) => evolveTrajectory(s, f, projectOf), start)
        : facts.reduce((s, f) => evolveTrajectory(s, f.fact, projectOf), rows.get(c)?.state ?? start);
      const last = facts
        .map((f) => f.occurredAt)
        .sort()
        .at(-1)!;
      return { state, last };
    });
    await tx.query(
      `insert into outcome_trajectories (case_id, project, municipality_id, started_on, last_occurred_at, state)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::timestamptz[], $6::jsonb[])
       on conflict (case_id) do update set project = excluded.project, municipality_id = excluded.municipality_id, started_on = excluded.started_on,
         last_occurred_at = greatest(outcome_trajectories.last_occurred_at, excluded.last_occurred_at), state = excluded.state, updated_at = now()`,
      [
        cases,
        states.map((s) => s.state.project),
        states.map((s) => s.state.municipalityId),
        states.map((s) => s.state.startedOn),
        states.map((s) => s.last),
        states.map((s) => JSON.stringify(s.state)),
      ],
    );
    const applied = [...byCase.values()].reduce((n, f) => n + f.length, 0);
    return { applied: applied - refold.reduce((n, c) => n + byCase.get(c)!.length, 0), refolded: refold.reduce((n, c) => n + byCase.get(c)!.length, 0), duplicate: batch.length - applied };
  }

  /** Folds every case again from its facts (after the fold itself changed); one transaction. Returns the number of cases. */
  async refoldAll(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const facts = await client.query<{ case_id: string; fact: TrajectoryFact }>('select case_id, fact from outcome_facts order by case_id, occurred_at, seq');
      const keys = await client.query<{ case_id: string; state: Trajectory }>('select case_id, state from outcome_trajectories');
      const clientKeyOf = new Map(keys.rows.map((r) => [r.case_id, r.state.clientKey]));
      const states = new Map<string, Trajectory>();
      for (const r of facts.rows) {
        const before = states.get(r.case_id) ?? emptyTrajectory(r.case_id, clientKeyOf.get(r.case_id) ?? '');
        states.set(r.case_id, evolveTrajectory(before, r.fact, projectOf));
      }
      for (const [caseId, state] of states) {
        await client.query('update outcome_trajectories set project = $2, municipality_id = $3, started_on = $4, state = $5, updated_at = now() where case_id = $1', [
          caseId,
          state.project,
          state.municipalityId,
          state.startedOn,
          JSON.stringify(state),
        ]);
      }
      await client.query('commit');
      return states.size;
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
  }

  /** Every folded trajectory: a project's answer is cut from the table of all projects, so none is loaded per project. */
  async trajectories(): Promise<Trajectory[]> {
    const result = await this.pool.query<{ state: Trajectory }>('select state from outcome_trajectories order by case_id');
    return result.rows.map((r) => r.state);
  }

  async counts(): Promise<{ facts: number; trajectories: number }> {
    const r = await this.pool.query<{ facts: string; trajectories: string }>('select (select count(*) from outcome_facts) as facts, (select count(*) from outcome_trajectories) as trajectories');
    return { facts: Number(r.rows[0]?.facts ?? 0), trajectories: Number(r.rows[0]?.trajectories ?? 0) };
  }
}
