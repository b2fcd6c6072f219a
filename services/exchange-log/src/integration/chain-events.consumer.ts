// Every integration event of every context, and the case view's protocol records,
// enter here: validated at the edge by the messaging consumer, recorded in the inbox
// transaction so a redelivery writes nothing twice.
import { forwardRef, Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import type { IntegrationEventConsumer } from '@wcc/nest-kit';
import { DisclosureRecorder } from './disclosure-recorder';

@Injectable()
export class ChainEventsConsumer implements IntegrationEventConsumer {
  // forwardRef on purpose: Nest instantiates modules in parallel, and the messaging module
  // may look this handler up before its constructor ran, keeping the empty prototype
  // object. With a forwardRef Nest fills that same object in (Object.assign) instead of
  // replacing it, so the handler the consumer holds always has its recorder.
  constructor(@Inject(forwardRef(() => DisclosureRecorder)) private readonly recorder: DisclosureRecorder) {}

  async handle(event: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<void> {
    await this.recorder.recordEvent(event, tx);
  }
}
