// The chain's trajectory events enter here, validated at the edge by the platform consumer
// (what does not fit its contract goes to the dead-letter topic with the reason) and
// applied inside the inbox transaction, so a redelivery writes nothing twice.
import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import type { IntegrationEventConsumer } from '@wcc/nest-kit';
import { OutcomesStore } from '../persistence/outcomes-store';
import { factReaders } from './fact-readers';

type Envelope = { readonly caseId: string; readonly clientKey: string; readonly occurredAt: string };

@Injectable()
export class ChainEventsConsumer implements IntegrationEventConsumer {
  constructor(private readonly store: OutcomesStore) {}

  async handle(event: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<void> {
    const reader = factReaders.get(event.definition.type);
    if (!reader) throw new Error(`no outcomes reader for ${event.definition.type}: add one to fact-readers.ts`);
    if (reader.kind === 'ignored') return;
    const data = event.data as Envelope;
    await this.store.apply({ eventId: event.cloudEvent.id, caseId: data.caseId, clientKey: data.clientKey, occurredAt: data.occurredAt, fact: reader.read(event.data) }, tx);
  }
}
