// The one way every table of every service and library comes to exist and changes:
// numbered migrations per component, recorded in wcc_migrations.applied, run in one
// transaction under one advisory lock, so processes that start together do not race
// and a process never half-applies a change. A migration, once released, never
// changes: the ledger keeps its name and a different name under the same number is
// refused. `create table if not exists` appears only in a component's first migration,
// to adopt tables made before the ledger existed; every later change is a new number.
import type pg from 'pg';

export interface SchemaMigration {
  /** Increasing per component; never reused. */
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

export interface MigrateOptions {
  /**
   * A ledger this component kept before (its own migrations table): when the shared
   * ledger has nothing for the component yet and this table exists, its rows (id, name)
   * are taken as applied.
   */
  readonly adoptFrom?: { readonly table: string; readonly query: string };
}

/** Arbitrary first key of the two-key advisory lock, so other lock users cannot collide with us. */
const MIGRATION_LOCK_CLASS = 0x57_43_43_45; // 'WCCE'

function checked(component: string, migrations: readonly SchemaMigration[]): void {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.id <= migrations[i - 1]!.id) throw new Error(`${component}: migration ids must increase (${migrations[i - 1]!.id} then ${migrations[i]!.id})`);
  }
}

/** Applies the component's pending migrations; safe to call from every process at start-up. */
export async function migrateSchema(pool: pg.Pool, component: string, migrations: readonly SchemaMigration[], options: MigrateOptions = {}): Promise<void> {
  checked(component, migrations);
  const client = await pool.connect();
  try {
    await client.query('begin');
    // One lock per database: start-up only, and it also serialises creating the ledger.
    await client.query('select pg_advisory_xact_lock($1, 0)', [MIGRATION_LOCK_CLASS]);
    await client.query(`create schema if not exists wcc_migrations`);
    await client.query(`create table if not exists wcc_migrations.applied (
      component text not null, id bigint not null, name text not null, applied_at timestamptz not null default now(),
      primary key (component, id))`);
    let applied = await recorded(client, component);
    if (applied.size === 0 && options.adoptFrom) applied = await adopt(client, component, options.adoptFrom);
    for (const migration of migrations) {
      const name = applied.get(migration.id);
      if (name !== undefined && name !== migration.name) {
        throw new Error(`${component}: migration ${migration.id} was applied as "${name}" but is now "${migration.name}"; a released migration never changes, add a new one`);
      }
      if (name !== undefined) continue;
      await client.query(migration.sql);
      await client.query('insert into wcc_migrations.applied (component, id, name) values ($1, $2, $3)', [component, migration.id, migration.name]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function recorded(client: pg.ClientBase, component: string): Promise<Map<number, string>> {
  const { rows } = await client.query<{ id: string; name: string }>('select id, name from wcc_migrations.applied where component = $1', [component]);
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

async function adopt(client: pg.ClientBase, component: string, from: NonNullable<MigrateOptions['adoptFrom']>): Promise<Map<number, string>> {
  const { rows: exists } = await client.query<{ found: string | null }>('select to_regclass($1)::text as found', [from.table]);
  if (!exists[0]?.found) return new Map();
  const { rows } = await client.query<{ id: string; name: string }>(from.query);
  for (const row of rows) {
    await client.query('insert into wcc_migrations.applied (component, id, name) values ($1, $2, $3)', [component, row.id, row.name]);
  }
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}
