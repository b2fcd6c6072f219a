// The service's own PostgreSQL: one pool from DATABASE_URL and the event store on it,
// migrated at start-up. Global, so handlers and consumers inject EVENT_STORE / PG_POOL.
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
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
        { provide: PG_POOL, useFactory: () => new pg.Pool({ connectionString: requiredEnv('DATABASE_URL'), max: 10 }) },
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
