// Shared by the case view's integration tests: the app booted in-process on its own
// database and topic prefix, the partners' events produced as their relays would
// (binary-mode CloudEvents keyed by case id), and a reader of what lands on a topic.
import type { Consumer, KafkaMessage, Producer } from 'kafkajs';
import { encodeCloudEvent } from '@wcc/messaging';
import { signDevelopmentToken, type TokenClaims } from '@wcc/nest-kit';
import { eventually, type TestDatabase, type TestNamespace } from '@wcc/testing';
import { connectedTestProducer, readTopic as readTopicFrom, startTestServiceApp, type TestServiceApp } from '@wcc/service-testing';
import { AppModule } from '../app.module';
import { caseViewService } from '../service';
import { cloudEventOf, organisations, type ScenarioEvent } from './case-scenario';

export function startCaseViewApp(db: TestDatabase, ns: TestNamespace): Promise<TestServiceApp> {
  return startTestServiceApp(AppModule, caseViewService, db, ns);
}

export const users = {
  regisseur: { userId: 'regisseur-17', organisationId: organisations.municipality, organisationType: 'municipality', roles: ['regisseur'] },
  screener: { userId: 'screener-3', organisationId: organisations.careProvider, organisationType: 'care-provider', roles: ['screener'] },
  accountManager: { userId: 'am-04', organisationId: organisations.employerNetwork, organisationType: 'employer-network', roles: ['account-manager'] },
  contractManager: { userId: 'cm-1', organisationId: organisations.insurer, organisationType: 'insurer', roles: ['contract-manager'] },
  otherInsurer: { userId: 'cm-9', organisationId: 'achmea', organisationType: 'insurer', roles: ['contract-manager'] },
  auditor: { userId: 'audit-1', organisationId: 'chain-audit', organisationType: 'chain', roles: ['auditor'] },
} satisfies Record<string, TokenClaims>;

export function tokenFor(claims: TokenClaims): Promise<string> {
  return signDevelopmentToken(claims);
}

export function connectedProducer(): Promise<Producer> {
  return connectedTestProducer('case-view-test-producer');
}

/** Publishes the events as their producers' relays would: on the prefixed contract topic, keyed by case id. */
export async function publish(producer: Producer, ns: TestNamespace, events: readonly ScenarioEvent[]): Promise<void> {
  for (const event of events) {
    const cloudEvent = cloudEventOf(event);
    await producer.send({ topic: ns.topic(event.definition.topic), acks: -1, messages: [encodeCloudEvent(cloudEvent, String(event.data['caseId']))] });
  }
}

export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

export async function get(baseUrl: string, path: string, token?: string): Promise<HttpAnswer> {
  const response = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, text };
}

/** Everything that appears on one physical topic from the start, as it arrives. */
export function readTopic(ns: TestNamespace, physicalTopic: string): Promise<{ messages: KafkaMessage[]; consumer: Consumer }> {
  return readTopicFrom(ns, physicalTopic, 'case-view-test-reader');
}

export function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  return eventually(async () => probe(), what, timeoutMs, 100);
}

/** Waits until the projection holds `items` items and has no lag left on any partition. */
export async function caughtUp(baseUrl: string, token: string, items: number): Promise<Record<string, unknown>> {
  return waitFor(`the projection to hold ${items} items with no lag`, async () => {
    const { body } = await get(baseUrl, '/projection/status', token);
    return body['items'] === items && body['totalLag'] === '0' ? body : undefined;
  });
}
