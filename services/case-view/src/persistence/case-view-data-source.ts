// The TypeORM side of the case view: a DataSource on the service's database, schema
// case_view; its tables come from the platform's migration mechanism (synchronize is
// off, TypeORM runs no migrations). Consumers write inside the
// inbox transaction of the platform's pg pool; entityManagerOn() lets TypeORM work on
// that very connection, so a projected row and its inbox row commit together.
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { migrateSchema } from '@wcc/event-store';
import { caseViewMigrations, typeOrmLedger } from './case-view.migrations';
import { CASE_VIEW_SCHEMA, caseViewEntities } from './entities';

export function caseViewDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    schema: CASE_VIEW_SCHEMA,
    entities: caseViewEntities,
    synchronize: false,
    logging: false,
    poolSize: 5,
    applicationName: 'wcc-case-view',
  });
}

/** Creates the schema and applies pending migrations (serialised across instances by migrateSchema). */
export async function migrateCaseView(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1, application_name: 'wcc-case-view-migrate' });
  try {
    await migrateSchema(pool, 'case-view', caseViewMigrations, { adoptFrom: typeOrmLedger });
  } finally {
    await pool.end();
  }
}

export async function openCaseViewDataSource(url: string): Promise<DataSource> {
  await migrateCaseView(url);
  const dataSource = caseViewDataSource(url);
  await dataSource.initialize();
  return dataSource;
}

/**
 * An EntityManager whose every query runs on `connection` (a client inside an open
 * transaction). TypeORM's PostgreSQL query runner uses an assigned connection as is and
 * never returns it to a pool, so the caller keeps owning the transaction.
 */
export function entityManagerOn(dataSource: DataSource, connection: pg.ClientBase): EntityManager {
  const runner = dataSource.createQueryRunner('master');
  (runner as unknown as { databaseConnection: pg.ClientBase }).databaseConnection = connection;
  return runner.manager;
}
