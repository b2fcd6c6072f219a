// The Postgres server itself restarts under load, twice: a fast shutdown (what an operator's
// restart does: sessions ended, the server gone) and an immediate one (SIGQUIT: no
// checkpoint, crash recovery at the next start, as after a power cut). The server is one of
// this test's own (startPrivatePostgres: initdb and pg_ctl on a free port), so stopping it
// touches no other test file. The municipality process must not crash or hang: /health
// reports the outage and recovers by itself, nothing sent while the server was down is
// acknowledged, and every acknowledged case is in the store and on the chain topic, once
// per CloudEvent id, in order.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevelopmentToken } from '@wcc/nest-kit';
import { eventuallyTrue, processAlive, reportFault, startPrivatePostgres, startServiceProcess, testNamespace, type PrivatePostgres, type ServiceProcess } from '@wcc/testing';
import { healthStatus, startCaseWriter } from './case-writer';
import { expectEveryCaseOnTheBus } from './opened-cases-on-the-bus';

const DOWN_MS = 3_000;
const DATABASE = 'wcc_municipality';

const ns = testNamespace();
let server: PrivatePostgres | undefined;
let service: ServiceProcess | undefined;
let token = '';

async function storedCaseIds(): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: server!.url(DATABASE) });
  await client.connect();
  try {
    const { rows } = await client.query<{ case_id: string }>(`select data->>'caseId' as case_id from event_store.events where type = 'CaseOpened'`);
    return new Set(rows.map((r) => r.case_id));
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await startPrivatePostgres();
  await server.createDatabase(DATABASE);
  service = await startServiceProcess({ service: 'municipality', namespace: ns, databaseUrl: server.url(DATABASE), startTimeoutMs: 240_000 });
  token = await signDevelopmentToken({ userId: 'km-restart', organisationId: 'gemeente-amsterdam', organisationType: 'municipality', roles: ['client-manager'] });
}, 400_000);

afterAll(async () => {
  await service?.stop();
  await server?.remove();
});

interface Restart {
  readonly mode: 'fast' | 'immediate';
  /** Cases acknowledged from the stop's start to the server's start (all sent before it was gone). */
  readonly answeredWhileStopping: number;
  readonly detectedMs: number;
  readonly recoveredMs: number;
  /** Sent once the server was gone and answered before it was started again: must be none. */
  readonly inTheDark: number;
}

describe('a service across a restart of the Postgres server', () => {
  it('reports it, refuses commands while the server is down, reconnects by itself after a fast and an immediate shutdown, and loses nothing acknowledged', async () => {
    const writer = startCaseWriter(service!.baseUrl, token);
    const { acknowledged } = writer;
    const output = () => service!.output();
    const restarts: Restart[] = [];

    for (const mode of ['fast', 'immediate'] as const) {
      const atStart = acknowledged.length;
      await eventuallyTrue(() => acknowledged.length >= atStart + 10, `10 cases before the ${mode} shutdown`, 60_000, output);
      const before = acknowledged.length;
      const stoppingAt = Date.now();
      const pid = server!.postmasterPid();
      await server!.stop(mode);
      await eventuallyTrue(() => !processAlive(pid), `the postmaster (${pid}) to exit after the ${mode} shutdown`, 30_000, output);
      const goneAt = Date.now();
      await eventuallyTrue(async () => (await healthStatus(service!.baseUrl)) === 503, `/health to report the server down (${mode})`, 60_000, output);
      const detectedMs = Date.now() - stoppingAt;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, DOWN_MS - (Date.now() - goneAt))));
      const startingAt = Date.now();
      const answeredWhileStopping = acknowledged.length - before;
      await server!.start();
      await eventuallyTrue(async () => (await healthStatus(service!.baseUrl)) === 200, `/health to recover after the ${mode} restart`, 60_000, output);
      const recoveredMs = Date.now() - startingAt;
      const inTheDark = acknowledged.filter((a) => a.sentAt >= goneAt && a.answeredAt < startingAt).length;
      restarts.push({ mode, answeredWhileStopping, detectedMs, recoveredMs, inTheDark });
    }
    const atEnd = acknowledged.length;
    await eventuallyTrue(() => acknowledged.length >= atEnd + 10, '10 cases after the last restart', 60_000, output);
    await writer.stop();

    expect(processAlive(service!.pid), 'the process is still running').toBe(true);
    expect(
      restarts.map((r) => [r.mode, r.inTheDark]),
      'acknowledged while the server was down',
    ).toEqual([
      ['fast', 0],
      ['immediate', 0],
    ]);
    expect(writer.refused(), 'commands refused while the server was down').toBeGreaterThan(0);

    const caseIds = acknowledged.map((a) => a.caseId);
    const stored = await storedCaseIds();
    expect(
      caseIds.filter((caseId) => !stored.has(caseId)),
      'acknowledged but not in the store (lost by the crash)',
    ).toEqual([]);
    const { duplicates, cases } = await expectEveryCaseOnTheBus(ns, caseIds);
    for (const r of restarts) {
      console.log(
        `[postgres restart] ${r.mode} shutdown, ${DOWN_MS} ms down: /health 503 ${r.detectedMs} ms after the stop began, 200 ${r.recoveredMs} ms after the start began; ` +
          `${r.answeredWhileStopping} case(s) answered while it stopped (all sent before it was gone), ${r.inTheDark} sent and answered while it was down`,
      );
    }
    console.log(`[postgres restart] ${caseIds.length} cases acknowledged, ${writer.refused()} command(s) refused, 0 lost from the store or the topic, ${duplicates} CloudEvent id(s) published twice`);
    for (const r of restarts) {
      reportFault({
        fault: `Postgres server restarted, ${r.mode} shutdown`,
        test: 'tests/integration/postgres-restart.int.spec.ts',
        acknowledged: caseIds.length,
        events: cases * 2,
        lost: 0,
        duplicatedEffects: 0,
        redelivered: duplicates,
        recoveredMs: r.recoveredMs,
      });
    }
  }, 300_000);
});
