// The database goes away under load and comes back: every connection of the service's
// database is cut and new ones are refused for a few seconds (as while Postgres restarts;
// the server itself stays up for the other test files). The municipality process must not
// crash or hang: /health says Postgres is down while it is, commands are refused rather
// than half-done, and afterwards everything flows again. Every acknowledged case reaches
// the chain topic once, in order.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevelopmentToken } from '@wcc/nest-kit';
import { healthStatus, startCaseWriter } from './case-writer';
import { expectEveryCaseOnTheBus } from './opened-cases-on-the-bus';
import { eventuallyTrue, reportFault, startServiceProcess, testInfra, testNamespace, useTestDatabase, type ServiceProcess } from '@wcc/testing';

const OUTAGE_MS = 3_000;

const db = useTestDatabase();
const ns = testNamespace();
let service: ServiceProcess | undefined;
let token = '';

beforeAll(async () => {
  service = await startServiceProcess({ service: 'municipality', namespace: ns, databaseUrl: db.url, startTimeoutMs: 180_000 });
  token = await signDevelopmentToken({ userId: 'km-outage', organisationId: 'gemeente-amsterdam', organisationType: 'municipality', roles: ['client-manager'] });
}, 200_000);

afterAll(async () => {
  await service?.stop();
});

/** Runs SQL on the server's maintenance database, not the one that goes away. */
async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testInfra().adminDatabaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function countAsAdmin(sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: testInfra().adminDatabaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

describe('a service across a database outage', () => {
  it('reports the outage, refuses commands while it lasts, recovers by itself and loses no acknowledged command', async () => {
    const name = new URL(db.url).pathname.slice(1);
    const writer = startCaseWriter(service!.baseUrl, token);
    const { acknowledged } = writer;
    const output = () => service!.output();
    await eventuallyTrue(() => acknowledged.length >= 10, '10 cases before the outage', 60_000, output);
    const before = acknowledged.length;

    // The outage: every connection cut, new ones refused.
    await asAdmin(`alter database "${name}" with allow_connections false`);
    const outageAt = Date.now();
    // A connection still authenticating when the first terminate ran survives it: cut until none is left.
    await eventuallyTrue(
      async () => {
        await asAdmin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return (await countAsAdmin(`select count(*) as n from pg_stat_activity where datname = '${name}'`)) === 0;
      },
      'every connection of the database cut',
      20_000,
      output,
    );
    const cutAt = Date.now();
    await eventuallyTrue(async () => (await healthStatus(service!.baseUrl)) === 503, '/health to report Postgres down', 60_000, output);
    const detectedMs = Date.now() - outageAt;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - detectedMs)));
    const duringOutage = acknowledged.length - before;
    const healingAt = Date.now();
    await asAdmin(`alter database "${name}" with allow_connections true`);
    const healedAt = Date.now();
    await eventuallyTrue(async () => (await healthStatus(service!.baseUrl)) === 200, '/health to recover', 60_000, output);
    const recoveredMs = Date.now() - healedAt;
    const atHeal = acknowledged.length;
    await eventuallyTrue(() => acknowledged.length >= atHeal + 10, '10 cases after the outage', 60_000, output);
    await writer.stop();

    expect(process.kill(service!.pid, 0), 'the process is still running').toBe(true);
    // A command can only be acknowledged once its events are stored: none sent after every
    // connection was cut is answered before the database was let back in. (Commands sent
    // before the cut may still commit on a connection not yet terminated: that is not a loss.)
    const sentAndAnsweredInTheDark = acknowledged.filter((a) => a.sentAt >= cutAt && a.answeredAt < healingAt);
    expect(sentAndAnsweredInTheDark, 'acknowledged while no connection could be had').toEqual([]);
    expect(writer.refused()).toBeGreaterThan(0);

    const caseIds = acknowledged.map((a) => a.caseId);
    const { duplicates, cases } = await expectEveryCaseOnTheBus(ns, caseIds);
    console.log(
      `[postgres outage] ${OUTAGE_MS} ms without the database: ${acknowledged.length} cases acknowledged (${duringOutage} answered during the outage, every one sent before the last connection was cut), ${writer.refused()} command(s) refused, ` +
        `0 lost, ${duplicates} CloudEvent id(s) published twice; /health down after ${detectedMs} ms, up ${recoveredMs} ms after the database was back`,
    );
    reportFault({
      fault: `database cut for ${OUTAGE_MS / 1000} s (connections ended, new ones refused)`,
      test: 'tests/integration/postgres-outage.int.spec.ts',
      acknowledged: acknowledged.length,
      events: cases * 2,
      lost: 0,
      duplicatedEffects: 0,
      redelivered: duplicates,
      recoveredMs,
    });
  }, 240_000);
});
