// Where the outbox relay remembers how far it has published. Stored in the same
// PostgreSQL as the events, written only after Kafka acknowledged, and never moved
// backwards, so a late write from a stale relay cannot cause a second replay.
import type pg from 'pg';
import { migrateSchema, START, type GlobalCursor } from '@wcc/event-store';

const identifier = /^[a-z_][a-z0-9_]*$/;

/** Refuses anything but a plain lower-case identifier, since it is spliced into SQL. */
export function sqlSchemaName(schema: string): string {
  if (!identifier.test(schema)) throw new Error(`Schema name "${schema}" must be a lower-case SQL identifier`);
  return schema;
}

export class RelayCheckpoints {
  private readonly schema: string;
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    schema = 'public',
  ) {
    this.schema = sqlSchemaName(schema);
    this.table = `${this.schema}.relay_checkpoints`;
  }

  async migrate(): Promise<void> {
    await migrateSchema(this.pool, `relay-checkpoints:${this.schema}`, [
      {
        id: 1,
        name: 'relay checkpoints',
        sql: `create schema if not exists ${this.schema};
          create table if not exists ${this.table} (
            relay_name text primary key,
            transaction_id bigint not null,
            position bigint not null,
            updated_at timestamptz not null default now()
          )`,
      },
    ]);
  }

  async load(relayName: string): Promise<GlobalCursor> {
    const { rows } = await this.pool.query<{ transaction_id: string; position: string }>(`select transaction_id, position from ${this.table} where relay_name = $1`, [relayName]);
    const row = rows[0];
    return row ? { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) } : START;
  }

  async save(relayName: string, cursor: GlobalCursor): Promise<void> {
    await this.pool.query(
      `insert into ${this.table} as c (relay_name, transaction_id, position, updated_at)
       values ($1, $2, $3, now())
       on conflict (relay_name) do update
         set transaction_id = excluded.transaction_id, position = excluded.position, updated_at = excluded.updated_at
         where (c.transaction_id, c.position) < (excluded.transaction_id, excluded.position)`,
      [relayName, cursor.transactionId.toString(), cursor.position.toString()],
    );
  }
}
