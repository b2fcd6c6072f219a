// Rebuilds the read models from scratch: reads every partner topic from its first
// offset up to the high watermark taken when the rebuild began, inserts each valid
// message as a timeline row (the same edge checks as the live consumer: a CloudEvent,
// a known type, data that fits its contract), then folds every case once. All of it in
// one transaction that holds the rebuild lock, so readers keep seeing the old rows
// until the new ones commit and the live consumer waits instead of writing in between;
// anything it applied before the lock is below the watermark and so in the rebuild.
import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import type pg from 'pg';
import { findIntegrationEvent } from '@wcc/contracts';
import { decodeCloudEvent, type ReceivedIntegrationEvent } from '@wcc/messaging';
import { REBUILD_LOCK_KEY, type CaseProjector } from './case-projector';

export interface RebuildProgress {
  readonly phase: 'reading' | 'folding' | 'done';
  readonly read: number;
  readonly total: number;
  readonly items: number;
  readonly cases: number;
  readonly skipped: number;
}

export interface RebuildOptions {
  readonly pool: pg.Pool;
  readonly projector: CaseProjector;
  readonly kafka: Pick<Kafka, 'consumer' | 'admin'>;
  /** Physical topic names (with the environment's prefix). */
  readonly topics: readonly string[];
  /** A throwaway consumer group is made under this prefix and deleted afterwards. */
  readonly groupPrefix?: string;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

/** Reads a message the way the live consumer's edge does; undefined for what it would dead-letter. */
export function receivedFrom(topic: string, partition: number, message: KafkaMessage): ReceivedIntegrationEvent | undefined {
  const decoded = decodeCloudEvent(message);
  if (!decoded.ok) return undefined;
  const definition = findIntegrationEvent(decoded.event.type);
  if (!definition) return undefined;
  const checked = definition.validate(decoded.event.data);
  if (!checked.ok) return undefined;
  return { cloudEvent: decoded.event, definition, data: checked.value, topic, partition, offset: message.offset, key: message.key === null ? null : message.key.toString('utf8') };
}

export async function rebuildCaseView(options: RebuildOptions): Promise<RebuildProgress> {
  const { pool, projector, kafka, topics } = options;
  const report = options.onProgress ?? (() => undefined);
  const client = await pool.connect();
  let progress: RebuildProgress = { phase: 'reading', read: 0, total: 0, items: 0, cases: 0, skipped: 0 };
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [REBUILD_LOCK_KEY]);
    await client.query('truncate case_view.timeline_entries, case_view.consents, case_view.case_summaries, case_view.partition_checkpoints');

    // Watermarks after the lock: whatever the live consumer committed lies below them.
    const admin = kafka.admin();
    await admin.connect();
    const targets = new Map<string, bigint>();
    try {
      for (const topic of topics) {
        for (const p of await admin.fetchTopicOffsets(topic)) {
          const low = BigInt(p.low);
          const high = BigInt(p.high);
          if (high > low) targets.set(`${topic}#${p.partition}`, high);
          progress = { ...progress, total: progress.total + Number(high - low) };
        }
      }
    } finally {
      await admin.disconnect();
    }
    report(progress);

    const manager = projector.managerOn(client);
    const caseIds = new Set<string>();
    if (targets.size > 0) {
      const groupId = `${options.groupPrefix ?? ''}case-view.rebuild.${randomUUID()}`;
      const consumer = kafka.consumer({ groupId });
      let finish: () => void = () => undefined;
      let fail: (error: unknown) => void = () => undefined;
      const finished = new Promise<void>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
      await consumer.connect();
      try {
        await consumer.subscribe({ topics: [...topics], fromBeginning: true });
        await consumer.run({
          autoCommit: false,
          eachBatch: async (payload) => {
            const { batch } = payload;
            try {
              const key = `${batch.topic}#${batch.partition}`;
              const target = targets.get(key);
              if (target === undefined) return;
              for (const message of batch.messages) {
                if (BigInt(message.offset) >= target) break;
                const received = receivedFrom(batch.topic, batch.partition, message);
                const entry = received ? projector.entryOf(received) : undefined;
                if (received && entry) {
                  if (await projector.insert(manager, entry, received)) progress = { ...progress, items: progress.items + 1 };
                  caseIds.add(entry.caseId);
                } else progress = { ...progress, skipped: progress.skipped + 1 };
                progress = { ...progress, read: progress.read + 1 };
                if (progress.read % 500 === 0) report(progress);
                if (BigInt(message.offset) + 1n >= target) targets.delete(key);
              }
              // Offsets need not be contiguous (control records): the batch's last offset also counts.
              if (targets.has(key) && BigInt(batch.lastOffset()) + 1n >= target) targets.delete(key);
              await payload.heartbeat();
              if (targets.size === 0) finish();
            } catch (error) {
              fail(error);
            }
          },
        });
        await finished;
      } finally {
        await consumer.disconnect();
        const cleanup = kafka.admin();
        await cleanup.connect();
        await cleanup.deleteGroups([groupId]).catch(() => undefined);
        await cleanup.disconnect();
      }
    }

    progress = { ...progress, phase: 'folding', cases: caseIds.size };
    report(progress);
    for (const caseId of [...caseIds].sort()) await projector.refold(manager, caseId);
    await client.query('commit');
    progress = { ...progress, phase: 'done' };
    report(progress);
    return progress;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
