// Shared by the care-provider integration tests: boots the real app on an ephemeral
// port against this file's database and topic namespace, signs tokens, and plays the
// municipality and the insurer by producing their CloudEvents on their topics.
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  careClaimSettledV1,
  careFundingGrantedV1,
  clientReferredV1,
  insurerCaseEventsTopic,
  municipalityCaseEventsTopic,
  type CareClaimSettledV1,
  type CareFundingGrantedV1,
  type ClientReferredV1,
  type IntegrationEventDefinition,
} from '@wcc/contracts';
import type { OrganisationType } from '@wcc/domain-kit';
import { encodeCloudEvent } from '@wcc/messaging';
import { createServiceApp, signDevelopmentToken, type Role } from '@wcc/nest-kit';
import { testInfra, testKafka, type TestDatabase, type TestNamespace } from '@wcc/testing';
import { AppModule } from '../app.module';
import { careProviderService } from '../service';

export const PROVIDER = 'ggz-delfland';
export const OTHER_PROVIDER = 'ggz-rivierduinen';

export interface CareProviderTestApp {
  readonly app: NestExpressApplication;
  readonly baseUrl: string;
  readonly producer: Producer;
  close(): Promise<void>;
}

export async function startCareProvider(db: TestDatabase, ns: TestNamespace): Promise<CareProviderTestApp> {
  process.env['DATABASE_URL'] = db.url;
  process.env['KAFKA_BROKERS'] = testInfra().kafkaBrokers.join(',');
  process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
  process.env['KAFKA_GROUP_PREFIX'] = ns.groupPrefix;
  const app = await createServiceApp(AppModule, careProviderService);
  app.useLogger(['error', 'warn']);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const producer = testKafka('care-provider-test').producer();
  await producer.connect();
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    producer,
    async close() {
      await producer.disconnect();
      await app.close();
    },
  };
}

export function token(organisationId: string, roles: Role[], organisationType: OrganisationType = 'care-provider'): Promise<string> {
  return signDevelopmentToken({ userId: `${roles[0] ?? 'user'}@${organisationId}`, organisationId, organisationType, roles });
}

export interface Call {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly contentType: string | null;
}

export async function call(baseUrl: string, method: 'GET' | 'POST', path: string, bearer?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Call> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, contentType: response.headers.get('content-type') };
}

async function publish<T>(producer: Producer, ns: TestNamespace, topic: string, definition: IntegrationEventDefinition<T>, data: T, source: string): Promise<void> {
  const checked = definition.validate(data);
  if (!checked.ok) throw new Error(`test fixture does not fit ${definition.type}: ${JSON.stringify(checked.issues)}`);
  const caseId = definition.caseIdOf(data);
  await producer.send({
    topic: ns.topic(topic),
    messages: [
      encodeCloudEvent(
        { specversion: '1.0', id: randomUUID(), source, type: definition.type, time: new Date().toISOString(), datacontenttype: 'application/json', data },
        caseId,
      ),
    ],
  });
}

/** Plays the municipality: a ClientReferred to a care provider, with a fresh case and referral id. */
export async function referClient(producer: Producer, ns: TestNamespace, overrides: Partial<ClientReferredV1> = {}): Promise<ClientReferredV1> {
  const referral: ClientReferredV1 = {
    caseId: randomUUID(),
    clientKey: `ck_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    occurredAt: new Date().toISOString(),
    referralId: randomUUID(),
    fromOrganisationId: 'gemeente-rotterdam',
    toOrganisationId: PROVIDER,
    toOrganisationType: 'care-provider',
    route: 'ggz-screening',
    reason: 'Screening advice requested before choosing between IPS and regular reintegration.',
    replyDeadline: '2099-12-31',
    ...overrides,
  };
  await publish(producer, ns, municipalityCaseEventsTopic, clientReferredV1, referral, 'urn:nld:oin:gemeente-rotterdam:systeem:wcc-municipality');
  return referral;
}

/** Plays the insurer: grants a funding request. */
export async function grantFunding(producer: Producer, ns: TestNamespace, data: CareFundingGrantedV1): Promise<void> {
  await publish(producer, ns, insurerCaseEventsTopic, careFundingGrantedV1, data, 'urn:nld:oin:achmea:systeem:wcc-insurer');
}

/** Plays the insurer: settles a claim. */
export async function settleClaim(producer: Producer, ns: TestNamespace, data: CareClaimSettledV1): Promise<void> {
  await publish(producer, ns, insurerCaseEventsTopic, careClaimSettledV1, data, 'urn:nld:oin:achmea:systeem:wcc-insurer');
}

/** Polls until the condition holds. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every event the service stored: the 'nothing appended on refusal' check. */
export async function storedEventCount(db: TestDatabase): Promise<number> {
  const { rows } = await db.pool.query<{ n: string }>('select count(*) as n from event_store.events');
  return Number(rows[0]?.n ?? 0);
}
