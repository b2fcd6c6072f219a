// A service's pool outlives the end of an idle connection (a Postgres restart, an
// administrator's terminate): no uncaught exception, and the next query works.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wcc/testing';
import { servicePool } from './event-store.module';

describe('servicePool', () => {
  const db = useTestDatabase();

  it('survives Postgres ending an idle connection and answers the next query on a new one', async () => {
    const pool = servicePool(db.url);
    try {
      const { rows } = await pool.query<{ pid: number }>('select pg_backend_pid() as pid');
      const pid = rows[0]!.pid;
      // Its own listener only: without it the terminate below is an uncaught exception, which fails this file.
      expect(pool.listenerCount('error')).toBe(1);
      expect(pool.idleCount).toBe(1);
      await db.pool.query('select pg_terminate_backend($1)', [pid]);
      await expect.poll(() => pool.idleCount, { timeout: 5_000 }).toBe(0);
      const again = await pool.query<{ pid: number }>('select pg_backend_pid() as pid');
      expect(again.rows[0]!.pid).not.toBe(pid);
    } finally {
      await pool.end();
    }
  });
});
