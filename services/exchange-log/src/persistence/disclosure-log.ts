// The exchange log's tables. disclosure_records is append-only: a trigger refuses
// every UPDATE, DELETE and TRUNCATE, and appends are serialised by an advisory lock so
// each record's hash can include the one before it. exchange_case_knowledge is the
// working memory the register needs (who referred, which insurer) and may change.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { migrateSchema, type SchemaMigration } from '@wcc/event-store';
import { PG_POOL } from '@wcc/nest-kit';
import { type CaseKnowledge, type DisclosureRecord, type DisclosureRecordFields, ChainVerifier, chainRecords, emptyChain, type VerificationResult } from '@wcc/exchange-log-domain';

/** pg_advisory_xact_lock key of the chain's tail (any bigint; fixed forever). */
const CHAIN_LOCK = 7_513_015_001;

const DDL: readonly SchemaMigration[] = [
  {
    id: 1,
    name: 'disclosure records',
    sql: `
create table if not exists disclosure_records (
  position bigint primary key check (position > 0),
  id uuid not null unique,
  trace_id text not null check (trace_id ~ '^[0-9a-f]{32}$'),
  span_id text not null check (span_id ~ '^[0-9a-f]{16}$'),
  parent_span_id text check (parent_span_id ~ '^[0-9a-f]{16}$'),
  name text not null,
  start_time bigint not null,
  end_time bigint not null check (end_time >= start_time),
  status_code text not null check (status_code in ('UNSET', 'OK', 'ERROR')),
  foreign_operation jsonb,
  resource jsonb not null,
  attributes jsonb not null,
  data_subject_index text not null,
  case_id text,
  disclosure_kind text not null,
  sender_organisation_id text not null,
  recipient_organisation_id text not null,
  recipient_organisation_type text not null,
  processing_activity text not null,
  previous_hash text not null check (previous_hash ~ '^[0-9a-f]{64}$'),
  hash text not null unique check (hash ~ '^[0-9a-f]{64}$')
);
create index if not exists disclosure_records_subject on disclosure_records (data_subject_index, position);
create index if not exists disclosure_records_recipient on disclosure_records (recipient_organisation_id, position);
create index if not exists disclosure_records_sender on disclosure_records (sender_organisation_id, position);
create index if not exists disclosure_records_activity on disclosure_records (processing_activity, position);
create index if not exists disclosure_records_start on disclosure_records (start_time);

create or replace function disclosure_records_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'disclosure_records is append-only: % is refused', tg_op
    using errcode = 'insufficient_privilege', hint = 'Records are evidence; correct a mistake with a new record.';
end
$$;
create or replace trigger disclosure_records_append_only
  before update or delete on disclosure_records for each row execute function disclosure_records_refuse_change();
create or replace trigger disclosure_records_no_truncate
  before truncate on disclosure_records for each statement execute function disclosure_records_refuse_change();
revoke update, delete, truncate on disclosure_records from public;

create table if not exists exchange_case_knowledge (
  case_id text primary key,
  data_subject_index text not null,
  municipality_id text,
  knowledge jsonb not null,
  updated_at timestamptz not null default now()
);
create index if not exists exchange_case_knowledge_subject on exchange_case_knowledge (data_subject_index);
`,
  },
  // An event waits here, learned but not yet recorded, until the exchange log has read the
  // case's partitions of the other producers' topics as far as the broker held them
  // (DisclosureScheduler). The client key is kept only encrypted; the row goes once recorded.
  {
    id: 2,
    name: 'events awaiting their records',
    sql: `
create table if not exists exchange_pending_events (
  seq bigserial primary key,
  event_id text not null unique,
  case_id text not null,
  topic text not null,
  subject_encrypted text not null,
  event jsonb not null,
  received_at timestamptz not null default now()
);
`,
  },
];

export interface PendingEvent {
  readonly seq: number;
  readonly eventId: string;
  readonly caseId: string;
  /** The physical topic it was read from. */
  readonly topic: string;
  readonly subjectEncrypted: string;
  /** The ChainEvent without its client key. */
  readonly event: Record<string, unknown>;
}

const COLUMNS = [
  'position',
  'id',
  'trace_id',
  'span_id',
  'parent_span_id',
  'name',
  'start_time',
  'end_time',
  'status_code',
  'foreign_operation',
  'resource',
  'attributes',
  'data_subject_index',
  'case_id',
  'disclosure_kind',
  'sender_organisation_id',
  'recipient_organisation_id',
  'recipient_organisation_type',
  'processing_activity',
  'previous_hash',
  'hash',
] as const;
const JSON_COLUMNS = new Set<string>(['foreign_operation', 'resource', 'attributes']);
const SELECT = COLUMNS.join(', ');

type Row = Record<(typeof COLUMNS)[number], unknown>;

function recordOf(row: Row): DisclosureRecord {
  return {
    ...(row as unknown as DisclosureRecord),
    position: Number(row.position),
    start_time: Number(row.start_time),
    end_time: Number(row.end_time),
  };
}

export interface DisclosureFilter {
  readonly dataSubjectIndex?: string;
  /** As sender or as recipient. */
  readonly organisationId?: string;
  readonly processingActivity?: string;
  readonly disclosureKind?: string;
  readonly statusCode?: string;
  /** start_time from (inclusive), ms. */
  readonly from?: number;
  /** start_time until (exclusive), ms. */
  readonly to?: number;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

function whereOf(filter: DisclosureFilter, afterPosition: number): { sql: string; values: unknown[] } {
  const clauses = ['position > $1'];
  const values: unknown[] = [afterPosition];
  const add = (clause: (p: string) => string, value: unknown) => {
    values.push(value);
    clauses.push(clause(`$${values.length}`));
  };
  if (filter.dataSubjectIndex !== undefined) add((p) => `data_subject_index = ${p}`, filter.dataSubjectIndex);
  if (filter.organisationId !== undefined) add((p) => `(recipient_organisation_id = ${p} or sender_organisation_id = ${p})`, filter.organisationId);
  if (filter.processingActivity !== undefined) add((p) => `processing_activity = ${p}`, filter.processingActivity);
  if (filter.disclosureKind !== undefined) add((p) => `disclosure_kind = ${p}`, filter.disclosureKind);
  if (filter.statusCode !== undefined) add((p) => `status_code = ${p}`, filter.statusCode);
  if (filter.from !== undefined) add((p) => `start_time >= ${p}`, filter.from);
  if (filter.to !== undefined) add((p) => `start_time < ${p}`, filter.to);
  return { sql: clauses.join(' and '), values };
}

@Injectable()
export class DisclosureLog implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async onModuleInit(): Promise<void> {
    await this.migrate();
  }

  async migrate(): Promise<void> {
    await migrateSchema(this.pool, 'exchange-log', DDL);
  }

  /**
   * Appends records at the chain's tail inside `tx` (the caller's transaction). Records
   * whose id is already stored are skipped, so a retried request appends nothing twice.
   */
  async append(tx: pg.PoolClient, records: readonly DisclosureRecordFields[]): Promise<DisclosureRecord[]> {
    if (records.length === 0) return [];
    await this.lockChain(tx);
    const existing = await tx.query<{ id: string }>('select id from disclosure_records where id = any($1::uuid[])', [records.map((r) => r.id)]);
    const stored = new Set(existing.rows.map((r) => r.id));
    const fresh = records.filter((r, i) => !stored.has(r.id) && records.findIndex((o) => o.id === r.id) === i);
    if (fresh.length === 0) return [];
    const tail = await tx.query<{ position: string; hash: string }>('select position, hash from disclosure_records order by position desc limit 1');
    const head = tail.rows[0] ? { position: Number(tail.rows[0].position), hash: tail.rows[0].hash } : emptyChain;
    const chained = chainRecords(head, fresh);
    const values: unknown[] = [];
    const tuples = chained.map((record) => {
      const placeholders = COLUMNS.map((column) => {
        const value = (record as unknown as Record<string, unknown>)[column];
        values.push(JSON_COLUMNS.has(column) && value !== null ? JSON.stringify(value) : value);
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await tx.query(`insert into disclosure_records (${SELECT}) values ${tuples.join(', ')}`, values);
    return chained;
  }

  /** One page in chain order after `afterPosition`. */
  async page(filter: DisclosureFilter, afterPosition: number, limit: number, db: Queryable = this.pool): Promise<DisclosureRecord[]> {
    const where = whereOf(filter, afterPosition);
    const result = await db.query<Row>(`select ${SELECT} from disclosure_records where ${where.sql} order by position limit ${Math.max(1, Math.floor(limit))}`, where.values);
    return result.rows.map(recordOf);
  }

  /** Every matching record in chain order, fetched in pages. */
  async *stream(filter: DisclosureFilter, pageSize = 500): AsyncGenerator<DisclosureRecord> {
    let after = 0;
    for (;;) {
      const page = await this.page(filter, after, pageSize);
      for (const record of page) yield record;
      if (page.length < pageSize) return;
      after = page[page.length - 1]!.position;
    }
  }

  /** Takes the chain's lock for the rest of `tx`: appends by others wait until it commits. */
  async lockChain(tx: pg.PoolClient): Promise<void> {
    await tx.query('select pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
  }

  async findById(id: string, db: Queryable = this.pool): Promise<DisclosureRecord | undefined> {
    const result = await db.query<Row>(`select ${SELECT} from disclosure_records where id = $1`, [id]);
    return result.rows[0] ? recordOf(result.rows[0]) : undefined;
  }

  async count(): Promise<number> {
    const result = await this.pool.query<{ n: string }>('select count(*) as n from disclosure_records');
    return Number(result.rows[0]?.n ?? 0);
  }

  /** Recomputes the whole chain in position order; names the first broken link. */
  async verify(pageSize = 1000): Promise<VerificationResult> {
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const result = await this.pool.query<Row>(`select ${SELECT} from disclosure_records where position > $1 order by position limit $2`, [after, pageSize]);
      for (const row of result.rows) if (verifier.push(recordOf(row))) return verifier.result();
      if (result.rows.length < pageSize) return verifier.result();
      after = Number(result.rows[result.rows.length - 1]!.position);
    }
  }

  /** The case's knowledge, locked for this transaction. */
  async knowledgeForUpdate(tx: pg.PoolClient, caseId: string): Promise<CaseKnowledge | undefined> {
    const result = await tx.query<{ knowledge: CaseKnowledge }>('select knowledge from exchange_case_knowledge where case_id = $1 for update', [caseId]);
    return result.rows[0]?.knowledge;
  }

  async saveKnowledge(tx: pg.PoolClient, knowledge: CaseKnowledge, dataSubjectIndex: string): Promise<void> {
    await tx.query(
      `insert into exchange_case_knowledge (case_id, data_subject_index, municipality_id, knowledge) values ($1, $2, $3, $4)
       on conflict (case_id) do update set municipality_id = excluded.municipality_id, knowledge = excluded.knowledge, updated_at = now()`,
      [knowledge.caseId, dataSubjectIndex, knowledge.municipalityId ?? null, JSON.stringify(knowledge)],
    );
  }

  /** The cases of one data subject and the municipality holding each. */
  async casesOfSubject(dataSubjectIndex: string): Promise<{ caseId: string; municipalityId: string | null }[]> {
    const result = await this.pool.query<{ case_id: string; municipality_id: string | null }>(
      'select case_id, municipality_id from exchange_case_knowledge where data_subject_index = $1 order by case_id',
      [dataSubjectIndex],
    );
    return result.rows.map((r) => ({ caseId: r.case_id, municipalityId: r.municipality_id }));
  }

  async addPending(tx: pg.PoolClient, pending: Omit<PendingEvent, 'seq'>): Promise<void> {
    await tx.query(
      `insert into exchange_pending_events (event_id, case_id, topic, subject_encrypted, event) values ($1, $2, $3, $4, $5)
       on conflict (event_id) do nothing`,
      [pending.eventId, pending.caseId, pending.topic, pending.subjectEncrypted, JSON.stringify(pending.event)],
    );
  }

  /** The oldest events awaiting their records. */
  async pending(limit: number): Promise<PendingEvent[]> {
    const result = await this.pool.query<{ seq: string; event_id: string; case_id: string; topic: string; subject_encrypted: string; event: Record<string, unknown> }>(
      'select seq, event_id, case_id, topic, subject_encrypted, event from exchange_pending_events order by seq limit $1',
      [limit],
    );
    return result.rows.map((r) => ({ seq: Number(r.seq), eventId: r.event_id, caseId: r.case_id, topic: r.topic, subjectEncrypted: r.subject_encrypted, event: r.event }));
  }

  /** Removes a pending event inside `tx`; false when another transaction already took it. */
  async takePending(tx: pg.PoolClient, eventId: string): Promise<boolean> {
    const result = await tx.query('delete from exchange_pending_events where event_id = $1', [eventId]);
    return (result.rowCount ?? 0) > 0;
  }

  async pendingCount(): Promise<number> {
    const result = await this.pool.query<{ n: string }>('select count(*) as n from exchange_pending_events');
    return Number(result.rows[0]?.n ?? 0);
  }

  /** Runs `work` in a transaction of its own. */
  async transaction<T>(work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
