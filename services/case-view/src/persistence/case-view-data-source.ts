// The TypeORM side of the case view: a DataSource on the service's database, schema
// case_view, migrations run explicitly (synchronize is off). Consumers write inside the
// inbox transaction of the platform's pg pool; entityManagerOn() lets TypeORM work on
// that very connection, so a projected row and its inbox row commit together.
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { CASE_VIEW_SCHEMA, caseViewEntities } from './entities';
import { CaseViewSchema1732300000000 } from './migrations/1732300000000-case-view-schema';
import { ConsentRecipients1764750000000 } from './migrations/1764750000000-consent-recipients';
import { ConsentIpsDisclosure1764760000000 } from './migrations/1764760000000-consent-ips-disclosure';

export function caseViewDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    schema: CASE_VIEW_SCHEMA,
    entities: caseViewEntities,
    migrations: [CaseViewSchema1732300000000, ConsentRecipients1764750000000, ConsentIpsDisclosure1764760000000],
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    poolSize: 5,
    applicationName: 'wcc-case-view',
  });
}

/** Creates the schema and runs pending migrations, one instance at a time. */
export async function migrateCaseView(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`select pg_advisory_lock(hashtext('wcc.case-view.migrate'))`);
    await runner.query(`create schema if not exists ${CASE_VIEW_SCHEMA}`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query(`select pg_advisory_unlock(hashtext('wcc.case-view.migrate'))`).catch(() => undefined);
    await runner.release();
  }
}

export async function openCaseViewDataSource(url: string): Promise<DataSource> {
  const dataSource = caseViewDataSource(url);
  await dataSource.initialize();
  await migrateCaseView(dataSource);
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
