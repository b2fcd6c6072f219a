// Dead letters for the people who run the chain: what was refused, by which consumer
// group, why, and — once the cause is fixed — sending it back to the topic it came from.
// A replayed message keeps its key, value and CloudEvent headers, so every consumer's
// inbox recognises it: a group that had processed it skips it as a duplicate, the group
// that dead-lettered it gets it again. Used by `npm run dlt`.
import type { Kafka } from 'kafkajs';
import { readTopicsToEnd, type SnapshotMessage } from '@wcc/runtime';

export interface DeadLetter {
  /** Where the dead letter is: `<dead-letter topic>:<partition>:<offset>`, the id `replay` takes. */
  readonly id: string;
  readonly deadLetterTopic: string;
  readonly partition: number;
  readonly offset: string;
  readonly reason: string;
  readonly consumerGroup: string;
  readonly originalTopic: string;
  readonly originalPartition: string;
  readonly originalOffset: string;
  readonly key: string | null;
  readonly cloudEventId: string | null;
  readonly cloudEventType: string | null;
  /** How often it was replayed before it came back here (from `dlq_replay_count`). */
  readonly replays: number;
}

const DLT_SUFFIX = '.dlt';
const dlqHeaders = ['dlq_reason', 'dlq_original_topic', 'dlq_original_partition', 'dlq_original_offset', 'dlq_consumer_group'];

function text(value: string | readonly string[] | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  return value.at(-1) ?? null;
}

function deadLetterOf(message: SnapshotMessage): DeadLetter {
  const h = message.headers;
  return {
    id: `${message.topic}:${message.partition}:${message.offset}`,
    deadLetterTopic: message.topic,
    partition: message.partition,
    offset: message.offset,
    reason: text(h['dlq_reason']) ?? '(no reason recorded)',
    consumerGroup: text(h['dlq_consumer_group']) ?? '',
    originalTopic: text(h['dlq_original_topic']) ?? message.topic.slice(0, -DLT_SUFFIX.length),
    originalPartition: text(h['dlq_original_partition']) ?? '',
    originalOffset: text(h['dlq_original_offset']) ?? '',
    key: message.key,
    cloudEventId: text(h['ce_id']),
    cloudEventType: text(h['ce_type']),
    replays: Number(text(h['dlq_replay_count']) ?? 0),
  };
}

/** The dead-letter topics on the broker, optionally only those whose name starts with `prefix`. */
export async function deadLetterTopics(kafka: Kafka, prefix = ''): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).filter((t) => t.endsWith(DLT_SUFFIX) && t.startsWith(prefix)).sort();
  } finally {
    await admin.disconnect();
  }
}

/** Every dead letter on `topics` (default: every dead-letter topic), oldest first per partition. */
export async function listDeadLetters(kafka: Kafka, topics?: readonly string[]): Promise<{ letters: DeadLetter[]; raw: Map<string, SnapshotMessage>; complete: boolean }> {
  const wanted = topics ?? (await deadLetterTopics(kafka));
  if (wanted.length === 0) return { letters: [], raw: new Map(), complete: true };
  const snapshot = await readTopicsToEnd(kafka, wanted, { timeoutMs: 60_000 });
  const raw = new Map(snapshot.messages.map((m) => [`${m.topic}:${m.partition}:${m.offset}`, m]));
  return { letters: snapshot.messages.map(deadLetterOf), raw, complete: snapshot.unfinished.length === 0 };
}

/**
 * Sends dead letters back to their original topics, with their key, value and headers
 * (the dead-letter headers left out, a replay count and the dead letter's id added).
 * Resolves to the ids replayed; throws on an id that is not on the broker.
 */
export async function replayDeadLetters(kafka: Kafka, ids: readonly string[]): Promise<string[]> {
  const topics = [...new Set(ids.map((id) => id.split(':')[0]!))];
  const { raw } = await listDeadLetters(kafka, topics);
  const missing = ids.filter((id) => !raw.has(id));
  if (missing.length > 0) throw new Error(`no dead letter ${missing.join(', ')} on the broker`);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const id of ids) {
      const message = raw.get(id)!;
      const letter = deadLetterOf(message);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers)) {
        if (dlqHeaders.includes(name) || name === 'dlq_replay_count' || name === 'dlq_replayed_from') continue;
        const one = text(value);
        if (one !== null) headers[name] = one;
      }
      headers['dlq_replay_count'] = String(letter.replays + 1);
      headers['dlq_replayed_from'] = id;
      await producer.send({ topic: letter.originalTopic, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
    }
  } finally {
    await producer.disconnect();
  }
  return [...ids];
}
