// Shared by this library's integration tests: a small municipality-like context
// (one public domain event mapped to ClientReferred, one private one mapped to
// nothing) and a raw Kafka reader that sees exactly what is on the wire.
import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { clientReferredV1, type ClientReferredV1 } from '@wcc/contracts';
import type { EventMetadata } from '@wcc/domain-kit';
import { START, type EventStore, type NewEvent, type RecordedEvent } from '@wcc/event-store';
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
    // To the employer network: ClientReferred then goes on the chain topic only (see the
    // relay's audience test for one that fans out).
    toOrganisationId: 'wsp-utrecht',
    toOrganisationType: 'employer-network',
    route: 'matching',
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
  // A topic the relay creates with its first send may not exist yet: subscribe again, as the services' consumers do.
  for (let attempt = 1; ; attempt++) {
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      break;
    } catch (error) {
      if ((error as { retriable?: boolean }).retriable !== true || attempt >= 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
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
      await eventually(
        () => predicate(messages),
        timeoutMs,
        () => `only ${messages.length} message(s) arrived`,
      );
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

export interface SteadyWriter {
  /** Every appended event's id, in append order. */
  readonly appendedIds: readonly string[];
  /** Per case, how many referrals it was given (referral n carries "Referral n of this case."). */
  readonly perCase: ReadonlyMap<string, number>;
  /** Stops after the append in hand. */
  stop(): Promise<void>;
}

/** A steady writer for the fault tests: one referral every `everyMs`, round-robin over `cases`, until stopped. */
export function startSteadyWriter(store: Pick<EventStore, 'append'>, cases: readonly string[], everyMs: number): SteadyWriter {
  const appendedIds: string[] = [];
  const perCase = new Map(cases.map((c) => [c, 0]));
  let writing = true;
  const loop = (async () => {
    for (let i = 0; writing; i++) {
      const caseId = cases[i % cases.length]!;
      const n = (perCase.get(caseId) ?? 0) + 1;
      perCase.set(caseId, n);
      const event = referralRegistered(caseId, n);
      await store.append(`referral-${caseId}`, [event], 'any');
      appendedIds.push(event.id);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    appendedIds,
    perCase,
    stop: async () => {
      writing = false;
      await loop;
    },
  };
}

/**
 * The store's global log once it holds at least `count` events. Right after appending, a
 * read may show fewer: an open transaction anywhere on the server (another test file's)
 * holds the newest rows back until it ends (the xid8 rule that keeps the relay from
 * skipping a late commit), so a test that reads back what it appended waits for it.
 */
export async function readAllOnceVisible(store: Pick<EventStore, 'readAll'>, count: number, timeoutMs = 30_000): Promise<RecordedEvent[]> {
  let events: RecordedEvent[] = [];
  await eventually(
    async () => {
      events = (await store.readAll(START, Math.max(count, 1) * 2 + 1_000)).events;
      return events.length >= count;
    },
    timeoutMs,
    () => `the store's global log to show ${count} events (it shows ${events.length})`,
  );
  return events;
}
