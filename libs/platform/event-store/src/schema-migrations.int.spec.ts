// The one migration mechanism, against the real PostgreSQL: versioned, recorded,
// serialised across processes, never re-running or silently changing what was applied.
import { beforeAll, describe, expect, it } from 'vitest';
// Tests may stand on the shared test harness; the boundary rule is meant for production imports.
import { useTestDatabase } from '@wcc/testing';
import { migrateSchema, type SchemaMigration } from './schema-migrations';

const db = useTestDatabase();
beforeAll(() => {
  db.pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
});

const first: SchemaMigration = { id: 1, name: 'things', sql: 'create table things (id int primary key)' };
const second: SchemaMigration = { id: 2, name: 'things have a label', sql: "alter table things add column label text not null default ''" };

async function applied(component: string): Promise<string[]> {
  const { rows } = await db.pool.query<{ id: string; name: string }>('select id, name from wcc_migrations.applied where component = $1 order by id', [component]);
  return rows.map((r) => `${r.id} ${r.name}`);
}

describe('migrateSchema', () => {
  it('applies each migration once, even when processes start together, and a later one on the next start', async () => {
    await Promise.all(Array.from({ length: 4 }, () => migrateSchema(db.pool, 'things', [first])));
    expect(await applied('things')).toEqual(['1 things']);
    await migrateSchema(db.pool, 'things', [first, second]);
    await migrateSchema(db.pool, 'things', [first, second]);
    expect(await applied('things')).toEqual(['1 things', '2 things have a label']);
    const { rows } = await db.pool.query<{ column_name: string }>("select column_name from information_schema.columns where table_name = 'things' order by column_name");
    expect(rows.map((r) => r.column_name)).toEqual(['id', 'label']);
  });

  it('refuses a released migration that was changed, and applies nothing of that run', async () => {
    await migrateSchema(db.pool, 'gadgets', [{ id: 1, name: 'gadgets', sql: 'create table gadgets (id int primary key)' }]);
    const edited = [
      { id: 1, name: 'gadgets with colour', sql: 'create table gadgets (id int primary key, colour text)' },
      { id: 2, name: 'widgets', sql: 'create table widgets (id int)' },
    ];
    await expect(migrateSchema(db.pool, 'gadgets', edited)).rejects.toThrow(/was applied as "gadgets"/);
    expect(await applied('gadgets')).toEqual(['1 gadgets']);
    expect((await db.pool.query("select to_regclass('widgets') as found")).rows[0]).toEqual({ found: null });
  });

  it('rolls a failing migration back whole', async () => {
    const failing = { id: 1, name: 'half', sql: 'create table half_done (id int); select 1 / 0' };
    await expect(migrateSchema(db.pool, 'half', [failing])).rejects.toThrow(/division by zero/);
    expect(await applied('half')).toEqual([]);
    expect((await db.pool.query("select to_regclass('half_done') as found")).rows[0]).toEqual({ found: null });
  });

  it('adopts what a component recorded in its own ledger before, instead of running it again', async () => {
    await db.pool.query('create schema legacy; create table legacy.migrations (id int primary key, name text not null); create table legacy.rows (id int)');
    await db.pool.query("insert into legacy.migrations values (1, 'rows')");
    await migrateSchema(
      db.pool,
      'legacy',
      [
        { id: 1, name: 'rows', sql: 'create table legacy.rows (id int)' },
        { id: 2, name: 'more', sql: 'create table legacy.more (id int)' },
      ],
      {
        adoptFrom: { table: 'legacy.migrations', query: 'select id, name from legacy.migrations' },
      },
    );
    expect(await applied('legacy')).toEqual(['1 rows', '2 more']);
  });

  it('refuses migration ids that do not increase', async () => {
    await expect(migrateSchema(db.pool, 'x', [second, first])).rejects.toThrow(/must increase/);
  });
});
