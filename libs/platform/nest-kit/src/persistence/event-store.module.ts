// The service's own PostgreSQL: one pool from DATABASE_URL and the event store on it,
// migrated at start-up. Global, so handlers and consumers inject EVENT_STORE / PG_POOL.
import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { PostgresEventStore, type EventStore, type Upcasters } from '@wcc/event-store';

export const PG_POOL = Symbol('PG_POOL');
export const EVENT_STORE = Symbol('EVENT_STORE');

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export interface EventStoreModuleOptions {
  readonly upcasters?: Upcasters;
  readonly currentSchemaVersions?: Readonly<Record<string, number>>;
}

/**
 * The service's pool. A connection that Postgres ends (a restart, an administrator's
 * terminate, a dropped database) emits 'error': on the pool while the connection is idle,
 * on the client while code holds it between queries. Without a listener either is an
 * uncaught exception that ends the process. The holder's next query fails and the pool
 * replaces the connection, so a warning is all it takes.
 */
export function servicePool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 10 });
  const logger = new Logger('postgres');
  pool.on('error', (error) => logger.warn(`an idle database connection ended: ${error.message}; the next query opens a new one`));
  pool.on('connect', (client) => client.on('error', (error) => logger.warn(`a database connection in use ended: ${error.message}; its holder's next query fails`)));
  return pool;
}

class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

@Global()
@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreModuleOptions = {}): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: PG_POOL, useFactory: () => servicePool(requiredEnv('DATABASE_URL')) },
        {
          provide: EVENT_STORE,
          inject: [PG_POOL],
          useFactory: async (pool: pg.Pool): Promise<EventStore> => {
            const store = new PostgresEventStore(pool, options);
            await store.migrate();
            return store;
          },
        },
        PoolCloser,
      ],
      exports: [PG_POOL, EVENT_STORE],
    };
  }
}
