// Reads topics from the beginning up to where they ended when reading started: a
// bounded snapshot (not a subscription), so a test — or an operator's tool such as the
// dead-letter command — can say "every message that was on these topics" and finish even
// while others keep producing.
import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';

export interface SnapshotMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  /** Header values as UTF-8 text; a header sent more than once keeps every value. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly value: string | null;
}

export interface TopicSnapshot {
  readonly messages: SnapshotMessage[];
  /** Partitions that had messages when reading started. */
  readonly partitions: number;
  /** Partitions not read up to their starting high watermark before the time limit; empty when complete. */
  readonly unfinished: readonly { topic: string; partition: number; readUpTo: string; highWatermark: string }[];
}

export interface SnapshotOptions {
  /** Consumer group to read with; a fresh one by default (deleted afterwards). */
  readonly groupId?: string;
  /** Stop reading after this long, complete or not (see `unfinished`). Default 120 s. */
  readonly timeoutMs?: number;
}

function headerTexts(headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined): Record<string, string | string[]> {
  const texts: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    texts[name] = Array.isArray(value) ? value.map((v) => v.toString()) : value.toString();
  }
  return texts;
}

/**
 * Runs `read` again while the broker answers with a retriable error (a partition whose leader
 * is still being elected, as just after a broker restart: NOT_LEADER_OR_FOLLOWER), for at most
 * `withinMs`; any other error, or the last one, is thrown.
 */
async function whileLeadersMove<T>(read: () => Promise<T>, withinMs: number): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if ((error as { retriable?: boolean }).retriable !== true || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** Every message on `topics` from the earliest retained offset up to each partition's high watermark at the start. */
export async function readTopicsToEnd(kafka: Kafka, topics: readonly string[], options: SnapshotOptions = {}): Promise<TopicSnapshot> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const groupId = options.groupId ?? `wcc-snapshot-${randomBytes(6).toString('hex')}`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Where each partition ends now; only partitions with something on them are read.
    const targets = new Map<string, { topic: string; partition: number; high: bigint; readUpTo: bigint }>();
    for (let i = 0; i < topics.length; i += 20) {
      const chunk = topics.slice(i, i + 20);
      const offsets = await Promise.all(chunk.map(async (topic) => ({ topic, partitions: await whileLeadersMove(() => admin.fetchTopicOffsets(topic), timeoutMs) })));
      for (const { topic, partitions } of offsets) {
        for (const p of partitions) {
          const high = BigInt(p.high);
          if (high > BigInt(p.low)) targets.set(`${topic}/${p.partition}`, { topic, partition: p.partition, high, readUpTo: BigInt(p.low) });
        }
      }
    }
    const messages: SnapshotMessage[] = [];
    const remaining = new Set(targets.keys());
    const partitions = targets.size;
    if (remaining.size > 0) {
      const wanted = [...new Set([...targets.values()].map((t) => t.topic))];
      const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
      await consumer.connect();
      try {
        await consumer.subscribe({ topics: wanted, fromBeginning: true });
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, timeoutMs);
          consumer
            .run({
              autoCommit: false,
              eachBatch: async ({ batch }) => {
                const id = `${batch.topic}/${batch.partition}`;
                const target = targets.get(id);
                if (!target) return;
                for (const message of batch.messages) {
                  const offset = BigInt(message.offset);
                  // Only what was there at the start: later messages belong to the next reader.
                  if (offset >= target.high) break;
                  messages.push({
                    topic: batch.topic,
                    partition: batch.partition,
                    offset: message.offset,
                    key: message.key?.toString() ?? null,
                    headers: headerTexts(message.headers),
                    value: message.value?.toString() ?? null,
                  });
                }
                const next = BigInt(batch.lastOffset()) + 1n;
                if (next > target.readUpTo) target.readUpTo = next;
                if (target.readUpTo >= target.high && remaining.delete(id) && remaining.size === 0) {
                  clearTimeout(timer);
                  resolve();
                }
              },
            })
            .catch(reject);
        });
      } finally {
        await consumer.disconnect();
      }
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    const unfinished = [...remaining].map((id) => {
      const t = targets.get(id)!;
      return { topic: t.topic, partition: t.partition, readUpTo: String(t.readUpTo), highWatermark: String(t.high) };
    });
    return { messages, partitions, unfinished };
  } finally {
    await admin.disconnect();
  }
}
