// Per-file isolation, so integration files run in parallel and never depend on order:
// each file gets its own database, topic prefix and consumer-group prefix.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { Kafka, logLevel, type ITopicConfig } from 'kafkajs';
import { createTopicsAndWait } from '@wcc/runtime';
import { testInfra } from './infra';

export interface TestNamespace {
  /** Prefix for every topic this file creates, e.g. `t3f9a1c-`. */
  readonly topicPrefix: string;
  /** Consumer-group ids of this file start with this. */
  readonly groupPrefix: string;
  topic(name: string): string;
  group(name: string): string;
}

export function testNamespace(): TestNamespace {
  const id = `t${randomBytes(4).toString('hex')}`;
  return {
    topicPrefix: `${id}-`,
    groupPrefix: `${id}-`,
    topic: (name) => `${id}-${name}`,
    group: (name) => `${id}-${name}`,
  };
}

export interface TestDatabase {
  /** Connection string of this file's own database. */
  readonly url: string;
  /** A pool on it, created in beforeAll and ended in afterAll. */
  readonly pool: pg.Pool;
}

/** Creates a fresh database for the calling test file and drops it afterwards. */
export function useTestDatabase(): TestDatabase {
  const name = `wcc_test_${randomBytes(6).toString('hex')}`;
  let url = '';
  let pool: pg.Pool | undefined;
  beforeAll(async () => {
    const admin = testInfra().adminDatabaseUrl;
    await withAdmin(admin, (c) => c.query(`create database ${name}`));
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
    pool = new pg.Pool({ connectionString: url, max: 20 });
    // Dropping the database at the end terminates idle connections the pool still
    // holds; without a listener that surfaces as an unhandled error in the run.
    pool.on('error', () => undefined);
  });
  afterAll(async () => {
    await pool?.end();
    await withAdmin(testInfra().adminDatabaseUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
  });
  return {
    get url() {
      if (!url) throw new Error('useTestDatabase(): the database exists only inside tests and hooks');
      return url;
    },
    get pool() {
      if (!pool) throw new Error('useTestDatabase(): the pool exists only inside tests and hooks');
      return pool;
    },
  };
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A kafkajs client on the test broker, quiet unless something is wrong. */
export function testKafka(clientId = 'wcc-test'): Kafka {
  return new Kafka({ clientId, brokers: testInfra().kafkaBrokers, logLevel: logLevel.ERROR });
}

export async function createTopics(kafka: Kafka, topics: (string | ITopicConfig)[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await createTopicsAndWait(
      admin,
      topics.map((t) => (typeof t === 'string' ? { topic: t, numPartitions: 3 } : t)),
    );
  } finally {
    await admin.disconnect();
  }
}
