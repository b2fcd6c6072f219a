// Shared by the employer network's integration tests: the app booted in-process on its
// own database and topic prefix, a municipality that refers clients over Kafka, and
// small HTTP helpers.
import { randomUUID } from 'node:crypto';
import type { Consumer, KafkaMessage, Producer } from 'kafkajs';
import { clientReferredForMatchingV1, type ClientReferredForMatchingV1 } from '@wcc/contracts';
import { signDevelopmentToken, type TokenClaims } from '@wcc/nest-kit';
import { eventually, type TestDatabase, type TestNamespace } from '@wcc/testing';
import { connectedTestProducer, publishAsPartner, readTopic as readTopicFrom, startTestServiceApp, type TestServiceApp } from '@wcc/service-testing';
import { AppModule, employerNetworkService } from '../app.module';

export const MUNICIPALITY_SOURCE = 'urn:nld:oin:00000001002220647000:systeem:wcc-municipality';

export function startEmployerNetworkApp(db: TestDatabase, ns: TestNamespace): Promise<TestServiceApp> {
  return startTestServiceApp(AppModule, employerNetworkService, db, ns);
}

export const accountManager = (organisationId = 'wsp-rijnmond'): TokenClaims => ({
  userId: `am-${organisationId}`,
  organisationId,
  organisationType: 'employer-network',
  roles: ['account-manager'],
});
export const clientManager: TokenClaims = { userId: 'km-1', organisationId: 'gemeente-rotterdam', organisationType: 'municipality', roles: ['client-manager'] };

export function tokenFor(claims: TokenClaims): Promise<string> {
  return signDevelopmentToken(claims);
}

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: T;
}

/** A JSON request; `token` undefined sends none. */
export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: (text ? JSON.parse(text) : undefined) as T };
}

export function connectedProducer(): Promise<Producer> {
  return connectedTestProducer('employer-network-test-producer');
}

export function referral(caseId: string, overrides: Partial<ClientReferredForMatchingV1> = {}): ClientReferredForMatchingV1 {
  return {
    caseId,
    clientKey: `ck_${caseId.replace(/-/g, '').slice(0, 20)}`,
    occurredAt: new Date().toISOString(),
    referralId: randomUUID(),
    fromOrganisationId: 'gemeente-rotterdam',
    toOrganisationId: 'wsp-rijnmond',
    reason: 'Ready for work after the ExIT programme; wants a job in food.',
    replyDeadline: '2099-12-31',
    ...overrides,
  };
}

/** Publishes the employer network's copy of a referral (ClientReferredForMatching) as the municipality would; returns the CloudEvent id. */
export function publishReferral(producer: Producer, ns: TestNamespace, data: ClientReferredForMatchingV1): Promise<string> {
  return publishAsPartner(producer, ns, clientReferredForMatchingV1, data, MUNICIPALITY_SOURCE, { time: data.occurredAt });
}

export function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  return eventually(async () => probe(), what, timeoutMs, 50);
}

/** Refers a case over Kafka and waits until it is in the account manager's matching list. */
export async function referCase(baseUrl: string, token: string, producer: Producer, ns: TestNamespace, data: ClientReferredForMatchingV1): Promise<Record<string, unknown>> {
  await publishReferral(producer, ns, data);
  return waitFor(`case ${data.caseId} in the matching list`, async () => {
    const list = await call<Record<string, unknown>[]>(baseUrl, 'GET', '/matchings', token);
    return list.body.find((row) => row['caseId'] === data.caseId && row['referralId'] === data.referralId);
  });
}

/** Everything that appears on one physical topic from the start, as it arrives. */
export function readTopic(ns: TestNamespace, physicalTopic: string): Promise<{ messages: KafkaMessage[]; consumer: Consumer }> {
  return readTopicFrom(ns, physicalTopic, 'employer-network-test-reader');
}
