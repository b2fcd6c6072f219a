// The chain's services on a real three-broker cluster, as production runs Kafka: the
// municipality (its relay publishing) and the shared case view (its consumers projecting)
// as processes, their topics created by themselves with three replicas and
// min.insync.replicas 2, a steady writer of registrations over HTTP. One broker SIGKILLed:
// cases keep reaching the case view. A second one SIGKILLed: the municipality still
// answers (its store is the outbox) but nothing sent from then on reaches the case view,
// because nothing can be replicated to two brokers. Both restarted: every acknowledged case
// reaches the view, each once. Fault tier: three JVMs and two services want the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalCluster, type LocalCluster } from '@wcc/kafka-local/cluster';
import { signDevelopmentToken } from '@wcc/nest-kit';
import { eventuallyTrue, freeClusterPorts, printServiceOutput, reportFault, startServiceProcesses, testNamespace, type ServiceProcess } from '@wcc/testing';
import { startCaseWriter } from './case-writer';

const MUNICIPALITY = 'gemeente-amsterdam';

const ns = testNamespace();
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-chain-cluster-'));
let cluster: LocalCluster | undefined;
let municipality: ServiceProcess | undefined;
let caseView: ServiceProcess | undefined;
let clientManager = '';
let regisseur = '';

/** The case ids the case view has projected, read from its own tables (its HTTP answers 503 while it cannot reach the brokers). */
async function casesInView(): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: caseView!.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ case_id: string }>('select case_id from case_view.case_summaries');
    return new Set(rows.map((r) => r.case_id));
  } finally {
    await client.end();
  }
}

/** How many CaseOpened items each case has in the view's timeline. */
async function caseOpenedItemsPerCase(): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: caseView!.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ case_id: string; n: number }>(`select case_id, count(*)::int as n from case_view.timeline_entries where type like '%case-opened%' group by case_id`);
    return new Map(rows.map((r) => [r.case_id, r.n]));
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  cluster = await startLocalCluster({ ports: await freeClusterPorts(3), stateDir, ownerPid: process.pid });
  const kafkaBrokers = cluster.brokers;
  [municipality, caseView] = (await startServiceProcesses([
    { service: 'municipality', namespace: ns, kafkaBrokers, startTimeoutMs: 240_000, env: { KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '10000' } },
    { service: 'case-view', namespace: ns, kafkaBrokers, startTimeoutMs: 240_000, env: { KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '10000' } },
  ])) as [ServiceProcess, ServiceProcess];
  clientManager = await signDevelopmentToken({ userId: 'km-cluster', organisationId: MUNICIPALITY, organisationType: 'municipality', roles: ['client-manager'] });
  regisseur = await signDevelopmentToken({ userId: 'regisseur-cluster', organisationId: MUNICIPALITY, organisationType: 'municipality', roles: ['regisseur'] });
}, 400_000);

beforeEach(({ onTestFailed }) => {
  onTestFailed(() => printServiceOutput([municipality, caseView]));
});

afterAll(async () => {
  await Promise.all([municipality?.stop(), caseView?.stop()]);
  await cluster?.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
}, 180_000);

describe('the chain on a three-broker cluster', () => {
  it('keeps flowing with one broker down, holds back what cannot be replicated with two down, and delivers every acknowledged case once after healing', async () => {
    const writer = startCaseWriter(municipality!.baseUrl, clientManager, { pauseMs: 50 });
    const { acknowledged } = writer;
    const output = () => `${municipality!.output().split('\n').slice(-20).join('\n')}\n${caseView!.output().split('\n').slice(-20).join('\n')}`;
    const viewHas = async (n: number) => {
      const ids = await casesInView();
      return acknowledged.slice(0, n).every((a) => ids.has(a.caseId));
    };

    await eventuallyTrue(() => acknowledged.length >= 10, '10 cases acknowledged on the healthy cluster', 60_000, output);
    await eventuallyTrue(() => viewHas(10), 'the first 10 cases in the case view', 90_000, output);

    // One broker down: after the controller fences it, cases flow again.
    const [first, second] = [cluster!.nodes[0]!, cluster!.nodes[1]!];
    await first.kill();
    const oneDownAt = Date.now();
    const atOneDown = acknowledged.length;
    await eventuallyTrue(() => acknowledged.length >= atOneDown + 10, '10 more cases acknowledged with one broker down', 90_000, output);
    await eventuallyTrue(() => viewHas(atOneDown + 10), 'cases sent with one broker down in the case view', 120_000, output);
    const oneDownFlowMs = Date.now() - oneDownAt;

    // Two down: one replica left, below min.insync.replicas; nothing new can be committed.
    await second.kill();
    const twoDownAt = Date.now();
    const atTwoDown = acknowledged.length;
    await eventuallyTrue(() => acknowledged.length >= atTwoDown + 10, '10 cases acknowledged by the municipality with two brokers down', 90_000, output);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const sentInTheDark = acknowledged.filter((a) => a.sentAt >= twoDownAt);
    const inViewBeforeHealing = await casesInView();
    const healingAt = Date.now();
    expect(
      sentInTheDark.filter((a) => inViewBeforeHealing.has(a.caseId)).map((a) => a.caseId),
      'in the view although sent with only one broker alive',
    ).toEqual([]);

    // The writer stops here so the healing has a fixed backlog to deliver.
    await writer.stop();
    await Promise.all([first.start(), second.start()]);
    await eventuallyTrue(() => viewHas(acknowledged.length), `all ${acknowledged.length} acknowledged cases in the case view after healing`, 180_000, output);
    const healedMs = Date.now() - healingAt;

    expect(process.kill(municipality!.pid, 0) && process.kill(caseView!.pid, 0), 'both services still running').toBe(true);
    // A case's summary row can land a moment before its CaseOpened timeline item (two messages):
    // wait until every acknowledged case has one, then count that none has two.
    await eventuallyTrue(
      async () => {
        const items = await caseOpenedItemsPerCase();
        return acknowledged.every((a) => (items.get(a.caseId) ?? 0) >= 1);
      },
      'a CaseOpened item for every acknowledged case',
      60_000,
      output,
    );
    const opened = await caseOpenedItemsPerCase();
    expect(
      acknowledged.filter((a) => opened.get(a.caseId) !== 1).map((a) => `${a.caseId}: ${opened.get(a.caseId) ?? 0}`),
      'each case opened once in the view',
    ).toEqual([]);
    const last = acknowledged.at(-1)!;
    const read = await fetch(`${caseView!.baseUrl}/cases/${last.caseId}`, { headers: { authorization: `Bearer ${regisseur}` } });
    expect(read.status, 'the view answers again after healing').toBe(200);
    console.log(
      `[chain on cluster] 3 brokers, RF 3, min.insync 2; municipality + case view as processes: ${acknowledged.length} cases acknowledged, ${writer.refused()} refused; ` +
        `one broker killed: flowing to the view again within ${oneDownFlowMs} ms; two killed: ${sentInTheDark.length} sent and acknowledged by the municipality, 0 of them in the view before healing; ` +
        `healed: every case in the view ${healedMs} ms after the restart began, each once`,
    );
    reportFault({
      fault: 'three brokers: one SIGKILLed, then a second, both restarted (municipality and case view)',
      test: 'tests/integration/chain-on-cluster.broker-restart.int.spec.ts',
      acknowledged: acknowledged.length,
      events: acknowledged.length * 2,
      lost: 0,
      duplicatedEffects: 0,
      redelivered: 0,
      recoveredMs: healedMs,
    });
  }, 600_000);
});
