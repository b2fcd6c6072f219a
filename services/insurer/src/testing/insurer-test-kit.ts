// Shared by the insurer's integration tests: the app booted in-process on its own
// database and topic prefix, CloudEvents produced as a care provider or employer
// network would, and a raw reader of what the insurer puts on its topic.
import type { Consumer, KafkaMessage, Producer } from 'kafkajs';
import type { IntegrationEventDefinition } from '@wcc/contracts';
import { signDevelopmentToken, type TokenClaims } from '@wcc/nest-kit';
import { eventually, type TestDatabase, type TestNamespace } from '@wcc/testing';
import { connectedTestProducer, publishAsPartner, readTopic as readTopicFrom, startTestServiceApp, type TestServiceApp } from '@wcc/service-testing';
import { AppModule } from '../app.module';
import { insurerService } from '../service';

export function startInsurerApp(db: TestDatabase, ns: TestNamespace): Promise<TestServiceApp> {
  return startTestServiceApp(AppModule, insurerService, db, ns);
}

export const contractManager = (organisationId = 'achmea'): TokenClaims => ({ userId: `cm-${organisationId}`, organisationId, organisationType: 'insurer', roles: ['contract-manager'] });

export function tokenFor(claims: TokenClaims): Promise<string> {
  return signDevelopmentToken(claims);
}

/** Produces `data` as `source`'s relay would (chain and audience topics, prefixed), keyed by case id, timed at its occurrence. */
export function produceCloudEvent<T>(producer: Producer, ns: TestNamespace, definition: IntegrationEventDefinition<T>, data: T, source: string): Promise<string> {
  return publishAsPartner(producer, ns, definition, data, source, { time: (data as { occurredAt: string }).occurredAt });
}

export function connectedProducer(): Promise<Producer> {
  return connectedTestProducer('insurer-test-producer');
}

/** Everything that appears on one physical topic from the start, as it arrives. */
export function readTopic(ns: TestNamespace, physicalTopic: string): Promise<{ messages: KafkaMessage[]; consumer: Consumer }> {
  return readTopicFrom(ns, physicalTopic, 'insurer-test-reader');
}

export function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  return eventually(async () => probe(), what, timeoutMs, 50);
}
