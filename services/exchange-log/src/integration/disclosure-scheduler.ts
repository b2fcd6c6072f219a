// When an event's records are written. A record names receivers and a legal basis that
// other producers' events decide (the referral an answer belongs to, the consent that
// covers it, the insurer on the case), and those arrive on other topics, in no order
// relative to this one: live they usually came first, in a replay from offset 0 one
// producer's whole history may be read before another's. So a received event waits
// (exchange_pending_events) until, for every other producer that teaches the log about
// cases, the case's partition has been read up to where the broker's high watermark
// stood after the event arrived. Then everything that happened before it is known, and
// the knowledge's times (case-knowledge.ts) leave out what happened after it: live and
// replay give the same records.
//
// Not covered: an event published late (its producer's relay was down) with a time before
// events already recorded; live it is judged without it, a replay with it.
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { chainTopics, integrationEvents } from '@wcc/contracts';
import { partitionOfKey, type IntegrationConsumer, type PartitionLag } from '@wcc/messaging';
import { INTEGRATION_CONSUMERS } from '@wcc/nest-kit';
import { knowledgeProducers } from '@wcc/exchange-log-domain';
import { DisclosureLog, type PendingEvent } from '../persistence/disclosure-log';
import { DisclosureRecorder } from './disclosure-recorder';

/** How long an idle scheduler sleeps before it looks again. */
const IDLE_MS = 50;
/** Pending events looked at per round. */
const BATCH = 500;

/** The chain topics whose producers' events teach the log about a case (not the case view's records). */
const knowledgeTopics: readonly string[] = chainTopics.filter((topic) => {
  const producer = integrationEvents.find((d) => d.topic === topic)?.producer;
  return producer !== undefined && (knowledgeProducers as readonly string[]).includes(producer);
});

export interface SchedulerStatus {
  readonly pending: number;
  readonly recorded: number;
  readonly lastError?: string;
}

@Injectable()
export class DisclosureScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('exchange-log.scheduler');
  private running = false;
  private loop: Promise<void> | undefined;
  private recorded = 0;
  private lastError: string | undefined;

  constructor(
    private readonly log: DisclosureLog,
    private readonly recorder: DisclosureRecorder,
    @Inject(INTEGRATION_CONSUMERS) private readonly consumers: IntegrationConsumer[],
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  async status(): Promise<SchedulerStatus> {
    return { pending: await this.log.pendingCount(), recorded: this.recorded, ...(this.lastError ? { lastError: this.lastError } : {}) };
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const progressed = await this.round();
        this.lastError = undefined;
        if (!progressed) await sleep(IDLE_MS);
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.warn(`could not record pending events; retrying: ${this.lastError}`);
        await sleep(500);
      }
    }
  }

  /** Records every pending event whose case history is read; false when none was. */
  async round(): Promise<boolean> {
    const pending = await this.log.pending(BATCH);
    if (pending.length === 0) return false;
    // Asked after the pending rows were read: whatever the broker held when they arrived lies below these watermarks.
    const partitions = await this.partitions();
    let recorded = 0; // events whose records were written
    for (const event of pending) {
      if (!this.historyRead(event, partitions)) continue;
      await this.recorder.recordPending(event);
      recorded += 1;
    }
    this.recorded += recorded;
    return recorded > 0;
  }

  private async partitions(): Promise<Map<string, PartitionLag[]>> {
    const byTopic = new Map<string, PartitionLag[]>();
    for (const consumer of this.consumers) {
      for (const p of await consumer.lag()) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p]);
    }
    return byTopic;
  }

  /** Every other knowledge topic's partition of this case is read up to its watermark. */
  private historyRead(event: PendingEvent, partitions: Map<string, PartitionLag[]>): boolean {
    for (const [topic, list] of partitions) {
      if (topic === event.topic || !knowledgeTopics.some((t) => topic.endsWith(t))) continue;
      const partition = partitionOfKey(event.caseId, list.length);
      const lag = list.find((p) => p.partition === partition);
      if (lag && !lag.drained) return false;
    }
    return true;
  }
}
