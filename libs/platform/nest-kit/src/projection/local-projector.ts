// Read models a service keeps of its OWN events (a referral inbox, a client list):
// tail the event store in commit order and apply each event and the checkpoint in one
// transaction, so a crash replays nothing twice and skips nothing.
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { migrateSchema, START, type EventStore, type GlobalCursor, type RecordedEvent, type SchemaMigration } from '@wcc/event-store';

export type Projection = (event: RecordedEvent, tx: pg.PoolClient) => Promise<void>;

export interface LocalProjectorOptions {
  readonly name: string;
  readonly store: EventStore;
  readonly pool: pg.Pool;
  readonly project: Projection;
  /** The read-model tables' migrations (component `projector:<name>`); applied at start, before the first event. */
  readonly migrations?: readonly SchemaMigration[];
  readonly batchSize?: number;
  readonly idleDelayMs?: number;
}

export class LocalProjector {
  private running = false;
  private loop: Promise<void> | undefined;
  private cursor: GlobalCursor = START;
  private readonly waiters = new Set<{ target: GlobalCursor; resolve: () => void }>();

  constructor(private readonly options: LocalProjectorOptions) {}

  async migrate(): Promise<void> {
    await migrateSchema(this.options.pool, 'projector-checkpoints', [
      {
        id: 1,
        name: 'projector checkpoints',
        sql: `create table if not exists projector_checkpoints (
          projector_name text primary key, transaction_id bigint not null, position bigint not null, updated_at timestamptz not null default now())`,
      },
    ]);
    if (this.options.migrations) await migrateSchema(this.options.pool, `projector:${this.options.name}`, this.options.migrations);
  }

  async start(): Promise<void> {
    const { rows } = await this.options.pool.query<{ transaction_id: string; position: string }>('select transaction_id, position from projector_checkpoints where projector_name = $1', [
      this.options.name,
    ]);
    this.cursor = rows[0] ? { transactionId: BigInt(rows[0].transaction_id), position: BigInt(rows[0].position) } : START;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Resolves once every event up to `position` is in the read model (read-your-writes for queries). */
  async caughtUpTo(position: GlobalCursor, timeoutMs = 5_000): Promise<void> {
    if (!isBefore(this.cursor, position)) return;
    await Promise.race([new Promise<void>((resolve) => this.waiters.add({ target: position, resolve })), sleep(timeoutMs)]);
  }

  /**
   * Read-your-writes for a command's answer: resolves once the stream's event at `version`
   * (its last, without one) is in the read model, so a list read after a 2xx shows the
   * change. Every command endpoint whose screen reloads a read model awaits this.
   */
  async caughtUpWith(command: { readonly streamId: string; readonly version?: number; readonly events?: readonly unknown[] }): Promise<void> {
    if (command.events?.length === 0) return;
    const events = await this.options.store.readStream(command.streamId);
    const last = events.find((e) => e.streamVersion === command.version) ?? events.at(-1);
    if (last) await this.caughtUpTo(last.globalPosition);
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const { events, next } = await this.options.store.readAll(this.cursor, this.options.batchSize ?? 200);
        if (events.length > 0) await this.apply(events, next);
        for (const waiter of this.waiters) {
          if (!isBefore(this.cursor, waiter.target)) {
            waiter.resolve();
            this.waiters.delete(waiter);
          }
        }
        if (events.length === 0) await sleep(this.options.idleDelayMs ?? 15);
      } catch (err) {
        process.stderr.write(`[projector ${this.options.name}] ${err instanceof Error ? err.message : String(err)}; retrying\n`);
        await sleep(500);
      }
    }
  }

  private async apply(events: readonly RecordedEvent[], next: GlobalCursor): Promise<void> {
    const tx = await this.options.pool.connect();
    try {
      await tx.query('begin');
      for (const event of events) await this.options.project(event, tx);
      await tx.query(
        `insert into projector_checkpoints (projector_name, transaction_id, position, updated_at) values ($1, $2, $3, now())
         on conflict (projector_name) do update set transaction_id = excluded.transaction_id, position = excluded.position, updated_at = now()`,
        [this.options.name, next.transactionId.toString(), next.position.toString()],
      );
      await tx.query('commit');
      this.cursor = next;
    } catch (err) {
      await tx.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      tx.release();
    }
  }
}

function isBefore(a: GlobalCursor, b: GlobalCursor): boolean {
  return a.transactionId < b.transactionId || (a.transactionId === b.transactionId && a.position < b.position);
}
