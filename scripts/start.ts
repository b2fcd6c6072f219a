// Brings up the chain on one machine: Postgres and Kafka (resolved the same way the
// tests resolve them), one database per service, every service under services/ as its
// own process; once all answer /health, loads the demo data set through their HTTP
// APIs (infra/seeds/demo; `--no-demo` skips it) and prints how to look at it.
// Ctrl-C stops everything this started and nothing else.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { redactUrl, resolveKafka, resolvePostgres, type ResolvedKafka, type ResolvedPostgres } from '@wcc/runtime';
import { demoAccess } from '../infra/seeds/demo/access';
import { loadDemoData, type DemoLoadResult, type DemoServiceName } from '../infra/seeds/demo';

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

/** Resolves once every service answers 200 on /health; names the ones that do not. */
async function waitUntilHealthy(services: readonly ServiceManifest[], timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(services.map((s) => s.name));
  while (pending.size > 0) {
    for (const service of services.filter((s) => pending.has(s.name))) {
      const healthy = await fetch(`http://127.0.0.1:${service.port}/health`, { signal: AbortSignal.timeout(2_000) })
        .then((r) => r.status === 200)
        .catch(() => false);
      if (healthy) pending.delete(service.name);
    }
    if (pending.size === 0) return;
    if (Date.now() > deadline) throw new Error(`not healthy after ${timeoutMs / 1000} s: ${[...pending].join(', ')}`);
    await sleep(500);
  }
}

const DEMO_NEEDS: readonly DemoServiceName[] = ['municipality', 'care-provider', 'employer-network', 'insurer'];

async function loadDemo(urls: Partial<Record<DemoServiceName, string>>): Promise<DemoLoadResult | undefined> {
  const missing = DEMO_NEEDS.filter((name) => !urls[name]);
  if (missing.length > 0) {
    say(`demo data skipped: ${missing.join(', ')} not running`);
    return undefined;
  }
  say("loading the demo data set through the services' HTTP APIs (--no-demo skips this) …");
  const result = await loadDemoData({ urls, log: say });
  say(`demo data: ${result.loaded} of ${result.plan.clients.length} clients loaded in ${result.seconds.toFixed(0)} s (VIP Amsterdam, IPS NHN under Amsterdam, ExIT Rotterdam)`);
  for (const failure of result.failed) say(`  ! ${failure.error}`);
  return result;
}

async function printAccess(services: readonly ServiceManifest[], demo: DemoLoadResult | undefined): Promise<void> {
  const url = (name: string) => {
    const service = services.find((s) => s.name === name);
    return service ? `http://127.0.0.1:${service.port}` : undefined;
  };
  const caseView = url('case-view');
  const exchangeLog = url('exchange-log');
  const access = await demoAccess({ ...(caseView ? { caseView } : {}), ...(exchangeLog ? { exchangeLog } : {}) }, demo);
  say('development tokens of demo users (valid 8 h; paste into your shell):');
  for (const t of access.tokens) {
    say(`  # ${t.description} (org ${t.organisationId}, roles ${t.roles})`);
    process.stdout.write(`export ${t.variable}=${t.token}\n`);
  }
  if (access.curls.length > 0) {
    say('try:');
    for (const c of access.curls) {
      say(`  # ${c.what}`);
      process.stdout.write(`${c.command}\n`);
    }
  }
}

async function main(): Promise<void> {
  const withDemo = !process.argv.slice(2).includes('--no-demo');
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

  try {
    await waitUntilHealthy(services);
  } catch (err) {
    say(`start failed: ${err instanceof Error ? err.message : String(err)}`);
    return stopAll(1);
  }
  const demo = withDemo
    ? await loadDemo(Object.fromEntries(services.map((s) => [s.name, `http://127.0.0.1:${s.port}`])) as Partial<Record<DemoServiceName, string>>).catch((err: unknown) => {
        say(`demo data failed: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      })
    : undefined;

  const portal = services.find((s) => s.name === 'portal');
  // The address a person opens; the rest is for API users.
  if (portal) say(`portal: http://127.0.0.1:${portal.port}  (sign in as any demo user)`);
  say('running:');
  say(`  postgres          ${redactUrl(postgres.url)} (${postgres.source})`);
  say(`  kafka             ${kafka.brokers} (${kafka.source})`);
  for (const s of services) say(`  ${s.name.padEnd(17)} http://127.0.0.1:${s.port}  (docs: http://127.0.0.1:${s.port}/docs)`);
  await printAccess(services, demo);
  say('Ctrl-C stops everything this started.');
  // The broker runs detached; without a handle of our own the process would exit here.
  setInterval(() => undefined, 1 << 30);
}

void main().catch((err: unknown) => {
  say(`start failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
