// Boots the exchange log in-process against this test file's own database and topic
// prefix, and publishes the chain's CloudEvents onto the prefixed topics the way the
// producers' relays do (encodeCloudEvent, keyed by case id).
import type { Producer } from 'kafkajs';
import type { OrganisationType } from '@wcc/domain-kit';
import { encodeCloudEvent, type CloudEvent } from '@wcc/messaging';
import { signDevelopmentToken, type Role } from '@wcc/nest-kit';
import { eventually, type TestDatabase, type TestNamespace } from '@wcc/testing';
import { connectedTestProducer, startTestServiceApp, type TestServiceApp } from '@wcc/service-testing';
import { AppModule } from '../app.module';
import { exchangeLogService } from '../service';
import type { FixtureEvent } from '@wcc/exchange-log-domain';

export function startExchangeLogApp(db: TestDatabase, ns: TestNamespace): Promise<TestServiceApp> {
  return startTestServiceApp(AppModule, exchangeLogService, db, ns);
}

export function connectedProducer(): Promise<Producer> {
  return connectedTestProducer('exchange-log-test-producer');
}

export function cloudEventOf(event: FixtureEvent): CloudEvent {
  return {
    specversion: '1.0',
    id: event.id,
    source: event.source,
    type: event.definition.type,
    time: event.time,
    datacontenttype: 'application/json',
    traceparent: event.traceparent,
    correlationid: event.id,
    data: event.data,
  };
}

export async function publish(producer: Producer, ns: TestNamespace, event: FixtureEvent): Promise<void> {
  await producer.send({ topic: ns.topic(event.definition.topic), acks: -1, messages: [encodeCloudEvent(cloudEventOf(event), String(event.data['caseId']))] });
}

export function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 45_000): Promise<T> {
  return eventually(probe, what, timeoutMs, 150);
}

export async function recordCount(db: TestDatabase): Promise<number> {
  const result = await db.pool.query<{ n: string }>('select count(*) as n from disclosure_records');
  return Number(result.rows[0]?.n ?? 0);
}

/** Waits until the log holds exactly `expected` records (and fails on more). */
export async function untilRecords(db: TestDatabase, expected: number): Promise<void> {
  await waitFor(async () => ((await recordCount(db)) >= expected ? true : undefined), `${expected} disclosure records`);
  const count = await recordCount(db);
  if (count !== expected) throw new Error(`Expected ${expected} disclosure records, found ${count}`);
}

export function tokenFor(organisationId: string, organisationType: OrganisationType, roles: Role[], userId = `${roles[0] ?? 'user'}-1`): Promise<string> {
  return signDevelopmentToken({ userId, organisationId, organisationType, roles });
}

export const auditorToken = () => tokenFor('keten-rijnmond', 'chain', ['auditor'], 'auditor-1');
export const privacyOfficerToken = () => tokenFor('keten-rijnmond', 'chain', ['privacy-officer'], 'fg-1');
