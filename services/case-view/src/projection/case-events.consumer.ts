// Every partner's case events, projected inside the inbox transaction: the read models
// and the "seen this message" row commit together.
import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import type { IntegrationEventConsumer } from '@wcc/nest-kit';
import { CaseProjector } from './case-projector';

@Injectable()
export class CaseEventsConsumer implements IntegrationEventConsumer {
  constructor(private readonly projector: CaseProjector) {}

  async handle(event: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<void> {
    await this.projector.project(event, tx);
  }
}
