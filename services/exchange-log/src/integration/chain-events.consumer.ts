// Every integration event of every context, and the case view's protocol records,
// enter here: validated at the edge by the messaging consumer, learned and queued for
// recording in the inbox transaction, so a redelivery writes nothing twice.
import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import type { IntegrationEventConsumer } from '@wcc/nest-kit';
import { DisclosureRecorder } from './disclosure-recorder';

@Injectable()
export class ChainEventsConsumer implements IntegrationEventConsumer {
  constructor(private readonly recorder: DisclosureRecorder) {}

  async handle(event: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<void> {
    await this.recorder.receiveEvent(event, tx);
  }
}
