// Reads one topic from the start, as a partner's consumer would, until `enough` holds. Each
// CloudEvent id counts once: the relay delivers at least once (a failed send is sent again
// whole, see OutboxRelay), and a consumer's inbox drops the repeats, so the tests do too.
import { randomUUID } from 'node:crypto';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { decodeCloudEvent, type CloudEvent } from '@wcc/messaging';
import { testKafka, type TestNamespace } from '@wcc/testing';

export interface Consumed {
  readonly key: string | null;
  readonly headers: IHeaders;
  readonly value: string;
  readonly cloudEvent: CloudEvent;
}

export async function consumeUntil(ns: TestNamespace, topic: string, enough: (messages: readonly Consumed[]) => boolean, timeoutMs = 45_000): Promise<Consumed[]> {
  const consumer = testKafka('municipality-test-reader').consumer({ groupId: ns.group(`reader-${randomUUID()}`) });
  const messages: Consumed[] = [];
  const seen = new Set<string>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out reading ${topic}; got ${messages.map((m) => m.cloudEvent.type).join(', ')}`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }: { message: KafkaMessage }) => {
          const decoded = decodeCloudEvent(message);
          if (!decoded.ok) throw new Error(`not a CloudEvent: ${decoded.reason}`);
          if (seen.has(decoded.event.id)) return;
          seen.add(decoded.event.id);
          messages.push({ key: message.key?.toString() ?? null, headers: message.headers ?? {}, value: message.value?.toString() ?? '', cloudEvent: decoded.event });
          if (enough(messages)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}
