// Starts a service the way it runs in production: its own Node process
// (`node -r @swc-node/register services/<name>/src/main.ts`), its own fresh database, the
// test broker and a topic/group namespace shared with the other services of the test.
// For cross-service and end-to-end tests, which may not import a service's modules.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { testInfra } from './infra';
import type { TestNamespace } from './isolation';
import { testOrganisationEnv } from './test-organisations';

/** The repository root: the nearest folder up from the working directory with nx.json and services/. */
export function repositoryRoot(from = process.cwd()): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json')) && fs.existsSync(path.join(dir, 'services'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No repository root (nx.json and services/) above ${from}`);
  }
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServiceDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the server of `adminUrl` (default: the test server). */
export async function createServiceDatabase(service: string, adminUrl = testInfra().adminDatabaseUrl): Promise<ServiceDatabase> {
  const name = `wcc_test_${service.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export interface ServiceProcessOptions {
  /** Folder name under services/, e.g. 'municipality'. */
  readonly service: string;
  /** Topic and consumer-group namespace; services that talk to each other share one. */
  readonly namespace: TestNamespace;
  /** Default: a free port. */
  readonly port?: number;
  /** Default: a fresh database made for this process and dropped when it stops. */
  readonly databaseUrl?: string;
  /** Default: the test broker. */
  readonly kafkaBrokers?: readonly string[];
  /** Further environment, e.g. CARE_PROVIDER_ORGANISATION_IDS. */
  readonly env?: Readonly<Record<string, string>>;
  /** How long to wait for GET /health to answer 200. Default 90 s (SWC compiles at start). */
  readonly startTimeoutMs?: number;
}

export interface ServiceProcess {
  readonly service: string;
  readonly port: number;
  readonly baseUrl: string;
  readonly pid: number;
  /** The service's own database (its event store, inbox, read models). */
  readonly databaseUrl: string;
  /** The last lines the process wrote to stdout and stderr, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; drops the database if this helper made it. */
  stop(graceMs?: number): Promise<void>;
}

const OUTPUT_LINES = 400;

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (exited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Spawns the service and resolves once its GET /health answers 200. */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const root = repositoryRoot();
  const main = path.join(root, 'services', options.service, 'src', 'main.ts');
  if (!fs.existsSync(main)) throw new Error(`startServiceProcess: ${main} does not exist`);
  const port = options.port ?? (await freePort());
  const ownDatabase = options.databaseUrl === undefined ? await createServiceDatabase(options.service) : undefined;
  const databaseUrl = options.databaseUrl ?? ownDatabase!.url;

  // The parent's environment minus what would point the service elsewhere.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|PORT$|HOST$|DATABASE_URL$|KAFKA_|NODE_OPTIONS$)/.test(name)));
  const child = spawn(process.execPath, ['-r', '@swc-node/register', main], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      NO_COLOR: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: (options.kafkaBrokers ?? testInfra().kafkaBrokers).join(','),
      KAFKA_TOPIC_PREFIX: options.namespace.topicPrefix,
      KAFKA_GROUP_PREFIX: options.namespace.groupPrefix,
      // The fixtures' organisations, unless the test names its own.
      ...testOrganisationEnv({}),
      ...options.env,
    },
  });
  // Should the test runner exit without afterAll (a crash, Ctrl-C), take the child along.
  const orphanGuard = () => void child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  child.once('exit', () => process.removeListener('exit', orphanGuard));
  const lines: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null, label: string) => {
    let partial = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) lines.push(`[${options.service} ${label}] ${line}`);
      if (lines.length > OUTPUT_LINES) lines.splice(0, lines.length - OUTPUT_LINES);
    });
  };
  collect(child.stdout, 'out');
  collect(child.stderr, 'err');
  const output = () => lines.join('\n');

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (graceMs = 10_000) => {
    await stopChild(child, graceMs);
    await ownDatabase?.drop();
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  let last = 'no answer yet';
  for (;;) {
    if (exited(child)) {
      await ownDatabase?.drop();
      throw new Error(`${options.service} exited (${child.signalCode ?? child.exitCode}) before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) break;
      last = `GET /health answered ${response.status}: ${await response.text()}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() > deadline) {
      await stop(2_000);
      throw new Error(`${options.service} on port ${port} was not healthy in time (${last}):\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return { service: options.service, port, baseUrl, pid: child.pid!, databaseUrl, output, stop };
}

/**
 * Starts several services at once (they compile in parallel). When one does not come up,
 * stops the ones that did and throws that one's error, which carries its output.
 */
export async function startServiceProcesses(options: readonly ServiceProcessOptions[]): Promise<ServiceProcess[]> {
  const started = await Promise.allSettled(options.map((o) => startServiceProcess(o)));
  const running = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(running.map((service) => service.stop()));
    throw failed.reason;
  }
  return running;
}

/** For `onTestFailed`: what the services said, since they run as processes and nothing else would show it. */
export function printServiceOutput(services: readonly (ServiceProcess | undefined)[]): void {
  for (const service of services) if (service) console.log(`--- ${service.service} (pid ${service.pid}) ---\n${service.output()}`);
}

/** The outbox relay's role an instance reports on /health ('leader' or 'standby'); undefined when it has no relay or does not answer. */
export async function relayRoleOf(service: ServiceProcess): Promise<'leader' | 'standby' | undefined> {
  const health = await fetch(`${service.baseUrl}/health`)
    .then((r) => r.text())
    .catch(() => '');
  return /"role":"(leader|standby)"/.exec(health)?.[1] as 'leader' | 'standby' | undefined;
}
