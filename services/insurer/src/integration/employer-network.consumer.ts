// Did funded clients reach work? The employer network tells the insurer only that a job
// started and when it ended (ClientStartedWork, ClientLeftWork on the insurer's audience
// topic) — never the employer, role, hours, wage or why it ended (data minimisation). Read by the funded-clients view,
// the basis for outcome-based contracts and the insurer's cost-benefit analysis
// (report 002 ch. 5: care costs €180.68 a month before work, €83.02 after).
import { forwardRef, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { migrateSchema, type SchemaMigration } from '@wcc/event-store';
import { clientLeftWorkV1, clientStartedWorkV1, type ClientLeftWorkV1, type ClientStartedWorkV1 } from '@wcc/contracts';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import { PG_POOL, type IntegrationEventConsumer } from '@wcc/nest-kit';

export const PLACEMENT_MIGRATIONS: readonly SchemaMigration[] = [
  {
    id: 1,
    name: 'client placements',
    sql: `
  create table if not exists insurer_client_placements (
    placement_id uuid primary key,
    case_id uuid not null,
    client_key text not null,
    started_on date,
    ended_on date,
    updated_at timestamptz not null default now()
  );
  create index if not exists insurer_client_placements_by_client on insurer_client_placements (client_key);
`,
  },
];

@Injectable()
export class EmployerNetworkConsumer implements IntegrationEventConsumer, OnModuleInit {
  // forwardRef: see CareProviderConsumer — the consumer factory may hold this object before its constructor ran.
  constructor(@Inject(forwardRef(() => PG_POOL)) private readonly pool: pg.Pool) {}

  async onModuleInit(): Promise<void> {
    await migrateSchema(this.pool, 'insurer-client-placements', PLACEMENT_MIGRATIONS);
  }

  async handle(event: ReceivedIntegrationEvent, tx: pg.PoolClient): Promise<void> {
    switch (event.definition.type) {
      case clientStartedWorkV1.type: {
        const d = event.data as ClientStartedWorkV1;
        await tx.query(
          `insert into insurer_client_placements (placement_id, case_id, client_key, started_on) values ($1, $2, $3, $4)
           on conflict (placement_id) do update set started_on = excluded.started_on, updated_at = now()`,
          [d.placementId, d.caseId, d.clientKey, d.startDate],
        );
        return;
      }
      case clientLeftWorkV1.type: {
        const d = event.data as ClientLeftWorkV1;
        await tx.query(
          `insert into insurer_client_placements (placement_id, case_id, client_key, ended_on) values ($1, $2, $3, $4)
           on conflict (placement_id) do update set ended_on = excluded.ended_on, updated_at = now()`,
          [d.placementId, d.caseId, d.clientKey, d.endDate],
        );
        return;
      }
      default:
        return;
    }
  }
}
