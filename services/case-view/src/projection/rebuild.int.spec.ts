// A rebuild from the topics yields exactly the rows the live projection built, and
// projecting a message again changes nothing, also without the inbox. Real broker,
// real database; the live app keeps projecting after a rebuild.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Producer } from 'kafkajs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientRegisteredV1 } from '@wcc/contracts';
import { encodeCloudEvent, type ReceivedIntegrationEvent } from '@wcc/messaging';
import { testInfra, testKafka, testNamespace, useTestDatabase } from '@wcc/testing';
import { openCaseViewDataSource } from '../persistence/case-view-data-source';
import { caseScenario, cloudEventOf, type ScenarioEvent } from '../testing/case-scenario';
import { caughtUp, connectedProducer, get, publish, startCaseViewApp, tokenFor, users } from '../testing/case-view-test-kit';
import { CaseProjector } from './case-projector';
import { projectedTopics } from './projected-topics';
import { rebuildCaseView, type RebuildProgress } from './rebuild';

const db = useTestDatabase();
const ns = testNamespace();
const first = caseScenario();
const second = caseScenario();
const events: ScenarioEvent[] = [...first.events, ...second.events, first.withdrawal()];

let app: NestExpressApplication;
let baseUrl: string;
let producer: Producer;
let dataSource: DataSource;
let token: string;

/** Every projected row, in a stable order; the checkpoint's wall-clock time left out. */
async function rows() {
  const query = async (sql: string) => (await db.pool.query(sql)).rows as unknown[];
  return {
    timeline: await query('select * from case_view.timeline_entries order by event_id'),
    consents: await query('select * from case_view.consents order by case_id, consent_id'),
    summaries: await query('select * from case_view.case_summaries order by case_id'),
    checkpoints: await query('select topic, "partition", last_offset, last_event_id from case_view.partition_checkpoints order by topic, "partition"'),
  };
}

function rebuild(progress: RebuildProgress[] = []) {
  return rebuildCaseView({
    pool: db.pool,
    projector: new CaseProjector(dataSource),
    kafka: testKafka('case-view-rebuild-test'),
    topics: projectedTopics.map((t) => ns.topic(t)),
    groupPrefix: ns.groupPrefix,
    onProgress: (p) => progress.push(p),
  });
}

beforeAll(async () => {
  ({ app, baseUrl } = await startCaseViewApp(db, ns));
  dataSource = await openCaseViewDataSource(db.url);
  producer = await connectedProducer();
  token = await tokenFor(users.regisseur);
  await publish(producer, ns, events);
  // One message the edge refuses: the rebuild must skip it just as the live consumer dead-lettered it.
  const invalid = { ...first.events[0]!, id: crypto.randomUUID(), data: { ...first.events[0]!.data, sex: 'unknown' } };
  await producer.send({ topic: ns.topic(clientRegisteredV1.topic), acks: -1, messages: [encodeCloudEvent(cloudEventOf(invalid), first.caseId)] });
  await caughtUp(baseUrl, token, events.length);
});

afterAll(async () => {
  await producer?.disconnect();
  await dataSource?.destroy();
  await app?.close();
});

describe('rebuild', () => {
  it('yields the same rows as the live projection, and reports its progress', async () => {
    const live = await rows();
    expect(live.timeline).toHaveLength(events.length);
    expect(live.summaries).toHaveLength(2);

    const progress: RebuildProgress[] = [];
    const result = await rebuild(progress);

    expect(await rows()).toEqual(live);
    expect(result).toMatchObject({ phase: 'done', read: events.length + 1, total: events.length + 1, items: events.length, skipped: 1, cases: 2 });
    expect(progress.map((p) => p.phase)).toEqual(['reading', 'folding', 'done']);
  });

  it('rebuilds from nothing: an emptied projection comes back row for row', async () => {
    const live = await rows();
    await db.pool.query('truncate case_view.timeline_entries, case_view.consents, case_view.case_summaries, case_view.partition_checkpoints');
    expect((await get(baseUrl, `/cases/${first.caseId}`, token)).status).toBe(404);
    await rebuild();
    expect(await rows()).toEqual(live);
    expect((await get(baseUrl, `/cases/${first.caseId}`, token)).status).toBe(200);
  });

  it('leaves the live projection running: what arrives afterwards is projected', async () => {
    await rebuild();
    const later = caseScenario();
    await publish(producer, ns, later.events.slice(0, 3));
    await caughtUp(baseUrl, token, events.length + 3);
    expect((await get(baseUrl, `/cases/${later.caseId}`, token)).status).toBe(200);
  });

  it('runs as a command with a progress line', async () => {
    const before = await rows();
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, '..', 'rebuild.ts')], {
      cwd: path.resolve(__dirname, '..', '..', '..', '..'),
      env: { ...process.env, DATABASE_URL: db.url, KAFKA_BROKERS: testInfra().kafkaBrokers.join(','), KAFKA_TOPIC_PREFIX: ns.topicPrefix, KAFKA_GROUP_PREFIX: ns.groupPrefix },
      timeout: 120_000,
    });
    expect(stdout).toMatch(/case-view rebuild: read \d+\/\d+ messages \(\d+%\)/);
    expect(stdout).toMatch(new RegExp(`case-view rebuild: done: ${events.length + 4} messages, ${events.length + 3} items, 3 cases, 1 skipped`));
    expect(await rows()).toEqual(before);
  }, 180_000);
});

describe('projecting a message again', () => {
  it('changes nothing, even without the inbox', async () => {
    const projector = new CaseProjector(dataSource);
    const fresh = caseScenario().events[0]!;
    const received: ReceivedIntegrationEvent = {
      cloudEvent: cloudEventOf(fresh),
      definition: fresh.definition,
      data: fresh.data,
      topic: ns.topic(fresh.definition.topic),
      partition: 0,
      offset: '999999',
      key: String(fresh.data['caseId']),
    };
    const apply = async () => {
      const client = await db.pool.connect();
      try {
        await client.query('begin');
        const outcome = await projector.project(received, client);
        await client.query('commit');
        return outcome;
      } finally {
        client.release();
      }
    };
    expect(await apply()).toBe('projected');
    const once = await rows();
    expect(await apply()).toBe('duplicate');
    expect(await rows()).toEqual(once);
  });
});
