// A cohort of 60 clients driven through the real broker into the running outcomes
// service: every table it serves equals the table computed directly from the events
// sent (and its headline numbers equal those counted from the cohort's plans), and one
// project's answer withholds whatever the all-projects answer withholds; a second
// instance that replays the topics from the start into a fresh database serves
// identical tables; research consent decides who is in the research tables; a message
// that does not fit its contract goes to the dead-letter topic with the reason; and
// only a policy analyst of the chain gets an answer, bad queries a problem+json.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadLetterTopicOf, municipalityCaseEventsTopic } from '@wcc/contracts';
import { encodeCloudEvent } from '@wcc/messaging';
import { signDevelopmentToken } from '@wcc/nest-kit';
import { connectedTestProducer, startTestServiceApp } from '@wcc/service-testing';
import { kaplanMeier, monthsBetween, outcomeTable, parameters002_2016, suppressedOutcomeTable, suppressSmallCells, tableIds } from '@wcc/outcomes-domain';
import { readTopicsToEnd, testKafka, testNamespace, useTestDatabase, type TestDatabase } from '@wcc/testing';
import { AppModule } from './app.module';
import { factReaders } from './integration/fact-readers';
import { outcomesService } from './service';
import { eventsOf, foldCohortEvents, planCohort, type CohortEvent } from './testing/cohort';

const AS_OF = '2025-12-31';
const db = useTestDatabase();
const replayDb = useTestDatabase();
const ns = testNamespace();
const plans = planCohort(60, 7);
const sent: CohortEvent[] = plans.flatMap((p) => eventsOf(p, AS_OF));
const counted = sent.filter((e) => factReaders.get(e.definition.type)?.kind === 'read');
let app: NestExpressApplication | undefined;
let baseUrl = '';
let producer: Producer;
let analyst = '';

async function startApp(database: TestDatabase, groupPrefix: string): Promise<void> {
  // Same topics, own consumer group: a second group reads the topics from the start.
  ({ app, baseUrl } = await startTestServiceApp(AppModule, outcomesService, database, { ...ns, groupPrefix }, { quiet: true }));
}

async function until(database: TestDatabase, facts: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await database.pool.query<{ n: string }>('select count(*) as n from outcome_facts').catch(() => ({ rows: [{ n: '0' }] }));
    if (Number(r.rows[0]?.n) === facts) return;
    if (Number(r.rows[0]?.n) > facts) throw new Error(`more facts than sent: ${r.rows[0]?.n} > ${facts}`);
    if (Date.now() > deadline) throw new Error(`timed out at ${r.rows[0]?.n} of ${facts} facts`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const get = async (path: string, token = analyst) => {
  const response = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
};
const json = async (path: string) => {
  const r = await get(path);
  expect(r.status, r.text).toBe(200);
  return JSON.parse(r.text) as { rows: Record<string, unknown>[]; columns: { key: string }[] };
};

const suppress = (n: number) => (n > 0 && n < 5 ? null : n);

beforeAll(async () => {
  analyst = await signDevelopmentToken({ userId: 'analist-1', organisationId: 'keten-werk-en-zorg', organisationType: 'chain', roles: ['policy-analyst'] });
  await startApp(db, `${ns.groupPrefix}a-`);
  producer = await connectedTestProducer('outcomes-test-producer');
  const byTopic = new Map<string, CohortEvent[]>();
  for (const e of sent) byTopic.set(e.definition.topic, [...(byTopic.get(e.definition.topic) ?? []), e]);
  for (const [topic, events] of byTopic) {
    await producer.send({
      topic: ns.topic(topic),
      acks: -1,
      messages: events.map((e) =>
        encodeCloudEvent(
          {
            specversion: '1.0',
            id: e.id,
            source: `urn:nld:oin:test:${e.definition.producer}`,
            type: e.definition.type,
            time: String(e.data['occurredAt']),
            datacontenttype: 'application/json',
            data: e.data,
          },
          String(e.data['caseId']),
        ),
      ),
    });
  }
  // One that does not fit its contract: a ClientRegistered with a field the contract does not
  // have and no birth year. (Not a BSN: the audit tier finds any BSN on any topic, test input or not.)
  await producer.send({
    topic: ns.topic(municipalityCaseEventsTopic),
    acks: -1,
    messages: [
      encodeCloudEvent(
        {
          specversion: '1.0',
          id: '00000000-dead-4000-8000-000000000001',
          source: 'urn:nld:oin:test:municipality',
          type: sent[0]!.definition.type,
          time: '2025-01-01T00:00:00Z',
          datacontenttype: 'application/json',
          data: { caseId: '00000000-dead-4000-8000-000000000002', clientKey: 'ck_bad', occurredAt: '2025-01-01T00:00:00Z', favouriteColour: 'green' },
        },
        '00000000-dead-4000-8000-000000000002',
      ),
    ],
  });
  await until(db, counted.length);
}, 120_000);

afterAll(async () => {
  await producer?.disconnect();
  await app?.close();
});

describe('the outcomes service over the real bus', () => {
  it('holds every counted event once, and folds every case of the cohort', async () => {
    const r = await db.pool.query<{ n: string }>('select count(*) as n from outcome_trajectories');
    expect(Number(r.rows[0]?.n)).toBe(plans.length);
    expect(counted.length).toBeGreaterThan(plans.length * 5);
  });

  it('serves every table exactly as computed from the events sent, suppressed', async () => {
    const direct = foldCohortEvents(sent);
    for (const id of tableIds) {
      const served = await json(`/outcomes/tables/${id}?asOf=${AS_OF}`);
      const expected = JSON.parse(JSON.stringify(suppressSmallCells(outcomeTable(id, direct, { asOf: AS_OF, parameters: parameters002_2016 })))) as typeof served;
      expect(served, id).toEqual(expected);
    }
  });

  it('answers one project from the whole table’s suppression: no cell that the all-projects answer withholds', async () => {
    const direct = foldCohortEvents(sent);
    for (const id of tableIds) {
      const whole = await json(`/outcomes/tables/${id}?asOf=${AS_OF}`);
      for (const project of ['vip-amsterdam', 'ips-nhn', 'exit-rotterdam']) {
        const served = await json(`/outcomes/tables/${id}?asOf=${AS_OF}&project=${project}`);
        const expected = JSON.parse(JSON.stringify(suppressedOutcomeTable(id, direct, { asOf: AS_OF, parameters: parameters002_2016, project }))) as typeof served;
        expect(served, `${id} ${project}`).toEqual(expected);
        const mine = whole.rows.filter((r) => r['project'] === project || r['group'] === project);
        expect(mine.length, `${id} ${project}`).toBe(served.rows.length);
        served.rows.forEach((row, r) => {
          for (const c of served.columns) if (mine[r]![c.key] === null) expect(row[c.key], `${id} ${project} row ${r} ${c.key}`).toBeNull();
        });
      }
    }
  });

  it('counts the flow per project as the cohort’s plans say', async () => {
    const flow = await json(`/outcomes/tables/flow?asOf=${AS_OF}`);
    for (const project of ['vip-amsterdam', 'ips-nhn', 'exit-rotterdam']) {
      const mine = plans.filter((p) => p.project === project);
      const row = flow.rows.find((r) => r['group'] === project)!;
      expect(row['registered']).toBe(suppress(mine.length));
      expect(row['started']).toBe(suppress(mine.filter((p) => p.accepted).length));
      expect(row['placed']).toBe(suppress(mine.filter((p) => p.jobs.some((j) => j.startDate <= AS_OF)).length));
      expect(row['droppedOut']).toBe(suppress(mine.filter((p) => p.dropout && p.dropout.on <= AS_OF).length));
      expect(row['outflowDef2']).toBe(suppress(mine.filter((p) => p.benefitEnded && p.benefitEnded.reasonCode !== 'moved' && p.benefitEnded.on <= AS_OF).length));
    }
  });

  it('estimates time to work over clients with a research consent in force only (a withdrawal removes the client)', async () => {
    const km = await json(`/outcomes/tables/time-to-work?asOf=${AS_OF}`);
    let estimated = 0;
    for (const project of ['vip-amsterdam', 'ips-nhn', 'exit-rotterdam']) {
      const researched = plans.filter((p) => p.project === project && p.researchConsent && !(p.researchWithdrawn && p.startedOn <= AS_OF));
      const observations = researched.map((p) => {
        const job = p.jobs.find((j) => j.startDate <= AS_OF);
        if (job) return { time: monthsBetween(p.startedOn, job.startDate), event: true };
        const end = [AS_OF, p.dropout?.on, p.dropout ? p.dropout.on : undefined].filter((d): d is string => !!d && d <= AS_OF).sort()[0]!;
        return { time: monthsBetween(p.startedOn, end), event: false };
      });
      const curve = kaplanMeier(observations);
      const at12 = curve.steps.filter((s) => s.time <= 12).at(-1);
      const row = km.rows.find((r) => r['project'] === project && r['month'] === 12)!;
      const started = observations.filter((o) => o.event && o.time <= 12).length;
      expect(row['n']).toBe(suppress(researched.length));
      expect(row['startedByMonth']).toBe(suppress(started));
      // An estimate from 1–4 events is withheld with them (it would give the count away).
      if (suppress(started) === null) expect(row['incidence']).toBeNull();
      else {
        expect(row['incidence']).toBeCloseTo(1 - (at12?.survival ?? 1), 12);
        estimated++;
      }
      expect(researched.length).toBeLessThan(plans.filter((p) => p.project === project).length);
    }
    expect(estimated, 'at least one project with an estimate shown').toBeGreaterThan(0);
  });

  it('exports any table as CSV with withheld cells empty, and draws the charts as SVG', async () => {
    const r = await get(`/outcomes/tables/flow/csv?asOf=${AS_OF}`);
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/text\/csv/);
    const [header, ...rows] = r.text.trim().split('\n');
    expect(header).toMatch(/^group,registered,referred,screened,started,placed/);
    expect(rows.map((l) => l.split(',')[0])).toEqual(['exit-rotterdam', 'ips-nhn', 'vip-amsterdam']);
    for (const chart of ['time-to-work', 'job-loss', 'flow']) {
      const svg = await get(`/outcomes/charts/${chart}.svg?asOf=${AS_OF}`);
      expect(svg.status, chart).toBe(200);
      expect(svg.type).toMatch(/image\/svg\+xml/);
      expect(svg.text).toMatch(/^<svg [^>]*role="img"/);
    }
    expect((await get('/outcomes/charts/mkba.svg?project=ips-nhn')).text).toContain('zorgverzekeraar');
    expect((await get('/outcomes/charts/mkba.svg')).status).toBe(400);
  });

  it('serves the report’s Tables 9–12 reproduced and the consistency findings', async () => {
    const mkba = JSON.parse((await get('/outcomes/report/mkba?project=vip-amsterdam')).text) as { tables: { cells: { status: string }[] }[] };
    expect(mkba.tables[0]!.cells).toHaveLength(30);
    const consistency = JSON.parse((await get(`/outcomes/consistency?asOf=${AS_OF}`)).text) as { report: { findings: unknown[] }; live: { checks: number; findings: unknown[] } };
    expect(consistency.report.findings.length).toBeGreaterThan(10);
    expect(consistency.live.checks).toBeGreaterThan(0);
    expect(consistency.live.findings).toEqual([]);
  });

  it('answers only a policy analyst of the chain, and names a bad parameter in a problem+json', async () => {
    expect((await get('/outcomes/tables/flow', '')).status).toBe(401);
    const auditor = await signDevelopmentToken({ userId: 'a-1', organisationId: 'keten-werk-en-zorg', organisationType: 'chain', roles: ['auditor'] });
    expect((await get('/outcomes/tables/flow', auditor)).status).toBe(403);
    const bad = await get('/outcomes/tables/flow?asOf=yesterday&minCell=2&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.type).toMatch(/application\/problem\+json/);
    const problem = JSON.parse(bad.text) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['asOf', 'colour', 'minCell']);
    expect((await get('/outcomes/tables/nonsense')).status).toBe(404);
  });

  it('sends a message that does not fit its contract to the dead-letter topic with the reason', async () => {
    const snapshot = await readTopicsToEnd(testKafka('outcomes-dlt-reader'), [ns.topic(deadLetterTopicOf(municipalityCaseEventsTopic))], { timeoutMs: 30_000 });
    const letter = snapshot.messages.find((m) => m.headers['ce_id'] === '00000000-dead-4000-8000-000000000001');
    expect(letter, 'the bad message in the dead-letter topic').toBeDefined();
    expect(String(letter!.headers['dlq_reason'])).toMatch(/\/birthYear is required/);
    expect(String(letter!.headers['dlq_reason'])).toMatch(/\/favouriteColour is not part of this event type/);
  });

  it('serves identical tables after replaying the topics from the start into a fresh database', async () => {
    const before = new Map<string, string>();
    for (const id of tableIds) before.set(id, (await get(`/outcomes/tables/${id}?asOf=${AS_OF}`)).text);
    await app!.close();
    app = undefined;
    await startApp(replayDb, `${ns.groupPrefix}replay-`);
    await until(replayDb, counted.length);
    for (const id of tableIds) expect((await get(`/outcomes/tables/${id}?asOf=${AS_OF}`)).text, id).toBe(before.get(id));
  });
});
