// Shared by this library's integration tests: a small municipality-like context
// (one public domain event mapped to ClientReferred, one private one mapped to
// nothing) and a raw Kafka reader that sees exactly what is on the wire.
import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { clientReferredV1, type ClientReferredV1 } from '@wcc/contracts';
import type { EventMetadata } from '@wcc/domain-kit';
import type { NewEvent, RecordedEvent } from '@wcc/event-store';
import { integrationMessage, type IntegrationMapping } from './outbox-relay';

export const TEST_SOURCE = 'urn:nld:oin:00000001002220647000:systeem:wcc-municipality-test';

/** A case id per test case, as the contract wants: a UUID. */
export function caseIds(n: number): string[] {
  return Array.from({ length: n }, () => randomUUID());
}

export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { userId: 'casemanager-1', organisationId: 'gemeente-utrecht', organisationType: 'municipality' },
    trace: { traceparent: `00-${randomUUID().replace(/-/g, '')}-${randomUUID().replace(/-/g, '').slice(0, 16)}-01`, tracestate: 'wcc=test' },
    ...overrides,
  };
}

/** The private domain event the mapping turns into ClientReferred. */
export interface ReferralRegistered {
  readonly caseId: string;
  readonly referralId: string;
  readonly sequenceInCase: number;
  /** Present only to let a test break the mapping on purpose. */
  readonly omitReason?: boolean;
}

export function referralRegistered(caseId: string, sequenceInCase: number, extra: Partial<ReferralRegistered> = {}): NewEvent<ReferralRegistered> {
  return {
    id: randomUUID(),
    type: 'ReferralRegistered',
    schemaVersion: 1,
    data: { caseId, referralId: randomUUID(), sequenceInCase, ...extra },
    metadata: metadata(),
  };
}

/** A private event: case notes never leave the context. */
export function caseNoteRecorded(caseId: string): NewEvent {
  return { id: randomUUID(), type: 'CaseNoteRecorded', schemaVersion: 1, data: { caseId, note: 'Cliënt sprak over medicatie.' }, metadata: metadata() };
}

export function clientReferredData(event: RecordedEvent): ClientReferredV1 {
  const data = event.data as ReferralRegistered;
  const referred: ClientReferredV1 = {
    caseId: data.caseId,
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: event.metadata.occurredAt,
    referralId: data.referralId,
    fromOrganisationId: 'gemeente-utrecht',
    toOrganisationId: 'ggz-delfland',
    toOrganisationType: 'care-provider',
    route: 'ggz-screening',
    reason: `Referral ${data.sequenceInCase} of this case.`,
    replyDeadline: '2025-03-17',
  };
  if (data.omitReason) {
    const { reason: _dropped, ...withoutReason } = referred;
    return withoutReason as ClientReferredV1;
  }
  return referred;
}

export const municipalityMapping: IntegrationMapping = (event) => {
  switch (event.type) {
    case 'ReferralRegistered':
      return [integrationMessage(clientReferredV1, clientReferredData(event))];
    default:
      return [];
  }
};

export interface WireMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly value: string | null;
  readonly raw: KafkaMessage;
}

/** Reads everything on the topics from the beginning, as a consumer on the other side would. */
export async function readWire(kafka: Kafka, topics: string[], groupId: string) {
  const messages: WireMessage[] = [];
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers ?? {})) if (value !== undefined) headers[name] = String(value);
      messages.push({ topic, partition, offset: message.offset, key: String(message.key), headers, value: message.value?.toString('utf8') ?? null, raw: message });
    },
  });
  return {
    messages,
    async until(predicate: (all: readonly WireMessage[]) => boolean, timeoutMs = 30_000): Promise<readonly WireMessage[]> {
      await eventually(() => predicate(messages), timeoutMs, () => `only ${messages.length} message(s) arrived`);
      return messages;
    },
    stop: () => consumer.disconnect(),
  };
}

/** Leaves the shared broker as it was found: every test topic makes its restarts slower. */
export async function deleteTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  if (topics.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [...topics] }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

/** Polls until the condition holds; fails with the description when it does not in time. */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000, describe: () => string = () => 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
