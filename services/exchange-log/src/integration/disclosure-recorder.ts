// Turns what happened into records: an integration event (or a case-view protocol
// record) into one record per receiving organisation, a data subject overview into the
// record of its own disclosure. A received event's knowledge and its pending row commit
// in the caller's transaction, with the inbox row of the message that caused them; its
// records follow in a transaction of their own once the scheduler says the case's
// history is read (see disclosure-scheduler.ts).
import { Injectable, Logger } from '@nestjs/common';
import type pg from 'pg';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import {
  learn,
  unknownCase,
  type ChainEvent,
  registerEntryFor,
  planEventDisclosures,
  planOverviewDisclosure,
  type DisclosureIntent,
  type OverviewRequest,
  buildRecord,
  type DisclosureRecord,
} from '@wcc/exchange-log-domain';
import { DisclosureLog, type PendingEvent } from '../persistence/disclosure-log';
import { SubjectProtection } from '../privacy/subject-protection';
import { recordResource } from '../service';

export function chainEventOf(received: ReceivedIntegrationEvent): ChainEvent {
  const ce = received.cloudEvent;
  const data = (received.data ?? {}) as Record<string, unknown>;
  const occurredAt = typeof data['occurredAt'] === 'string' ? data['occurredAt'] : undefined;
  return {
    id: ce.id,
    type: ce.type,
    producer: received.definition.producer,
    name: received.definition.name,
    source: ce.source,
    time: ce.time ?? occurredAt ?? new Date().toISOString(),
    ...(ce.traceparent ? { traceparent: ce.traceparent } : {}),
    data,
    categories: received.definition.categories,
  };
}

@Injectable()
export class DisclosureRecorder {
  private readonly logger = new Logger('exchange-log');

  constructor(
    private readonly log: DisclosureLog,
    private readonly subjects: SubjectProtection,
  ) {}

  /**
   * Learns what one received event says about its case and keeps it until its records can
   * be written (`recordPending`, when the scheduler finds the case's other partitions read).
   */
  async receiveEvent(received: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<void> {
    const event = chainEventOf(received);
    if (!registerEntryFor(event.type)) {
      this.logger.warn(`${event.type} has no entry in the disclosure register; only its delivery to the case view is recorded`);
    }
    const caseId = typeof event.data['caseId'] === 'string' ? event.data['caseId'] : undefined;
    const clientKey = typeof event.data['clientKey'] === 'string' ? event.data['clientKey'] : undefined;
    if (!caseId || !clientKey) throw new Error(`${event.type} ${event.id} carries no caseId or clientKey`);
    const before = (await this.log.knowledgeForUpdate(tx, caseId)) ?? unknownCase(caseId);
    await this.log.saveKnowledge(tx, learn(before, event), this.subjects.blindIndex(clientKey));
    const { clientKey: _inClear, ...dataWithoutKey } = event.data;
    await this.log.addPending(tx, { eventId: event.id, caseId, topic: received.topic, subjectEncrypted: this.subjects.encrypt(clientKey), event: { ...event, data: dataWithoutKey } });
  }

  /**
   * Writes the records of a pending event, judged by what the case's knowledge says held
   * at the event's time; returns the records appended ([] when another instance took it).
   */
  async recordPending(pending: PendingEvent): Promise<DisclosureRecord[]> {
    return this.log.transaction(async (tx) => {
      const knowledge = (await this.log.knowledgeForUpdate(tx, pending.caseId)) ?? unknownCase(pending.caseId);
      if (!(await this.log.takePending(tx, pending.eventId))) return [];
      const stored = pending.event as unknown as ChainEvent;
      const event: ChainEvent = { ...stored, data: { ...stored.data, clientKey: this.subjects.decrypt(pending.subjectEncrypted) } };
      return this.append(tx, planEventDisclosures(event, knowledge));
    });
  }

  /** Records that a data subject's overview was disclosed to the requesting municipality. */
  async recordOverview(request: OverviewRequest, tx: pg.PoolClient): Promise<DisclosureRecord[]> {
    return this.append(tx, [planOverviewDisclosure(request)]);
  }

  private async append(tx: pg.PoolClient, intents: readonly DisclosureIntent[]): Promise<DisclosureRecord[]> {
    const recordedAt = Date.now();
    const records = intents.map((intent) => buildRecord(intent, this.subjects.protect(intent.clientKey), { recordedAt, resource: recordResource }));
    return this.log.append(tx, records);
  }
}
