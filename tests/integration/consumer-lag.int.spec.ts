// A projection that falls behind and catches up: the case view's process is stopped while
// the municipality goes on publishing, then started again. While it cannot apply what
// arrived (held back deterministically: the test holds a lock on the view's inbox table, so
// every apply waits), /projection/status says exactly how far behind it is and a read of a
// case it has not applied answers 503 rather than a stale or empty view; once let go it
// applies the whole backlog once and says it is level. No timing decides the outcome: the
// lag is asserted while it provably exists.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseOpenedV1 } from '@wcc/contracts';
import { signDevelopmentToken } from '@wcc/nest-kit';
import { connectedTestProducer, publishAsPartner } from '@wcc/service-testing';
import { createServiceDatabase, eventuallyTrue, reportFault, startServiceProcess, testNamespace, type ServiceDatabase, type ServiceProcess } from '@wcc/testing';

const BEFORE = 20;
const BACKLOG = 300;
const MUNICIPALITY = caseOpenedV1.example.municipalityId;
const SOURCE = 'urn:nld:oin:00000001823288444000:systeem:municipality';

const ns = testNamespace();
let database: ServiceDatabase | undefined;
let service: ServiceProcess | undefined;
let token = '';

interface Status {
  readonly totalLag: string;
  readonly items: number;
  readonly cases: number;
  readonly partitions: readonly { readonly topic: string; readonly lag: string }[];
}

async function status(): Promise<Status> {
  const response = await fetch(`${service!.baseUrl}/projection/status`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
  expect(response.status).toBe(200);
  return (await response.json()) as Status;
}

async function openCases(count: number): Promise<string[]> {
  const producer = await connectedTestProducer('lag-test-municipality');
  try {
    const caseIds: string[] = [];
    for (let i = 0; i < count; i++) {
      const caseId = randomUUID();
      await publishAsPartner(producer, ns, caseOpenedV1, { ...caseOpenedV1.example, caseId, clientKey: `ck_${caseId.replace(/-/g, '').slice(0, 20)}`, occurredAt: new Date().toISOString() }, SOURCE);
      caseIds.push(caseId);
    }
    return caseIds;
  } finally {
    await producer.disconnect();
  }
}

const start = () => startServiceProcess({ service: 'case-view', namespace: ns, databaseUrl: database!.url, startTimeoutMs: 180_000 });

beforeAll(async () => {
  database = await createServiceDatabase('case-view');
  service = await start();
  token = await signDevelopmentToken({ userId: 'regisseur-lag', organisationId: MUNICIPALITY, organisationType: 'municipality', roles: ['regisseur'] });
}, 240_000);

afterAll(async () => {
  await service?.stop();
  await database?.drop();
});

describe('a projection stopped, behind and catching up', () => {
  it('says how far behind it is while it is, refuses to answer for what it has not applied, and applies the backlog once', async () => {
    const output = () => service!.output();
    await openCases(BEFORE);
    await eventuallyTrue(
      async () => {
        const s = await status();
        return s.cases === BEFORE && s.totalLag === '0';
      },
      `${BEFORE} cases applied`,
      60_000,
      output,
    );

    // Stopped; the municipality goes on.
    await service!.stop();
    const backlog = await openCases(BACKLOG);

    // Started again, with every apply held back by a lock on its inbox: it can read the
    // broker but not commit what it read, so its committed offsets stay where they were.
    const holder = new pg.Client({ connectionString: database!.url });
    await holder.connect();
    let held = true;
    try {
      const { rows } = await holder.query<{ table_schema: string }>(`select table_schema from information_schema.tables where table_name = 'inbox'`);
      expect(rows.length, 'the case view has one inbox table').toBe(1);
      await holder.query('begin');
      await holder.query(`lock table ${rows[0]!.table_schema}.inbox in exclusive mode`);

      service = await start();
      const behind = await status();
      expect(behind.cases, 'nothing of the backlog applied while held').toBe(BEFORE);
      expect(BigInt(behind.totalLag), 'the lag it reports is the backlog').toBe(BigInt(BACKLOG));
      const read = await fetch(`${service.baseUrl}/cases/${backlog[BACKLOG - 1]}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(15_000) });
      expect(read.status, 'a case it has not applied: 503, not a stale view').toBe(503);
      expect(read.headers.get('content-type')).toContain('application/problem+json');

      const letGoAt = Date.now();
      await holder.query('commit');
      held = false;
      await eventuallyTrue(
        async () => {
          const s = await status();
          return s.cases === BEFORE + BACKLOG && s.totalLag === '0';
        },
        `the backlog of ${BACKLOG} applied`,
        120_000,
        output,
      );
      const caughtUpMs = Date.now() - letGoAt;
      const level = await status();
      expect(level.items, 'each event applied once').toBe(BEFORE + BACKLOG);
      const answered = await fetch(`${service.baseUrl}/cases/${backlog[BACKLOG - 1]}`, { headers: { authorization: `Bearer ${token}` } });
      expect(answered.status).toBe(200);
      console.log(
        `[consumer lag] case view stopped while ${BACKLOG} events arrived: /projection/status said lag ${behind.totalLag} (${behind.cases} cases) while held, a read of an unapplied case answered 503; ` +
          `level again ${caughtUpMs} ms after it was let go (${level.items} items, each once)`,
      );
      reportFault({
        fault: `case view stopped while ${BACKLOG} events arrived, restarted behind`,
        test: 'tests/integration/consumer-lag.int.spec.ts',
        acknowledged: BEFORE + BACKLOG,
        events: BEFORE + BACKLOG,
        lost: 0,
        duplicatedEffects: 0,
        redelivered: 0,
        recoveredMs: caughtUpMs,
      });
    } finally {
      if (held) await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
  }, 300_000);
});
