// `npm test`: lint, typecheck and every test tier, on a fresh clone too. Postgres and
// Kafka are resolved by the vitest globalSetup (env → testcontainers → local servers),
// which starts the local broker when none is given and stops what it started.
//
// Tiers run as three vitest invocations: everything that can share the broker in
// parallel; then the fault tier (*.broker-restart.int.spec.ts), which stops and
// restarts the broker and so must have it to itself; then the audit tier
// (*.audit.int.spec.ts), which inspects everything the others published.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDependencies, run, say } from './bootstrap.mjs';

ensureDependencies();
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;

function step(name, command, args) {
  say(`${name} …`);
  const code = run(command, args);
  if (code !== 0) {
    say(`${name} failed (exit ${code}) after ${elapsed()}`);
    process.exit(code);
  }
  say(`${name} passed (${elapsed()})`);
}

step('project graph', 'npx', ['nx', 'show', 'projects', '--json']);
step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);

const totals = { passed: 0, failed: 0, skipped: 0, files: 0 };
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-test-'));

function vitest(label, projects, extra = []) {
  const report = path.join(reportDir, `${label}.json`);
  say(`tests: ${label} (${projects.join(', ')}) …`);
  const code = run('npx', [
    'vitest', 'run', ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra,
  ]);
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    totals.files += r.numTotalTestSuites;
  }
  return code;
}

const codes = [
  vitest('parallel', ['unit', 'int', 'e2e']),
  vitest('fault', ['fault'], ['--passWithNoTests']),
  vitest('audit', ['audit'], ['--passWithNoTests']),
];
fs.rmSync(reportDir, { recursive: true, force: true });

say(`finished in ${elapsed()}`);
// A skipped test is a defect here (see STYLE.md): it fails the run like a failed one.
if (totals.skipped > 0) say(`${totals.skipped} test(s) were skipped or todo: every test must run`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(codes.some((c) => c !== 0) || totals.skipped > 0 || totals.passed === 0 ? 1 : 0);
