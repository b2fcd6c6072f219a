// `npm test`: lint, typecheck and every test tier, on a fresh clone too. Postgres is
// resolved by the vitest globalSetup (env → testcontainers → the local server).
//
// Kafka: unless KAFKA_BROKERS names one, the run starts a broker of its own — a free
// port and a fresh state directory under the OS temp dir — so nothing `npm start` (or an
// earlier run) left in a broker can decide what this run sees. The run stops it when it
// ends, passed, failed or interrupted; a watchdog stops it too when this process is
// killed without a chance to clean up (KAFKA_LOCAL_OWNER_PID, see infra/kafka-local).
//
// Tiers run as three vitest invocations: everything that can share the broker in
// parallel (unit, int, e2e and browser — the portal in Debian's Chromium, which its
// test installs with apt-get when missing); then the fault tier (*.broker-restart.int.spec.ts), which stops and
// restarts the broker and so must have it to itself; then the audit tier
// (*.audit.int.spec.ts), which inspects everything the others published.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureDependencies, root, say } from './bootstrap.mjs';

ensureDependencies();
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;

const running = new Set(); // the child processes running now, killed with us on a signal
function runAsync(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    running.add(child);
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** A port p with p + 1 free too (the broker listens on p, its controller on p + 1). */
async function freePortPair() {
  const listen = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const got = server.address().port;
        server.close(() => resolve(got));
      });
    });
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await listen(0);
    if (port !== undefined && port < 65535 && (await listen(port + 1)) === port + 1) return port;
  }
  throw new Error('no two consecutive free ports for the test broker');
}

/** The run's own broker, or nothing when KAFKA_BROKERS names an external one. */
async function startRunBroker() {
  if (process.env.KAFKA_BROKERS) {
    say(`Kafka: KAFKA_BROKERS=${process.env.KAFKA_BROKERS} (external; not started or stopped by this run)`);
    return undefined;
  }
  const port = await freePortPair();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-test-kafka-'));
  // kafka-local reads these when it is loaded; every vitest worker inherits them, so the
  // globalSetup reuses this broker and the fault tier restarts this one, not another.
  Object.assign(process.env, {
    KAFKA_LOCAL_PORT: String(port),
    KAFKA_LOCAL_STATE_DIR: stateDir,
    KAFKA_LOCAL_OWNER_PID: String(process.pid),
  });
  const kafkaLocal = createRequire(import.meta.url)('../infra/kafka-local/kafka-local.js');
  say(`Kafka: starting this run's own broker on 127.0.0.1:${port} (state in ${stateDir}) …`);
  const { brokers } = await kafkaLocal.ensureLocalKafka();
  return { brokers, stateDir, kafkaLocal };
}

let brokerStarting; // the start, begun while lint runs; awaited before the tests and on every way out
let stopping;
/** Stops the run's broker; resolves to false only when it still answers afterwards. */
async function stopRunBroker() {
  stopping ??= (async () => {
    const broker = await brokerStarting?.catch(() => undefined);
    if (!broker) return true;
    const { kafkaLocal, brokers, stateDir } = broker;
    await kafkaLocal.stopLocalKafka();
    const stillAnswers = await kafkaLocal.answersMetadata(brokers, 1000);
    if (stillAnswers) say(`the run's broker on ${brokers} still answers after being stopped`);
    else fs.rmSync(stateDir, { recursive: true, force: true });
    say(`Kafka: this run's broker on ${brokers} ${stillAnswers ? 'is STILL RUNNING' : 'stopped'}`);
    return !stillAnswers;
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    say(`${signal}: stopping what this run started …`);
    for (const child of running) child.kill(signal);
    void stopRunBroker().finally(() => process.exit(130));
  });
}

/** Runs checks side by side (each is mostly one core) and stops the run when any failed. */
async function steps(...checks) {
  say(`${checks.map((c) => c.name).join(' + ')} …`);
  const codes = await Promise.all(
    checks.map(async ({ name, command, args }) => {
      const code = await runAsync(command, args);
      say(`${name} ${code === 0 ? 'passed' : `failed (exit ${code})`} (${elapsed()})`);
      return code;
    }),
  );
  const failed = codes.find((code) => code !== 0);
  if (failed !== undefined) {
    await stopRunBroker();
    process.exit(failed);
  }
}

const totals = { passed: 0, failed: 0, skipped: 0, files: 0 };
// Named again at the very end, so a log's last lines (all a CI summary may keep) say what failed.
const failures = [];
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-test-'));
// The fault tests each add a row (reportFault in @wcc/testing); the table is printed at the end.
const faultReport = path.join(reportDir, 'faults.jsonl');
process.env.WCC_FAULT_REPORT = faultReport;

function firstLine(text) {
  // eslint-disable-next-line no-control-regex -- strips the terminal colour codes of a failure message
  const plain = String(text ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  const line = plain.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.trim().slice(0, 300);
}

async function vitest(label, projects, extra = []) {
  const report = path.join(reportDir, `${label}.json`);
  say(`tests: ${label} (${projects.join(', ')}) …`);
  const code = await runAsync('npx', ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);
  const before = failures.length;
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    totals.files += r.numTotalTestSuites;
    for (const file of r.testResults ?? []) {
      const where = path.relative(root, file.name);
      const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
      for (const t of failedTests) failures.push(`${label}: ${where} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
      // A file that failed outside any test (an import or hook error) has no failed test to name.
      if (file.status === 'failed' && failedTests.length === 0) failures.push(`${label}: ${where}: ${firstLine(file.message)}`);
    }
  }
  // Every test passed and still the tier failed: an unhandled error (vitest prints it above).
  if (code !== 0 && failures.length === before) failures.push(`${label}: vitest exited ${code} with no failed test: an unhandled error or a failed setup, printed above`);
  return code;
}

/** The faults the run injected and healed, one row each, as the fault tests reported them. */
function printFaultTable() {
  if (!fs.existsSync(faultReport)) return;
  const rows = fs
    .readFileSync(faultReport, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
  const header = ['fault', 'acknowledged', 'events', 'lost', 'duplicated effects', 'redelivered (absorbed)', 'recovered in', 'test'];
  const cells = rows.map((r) => [r.fault, r.acknowledged, r.events, r.lost, r.duplicatedEffects, r.redelivered, r.recoveredMs === null ? '—' : `${(r.recoveredMs / 1000).toFixed(1)} s`, r.test]);
  say(`faults injected and healed (${rows.length}):`);
  process.stdout.write(`${[header, header.map(() => '---'), ...cells].map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`);
}

// The broker starts while lint and typecheck run; they need no Kafka.
brokerStarting = startRunBroker();
brokerStarting.catch(() => undefined);
await steps({ name: 'project graph', command: 'npx', args: ['nx', 'show', 'projects', '--json'] });
// Lint, the format check and typecheck need nothing of each other: on two cores they take the time of the longer one.
await steps(
  { name: 'lint', command: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
  { name: 'format', command: 'npx', args: ['prettier', '--check', '**/*.{ts,tsx,js,mjs,cjs}'] },
  { name: 'typecheck', command: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'typecheck portal web', command: 'npx', args: ['tsc', '-p', 'services/portal/web/tsconfig.json', '--noEmit'] },
);

const codes = [];
try {
  await brokerStarting;
  // The browser tier (the portal in Chromium) runs with them, so the audit tier also reads what it published.
  // Vitest gives one worker to a 2-core machine (cores - 1), which ran every file of this
  // tier one after the other; most of their time is spent waiting on the broker and on
  // service processes, so WCC_TEST_WORKERS=2 runs two at a time (about 9 minutes instead
  // of 13). The default stays 1: with two, a file holding a transaction open delays the
  // global-log reads of the other, and the last fresh-clone runs still found tests that
  // read too early (the event-store contract's batch reads among them).
  const workers = process.env.WCC_TEST_WORKERS ?? '1';
  codes.push(await vitest('parallel', ['unit', 'int', 'e2e', 'browser'], [`--maxWorkers=${workers}`]));
  codes.push(await vitest('fault', ['fault'], ['--passWithNoTests']));
  codes.push(await vitest('audit', ['audit'], ['--passWithNoTests']));
} catch (err) {
  say(`tests could not run: ${err instanceof Error ? err.message : String(err)}`);
  codes.push(1);
} finally {
  printFaultTable();
  fs.rmSync(reportDir, { recursive: true, force: true });
  if ((await stopRunBroker()) === false) codes.push(1);
}

say(`finished in ${elapsed()}`);
// A skipped test is a defect here (see STYLE.md): it fails the run like a failed one.
for (const failure of failures) say(`FAILED ${failure}`);
if (totals.skipped > 0) say(`${totals.skipped} test(s) were skipped or todo: every test must run`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(codes.some((c) => c !== 0) || totals.skipped > 0 || totals.passed === 0 ? 1 : 0);
