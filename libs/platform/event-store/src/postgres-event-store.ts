// The default EventStore: plain PostgreSQL through `pg` and raw SQL, so an append is
// one statement (one round trip) and readAll can be gap-free without a global lock.
//
// Append rule (idempotency and concurrency together):
//   - events whose id is already stored in the stream are skipped;
//   - if every given id is already stored in the stream, the append succeeds with
//     `appended: 0` whatever `expected` says: a retried command that already went
//     through must not turn into a conflict;
//   - otherwise the stream's version must match `expected` ('any' always matches,
//     'no-stream' and 0 mean "the stream has no events"), else ConcurrencyConflictError;
//   - an id stored in another stream is a caller bug and throws EventIdTakenError.
//
// Global order: rows are stamped with pg_current_xact_id(); readAll returns only rows
// of transactions older than the oldest one still running (the snapshot's xmin), in
// (transaction id, position) order. A transaction that commits late therefore holds
// readers back instead of being skipped.
import pg from 'pg';
import { migrateSchema } from './schema-migrations';
import {
  ConcurrencyConflictError,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type GlobalCursor,
  type NewEvent,
  type ReadAllResult,
  type RecordedEvent,
  type Upcasters,
} from './event-store';
import { upcast } from './upcasting';
import type { EventMetadata } from '@wcc/domain-kit';

export interface PostgresEventStoreOptions {
  /** Schema holding the store's tables; lets several stores share one database. */
  readonly schema?: string;
  readonly upcasters?: Upcasters;
  readonly currentSchemaVersions?: Readonly<Record<string, number>>;
}

/** An event id may live in one stream only; reusing it elsewhere is a bug in the caller. */
export class EventIdTakenError extends Error {
  override readonly name = 'EventIdTakenError';
  constructor(
    readonly eventId: string,
    readonly streamId: string,
    readonly takenBy: string,
  ) {
    super(`Event ${eventId} cannot be appended to ${streamId}: it is already stored in ${takenBy}`);
  }
}

interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: (schema: string) => string;
}

/** Append-only: a migration, once released, is never edited; add the next one instead. */
const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'streams and events',
    sql: (s) => `
      create table ${s}.streams (
        stream_id text primary key,
        version int not null check (version > 0)
      );
      create table ${s}.events (
        global_position bigserial not null,
        transaction_id xid8 not null default pg_current_xact_id(),
        stream_id text not null,
        stream_version int not null,
        event_id uuid not null unique,
        type text not null,
        schema_version int not null,
        data jsonb not null,
        metadata jsonb not null,
        occurred_at timestamptz not null,
        recorded_at timestamptz not null default now(),
        primary key (stream_id, stream_version)
      );
      create index events_commit_order on ${s}.events (transaction_id, global_position);
    `,
  },
];

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// pg's global parsers can be changed by any library in the process (Emmett's dumbo
// turns int8 into bigint, for one), so reads name the parsers they rely on.
const OID = { int8: 20, json: 114, jsonb: 3802, xid8: 5069 } as const;
const readTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    switch (oid) {
      case OID.int8:
      case OID.xid8:
        return (value: string) => BigInt(value);
      case OID.json:
      case OID.jsonb:
        return (value: string): unknown => JSON.parse(value);
      default:
        return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
    }
  }) as pg.CustomTypesConfig['getTypeParser'],
};

interface EventRow {
  global_position: bigint;
  transaction_id: bigint;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

interface AppendRow {
  next_version: number | null;
  appended: number;
  fresh: number;
  seen_version: number | null;
  taken_id: string | null;
  taken_by: string | null;
}

type AppendVariant = 'any' | 'no-stream' | 'version';
/** A single event (the usual command outcome) gets a leaner statement with the same rule. */
type AppendShape = 'one' | 'many';
type AppendStatement = `${AppendShape}-${AppendVariant}`;

export class PostgresEventStore implements EventStore {
  private readonly schema: string;
  private readonly appendSql: ReadonlyMap<AppendStatement, string>;
  private readonly readStreamSql: string;
  private readonly readAllSql: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    const schema = options.schema ?? 'event_store';
    // The name is spliced into SQL text, so only plain identifiers are accepted.
    if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid event store schema name: ${schema}`);
    this.schema = schema;
    const variants: readonly AppendVariant[] = ['any', 'no-stream', 'version'];
    this.appendSql = new Map(
      variants.flatMap((v) => [
        [`one-${v}`, appendOneSql(schema, v)],
        [`many-${v}`, appendManySql(schema, v)],
      ]),
    );
    const columns = 'global_position, transaction_id, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at';
    this.readStreamSql = `select ${columns} from ${schema}.events where stream_id = $1 order by stream_version`;
    this.readAllSql = `
      select ${columns} from ${schema}.events
      where (transaction_id, global_position) > ($1::xid8, $2::bigint)
        and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      order by transaction_id, global_position
      limit $3`;
  }

  /** Creates or upgrades the schema; safe to call from every process at start-up. */
  async migrate(): Promise<void> {
    const s = this.schema;
    await migrateSchema(
      this.pool,
      `event-store:${s}`,
      [{ id: 1, name: 'streams and events', sql: `create schema if not exists ${s}; ${MIGRATIONS[0]!.sql(s)}` }, ...MIGRATIONS.slice(1).map((m) => ({ id: m.id, name: m.name, sql: m.sql(s) }))],
      // Stores made before the shared ledger recorded their migrations in <schema>.migrations.
      { adoptFrom: { table: `${s}.migrations`, query: `select id, name from ${s}.migrations` } },
    );
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    try {
      return await this.appendOn(this.pool, streamId, events, expected);
    } catch (error) {
      if (!isEventIdViolation(error)) throw error;
      // A concurrent append with some of these ids committed after this statement's
      // snapshot was taken. A second try sees them and applies the rule above.
      await this.assertIdsNotTakenElsewhere(streamId, events);
      return this.appendOn(this.pool, streamId, events, expected);
    }
  }

  /**
   * Appends inside a transaction the caller manages (a consumer's inbox transaction, or
   * one to roll back). The caller must have begun it. A failed append rolls back to a
   * savepoint, so the caller's transaction stays usable: it can decide again and retry.
   * If a concurrent append of the same ids wins the race, this throws
   * ConcurrencyConflictError; the retry then finds the ids stored.
   */
  async appendWithin(client: pg.ClientBase, streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    await client.query('savepoint wcc_append');
    try {
      const result = await this.appendOn(client, streamId, events, expected);
      await client.query('release savepoint wcc_append');
      return result;
    } catch (error) {
      await client.query('rollback to savepoint wcc_append').catch(() => undefined);
      if (!isEventIdViolation(error)) throw error;
      await this.assertIdsNotTakenElsewhere(streamId, events);
      throw new ConcurrencyConflictError(streamId, expected, await this.versionOf(this.pool, streamId));
    }
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: `wcc-es-read-stream:${this.schema}`,
      text: this.readStreamSql,
      values: [streamId],
      types: readTypes,
    });
    return rows.map((row) => this.toRecorded(row));
  }

  async readAll(from: GlobalCursor, batchSize: number): Promise<ReadAllResult> {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    const { rows } = await this.pool.query<EventRow>({
      name: `wcc-es-read-all:${this.schema}`,
      text: this.readAllSql,
      values: [from.transactionId.toString(), from.position.toString(), batchSize],
      types: readTypes,
    });
    const events = rows.map((row) => this.toRecorded(row));
    const last = events.at(-1);
    return { events, next: last ? last.globalPosition : from };
  }

  /** The pool belongs to whoever created it; the store holds nothing else to release. */
  async close(): Promise<void> {}

  private async appendOn(queryable: pg.Pool | pg.ClientBase, streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const variant = appendVariant(expected);
    if (events.length === 0) {
      const actual = await this.versionOf(queryable, streamId);
      if (!matches(expected, actual)) throw new ConcurrencyConflictError(streamId, expected, actual);
      return { nextExpectedVersion: actual, appended: 0 };
    }
    const only = events.length === 1 ? events[0] : undefined;
    const statement: AppendStatement = only ? `one-${variant}` : `many-${variant}`;
    const text = this.appendSql.get(statement);
    if (text === undefined) throw new Error(`no append statement for ${statement}`);
    const values: unknown[] = only
      ? [streamId, only.id, only.type, only.schemaVersion, JSON.stringify(only.data), JSON.stringify(only.metadata)]
      : [streamId, events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.schemaVersion), JSON.stringify(events.map((e) => e.data)), JSON.stringify(events.map((e) => e.metadata))];
    if (variant === 'version') values.push(expected);
    const { rows } = await queryable.query<AppendRow>({
      name: `wcc-es-append-${statement}:${this.schema}`,
      text,
      values,
    });
    const row = rows[0];
    if (!row) throw new Error('append statement returned no row');
    if (row.taken_id !== null && row.taken_by !== null) throw new EventIdTakenError(row.taken_id, streamId, row.taken_by);
    if (row.fresh === 0) return { nextExpectedVersion: row.seen_version ?? 0, appended: 0 };
    if (row.next_version === null) {
      // The statement's snapshot may predate the write that beat us; ask again for the
      // version the conflict was really against.
      throw new ConcurrencyConflictError(streamId, expected, await this.versionOf(queryable, streamId));
    }
    return { nextExpectedVersion: row.next_version, appended: row.appended };
  }

  private async versionOf(queryable: pg.Pool | pg.ClientBase, streamId: string): Promise<number> {
    const { rows } = await queryable.query<{ version: number }>(`select version from ${this.schema}.streams where stream_id = $1`, [streamId]);
    return rows[0]?.version ?? 0;
  }

  private async assertIdsNotTakenElsewhere(streamId: string, events: readonly NewEvent[]): Promise<void> {
    const { rows } = await this.pool.query<{ event_id: string; stream_id: string }>(
      `select event_id, stream_id from ${this.schema}.events where event_id = any($1::uuid[]) and stream_id <> $2 limit 1`,
      [events.map((e) => e.id), streamId],
    );
    const taken = rows[0];
    if (taken) throw new EventIdTakenError(taken.event_id, streamId, taken.stream_id);
  }

  private toRecorded(row: EventRow): RecordedEvent {
    const { schemaVersion, data } = upcast(row.type, row.schema_version, row.data, this.options);
    return {
      id: row.event_id,
      type: row.type,
      schemaVersion,
      data,
      metadata: row.metadata,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      globalPosition: { transactionId: row.transaction_id, position: row.global_position },
      recordedAt: row.recorded_at.toISOString(),
    };
  }
}

function appendVariant(expected: ExpectedVersion): AppendVariant {
  if (expected === 'any' || expected === 'no-stream') return expected;
  if (!Number.isInteger(expected) || expected < 0) throw new RangeError(`Expected version must be a non-negative integer, got ${expected}`);
  // A stream with no events has no row in streams: version 0 is "no stream".
  return expected === 0 ? 'no-stream' : 'version';
}

function matches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return actual === 0;
  return expected === actual;
}

function isEventIdViolation(error: unknown): boolean {
  return error instanceof pg.DatabaseError && error.code === '23505' && error.constraint === 'events_event_id_key';
}

/** The batch statement below for one event: no unpacking, numbering or sorting. */
function appendOneSql(s: string, variant: AppendVariant): string {
  const bump = {
    any: `
      insert into ${s}.streams as st (stream_id, version)
      select $1, 1 where not exists (select 1 from known)
      on conflict (stream_id) do update set version = st.version + 1
      returning version`,
    'no-stream': `
      insert into ${s}.streams (stream_id, version)
      select $1, 1 where not exists (select 1 from known)
      on conflict (stream_id) do nothing
      returning version`,
    version: `
      update ${s}.streams set version = version + 1
      where stream_id = $1 and version = $7::int and not exists (select 1 from known)
      returning version`,
  }[variant];
  return `
    with known as materialized (select stream_id from ${s}.events where event_id = $2::uuid),
    bump as (${bump}),
    inserted as (
      insert into ${s}.events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at)
      select $1, b.version, $2::uuid, $3::text, $4::int, $5::jsonb, $6::jsonb, ($6::jsonb->>'occurredAt')::timestamptz
      from bump b
      returning 1
    )
    select
      (select version from bump) as next_version,
      (select count(*)::int from inserted) as appended,
      (select case when exists (select 1 from known) then 0 else 1 end) as fresh,
      (select version from ${s}.streams where stream_id = $1) as seen_version,
      (select $2::uuid::text from known where stream_id <> $1) as taken_id,
      (select stream_id from known where stream_id <> $1) as taken_by`;
}

/**
 * One statement per append: unpack the batch, drop ids the stream already holds (and
 * stop if another stream holds one), bump the stream's version under its row lock
 * (the optimistic check), insert the rest. Under READ COMMITTED the version check is re-evaluated against the newest
 * row after waiting for a concurrent writer, so two appends cannot both pass.
 */
function appendManySql(s: string, variant: AppendVariant): string {
  const bump = {
    any: `
      insert into ${s}.streams as st (stream_id, version)
      select $1, c from fresh_count where c > 0 and clear
      on conflict (stream_id) do update set version = st.version + excluded.version
      returning version`,
    'no-stream': `
      insert into ${s}.streams (stream_id, version)
      select $1, c from fresh_count where c > 0 and clear
      on conflict (stream_id) do nothing
      returning version`,
    version: `
      update ${s}.streams set version = version + (select c from fresh_count)
      where stream_id = $1 and version = $7::int and (select c > 0 and clear from fresh_count)
      returning version`,
  }[variant];
  return `
    with input as (
      select i.event_id, i.type, i.schema_version, i.data, i.metadata, i.ord
      from rows from (
        unnest($2::uuid[]), unnest($3::text[]), unnest($4::int[]),
        jsonb_array_elements($5::jsonb), jsonb_array_elements($6::jsonb)
      ) with ordinality as i(event_id, type, schema_version, data, metadata, ord)
    ),
    -- Looked up by id alone (materialized, so the planner cannot switch to scanning
    -- the whole stream): cheap however long the stream grows.
    known as materialized (
      select e.event_id, e.stream_id from ${s}.events e where e.event_id = any($2::uuid[])
    ),
    taken as (select event_id, stream_id from known where stream_id <> $1 limit 1),
    fresh as (
      select input.*, row_number() over (order by input.ord)::int as n
      from input
      where input.event_id not in (select event_id from known)
    ),
    fresh_count as (select count(*)::int as c, not exists (select 1 from taken) as clear from fresh),
    bump as (${bump}),
    inserted as (
      insert into ${s}.events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at)
      select $1, b.version - fc.c + f.n, f.event_id, f.type, f.schema_version, f.data, f.metadata, (f.metadata->>'occurredAt')::timestamptz
      from fresh f cross join bump b cross join fresh_count fc
      order by f.n
      returning 1
    )
    select
      (select version from bump) as next_version,
      (select count(*)::int from inserted) as appended,
      (select c from fresh_count) as fresh,
      (select version from ${s}.streams where stream_id = $1) as seen_version,
      (select event_id::text from taken) as taken_id,
      (select stream_id from taken) as taken_by`;
}
