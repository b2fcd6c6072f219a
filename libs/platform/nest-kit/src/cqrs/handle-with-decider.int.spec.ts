// The one command path, against the real PostgreSQL event store: a retried request
// gets its first answer (and reads nothing more), a key reused for another request or
// by another actor is refused, a refusal stays a domain value, and the inbox
// transaction survives a concurrency conflict.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { domainError, type Command, type CommandMetadata, type Decider, type DomainEvent } from '@wcc/domain-kit';
import { PostgresEventStore } from '@wcc/event-store';
// Tests may stand on the shared test harness; the boundary rule is meant for production imports.
import { useTestDatabase } from '@wcc/testing';
import { CommandRefused, handleWithDecider, IdempotencyKeyReused } from './handle-with-decider';

type Deposit = Command<'Deposit', { readonly amount: number; readonly limit?: number }>;
type Deposited = DomainEvent<'Deposited', { readonly amount: number; readonly balanceAfter: number }>;

/** A counter: every deposit is new money, so a re-decided retry would show as a doubled balance. */
const counter: Decider<Deposit, Deposited, { balance: number }> = {
  streamType: 'counter',
  initialState: () => ({ balance: 0 }),
  evolve: (_state, event) => ({ balance: event.data.balanceAfter }),
  decide: (command, state) => {
    const limit = command.data.limit ?? Number.POSITIVE_INFINITY;
    if (state.balance + command.data.amount > limit) return domainError('conflict', 'over-limit', `A deposit of ${command.data.amount} exceeds the limit of ${limit}.`, '/amount');
    return [{ type: 'Deposited', data: { amount: command.data.amount, balanceAfter: state.balance + command.data.amount } }];
  },
};

const db = useTestDatabase();
let store: PostgresEventStore;
beforeAll(async () => {
  db.pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
  store = new PostgresEventStore(db.pool, { schema: 'command_path' });
  await store.migrate();
});

function metadata(commandId = randomUUID(), userId = 'u-1'): CommandMetadata {
  return {
    commandId,
    now: '2026-12-03T10:00:00.000Z',
    correlationId: commandId,
    causationId: null,
    actor: { userId, organisationId: 'gemeente-rotterdam', organisationType: 'municipality' },
  };
}
const deposit = (amount: number, limit?: number): Deposit => ({ type: 'Deposit', data: { amount, ...(limit === undefined ? {} : { limit }) } });

describe('handleWithDecider: the command path of every service', () => {
  it('answers a retried request (same command id) with its first answer, and decides nothing again', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const first = await handleWithDecider(store, counter, id, deposit(5), metadata(key));
    let prepared = 0;
    const retried = await handleWithDecider(store, counter, id, deposit(5), metadata(key), {
      prepare: (request: Deposit) => {
        prepared++;
        return request;
      },
    });
    expect(retried).toEqual({ ...first, replayed: true });
    expect(retried.events).toEqual([{ type: 'Deposited', data: { amount: 5, balanceAfter: 5 } }]);
    expect(prepared).toBe(0);
    expect(await store.readStream(`counter-${id}`)).toHaveLength(1);
  });

  it('compares a retry regardless of key order in the request', async () => {
    const id = randomUUID();
    const key = randomUUID();
    await handleWithDecider(store, counter, id, { type: 'Deposit', data: { amount: 5, limit: 10 } }, metadata(key));
    const retried = await handleWithDecider(store, counter, id, { data: { limit: 10, amount: 5 }, type: 'Deposit' }, metadata(key));
    expect(retried.replayed).toBe(true);
  });

  it('refuses the key reused for another request, or by another user, and appends nothing', async () => {
    const id = randomUUID();
    const key = randomUUID();
    await handleWithDecider(store, counter, id, deposit(5), metadata(key));
    await expect(handleWithDecider(store, counter, id, deposit(6), metadata(key))).rejects.toBeInstanceOf(IdempotencyKeyReused);
    await expect(handleWithDecider(store, counter, id, deposit(5), metadata(key, 'someone-else'))).rejects.toBeInstanceOf(IdempotencyKeyReused);
    expect(await store.readStream(`counter-${id}`)).toHaveLength(1);
  });

  it('keeps a refusal a domain value: CommandRefused carries the decider’s error', async () => {
    const id = randomUUID();
    const refused = await handleWithDecider(store, counter, id, deposit(11, 10), metadata()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CommandRefused);
    expect((refused as CommandRefused).refusal).toMatchObject({ category: 'conflict', code: 'over-limit', field: '/amount' });
    expect(await store.readStream(`counter-${id}`)).toEqual([]);
  });

  it('decides again on current facts after a concurrency conflict, inside a transaction that stays usable', async () => {
    const id = randomUUID();
    await handleWithDecider(store, counter, id, deposit(1), metadata());
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      let prepared = 0;
      const handled = await handleWithDecider(store, counter, id, deposit(2), metadata(), {
        transaction: client,
        prepare: async (request: Deposit) => {
          // Someone else appends between our read and our write, once.
          if (prepared++ === 0) await handleWithDecider(store, counter, id, deposit(10), metadata());
          return request;
        },
      });
      await client.query('commit');
      expect(prepared).toBe(2);
      expect(handled.events).toEqual([{ type: 'Deposited', data: { amount: 2, balanceAfter: 13 } }]);
      expect((await store.readStream(`counter-${id}`)).map((e) => e.data)).toEqual([
        { amount: 1, balanceAfter: 1 },
        { amount: 10, balanceAfter: 11 },
        { amount: 2, balanceAfter: 13 },
      ]);
    } finally {
      client.release();
    }
  });
});
