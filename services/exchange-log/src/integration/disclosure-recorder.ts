// Turns what happened into records: an integration event (or a case-view protocol
// record) into one record per receiving organisation, a data subject overview into the
// record of its own disclosure. Case knowledge and records commit in the caller's
// transaction, with the inbox row of the message that caused them.
import { Injectable, Logger } from '@nestjs/common';
import type pg from 'pg';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import { learn, unknownCase } from '../domain/case-knowledge';
import type { ChainEvent } from '../domain/chain-event';
import { registerEntryFor } from '../domain/disclosure-register';
import { planEventDisclosures, planOverviewDisclosure, type DisclosureIntent, type OverviewRequest } from '../domain/disclosure-planning';
import { buildRecord, type DisclosureRecord } from '../domain/disclosure-record';
import { DisclosureLog } from '../persistence/disclosure-log';
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

  /** Records the disclosures one received event made; returns the records appended. */
  async recordEvent(received: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<DisclosureRecord[]> {
    const event = chainEventOf(received);
    if (!registerEntryFor(event.type)) {
      this.logger.warn(`${event.type} has no entry in the disclosure register; only its delivery to the case view is recorded`);
    }
    const caseId = typeof event.data['caseId'] === 'string' ? event.data['caseId'] : undefined;
    const clientKey = typeof event.data['clientKey'] === 'string' ? event.data['clientKey'] : undefined;
    if (!caseId || !clientKey) throw new Error(`${event.type} ${event.id} carries no caseId or clientKey`);
    const before = (await this.log.knowledgeForUpdate(tx, caseId)) ?? unknownCase(caseId);
    const knowledge = learn(before, event);
    const subjectIndex = this.subjects.blindIndex(clientKey);
    await this.log.saveKnowledge(tx, knowledge, subjectIndex);
    return this.append(tx, planEventDisclosures(event, knowledge));
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
