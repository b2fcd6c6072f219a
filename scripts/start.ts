// Brings up the chain on one machine: Postgres and Kafka (resolved the same way the
// tests resolve them), one database per service, every service under services/ as its
// own process. Ctrl-C stops everything this started and nothing else.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { redactUrl, resolveKafka, resolvePostgres, type ResolvedKafka, type ResolvedPostgres } from '@wcc/runtime';

interface ServiceManifest {
  readonly name: string;
  readonly dir: string;
  readonly port: number;
}

const root = path.resolve(__dirname, '..');
const say = (line: string): void => void process.stdout.write(`[wcc] ${line}\n`);

/** A service is a folder under services/ whose package.json declares `wcc.port` and has src/main.ts. */
export function discoverServices(): ServiceManifest[] {
  const servicesDir = path.join(root, 'services');
  if (!fs.existsSync(servicesDir)) return [];
  return fs
    .readdirSync(servicesDir)
    .map((name) => ({ name, dir: path.join(servicesDir, name) }))
    .filter(({ dir }) => fs.existsSync(path.join(dir, 'src', 'main.ts')) && fs.existsSync(path.join(dir, 'package.json')))
    .map(({ name, dir }) => {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { wcc?: { port?: number } };
      const port = manifest.wcc?.port;
      if (!port) throw new Error(`services/${name}/package.json has no "wcc": { "port": … }`);
      return { name, dir, port };
    })
    .sort((a, b) => a.port - b.port);
}

export function databaseNameOf(service: string): string {
  return `wcc_${service.replace(/-/g, '_')}`;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main(): Promise<void> {
  const children: ChildProcess[] = [];
  // Filled in as things come up, so Ctrl-C at any moment stops exactly what started.
  const started: { postgres?: ResolvedPostgres; kafka?: ResolvedKafka } = {};
  let stopping = false;

  const stopAll = async (code: number): Promise<never> => {
    if (stopping) return new Promise<never>(() => undefined);
    stopping = true;
    say('stopping …');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await started.kafka?.stop();
    await started.postgres?.stop();
    say('everything this started has stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const postgres = (started.postgres = await resolvePostgres());
  say(`Postgres: ${postgres.source} — ${redactUrl(postgres.url)}`);
  const kafka = (started.kafka = await resolveKafka({ allowInProcess: true }));
  if (kafka.source === 'in-process') {
    say('!!! WARNING: neither Java (for the local Kafka broker) nor a Docker engine was found, and KAFKA_BROKERS is not set.');
    say('!!! Services cannot exchange integration events across processes without a broker; the in-process bus is not');
    say('!!! available in this version. Install a JDK 17+ and Maven, or set KAFKA_BROKERS, and run npm start again.');
    return stopAll(1);
  }
  say(`Kafka: ${kafka.source} — ${kafka.brokers}`);

  const services = discoverServices();
  if (services.length === 0) say('no services exist under services/ yet; infrastructure only');
  for (const service of services) {
    const databaseUrl = await ensureDatabase(postgres.url, databaseNameOf(service.name));
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(service.dir, 'src', 'main.ts')], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PORT: String(service.port), DATABASE_URL: databaseUrl, KAFKA_BROKERS: kafka.brokers },
    });
    child.on('exit', (code, signal) => {
      if (!stopping) say(`${service.name} exited (${signal ?? code}); stopping the rest`);
      void stopAll(code ?? 1);
    });
    children.push(child);
  }

  say('running:');
  say(`  postgres          ${redactUrl(postgres.url)} (${postgres.source})`);
  say(`  kafka             ${kafka.brokers} (${kafka.source})`);
  for (const s of services) say(`  ${s.name.padEnd(17)} http://127.0.0.1:${s.port}  (docs: http://127.0.0.1:${s.port}/docs)`);
  say('Ctrl-C stops everything this started.');
  // The broker runs detached; without a handle of our own the process would exit here.
  setInterval(() => undefined, 1 << 30);
}

void main().catch((err: unknown) => {
  say(`start failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
