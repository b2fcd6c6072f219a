// The contract manager's worklist: one row per funding request, kept from the
// insurer's own events by a LocalProjector (row and checkpoint in one transaction).
// Eventually consistent, usually within milliseconds; one funding's detail is read from
// its stream instead, so it is always current.
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { assertNever } from '@wcc/domain-kit';
import { type EventStore, type RecordedEvent, type SchemaMigration } from '@wcc/event-store';
import { CARE_FUNDING_STREAM, type CareFundingEvent } from '@wcc/insurer-domain';
import { EVENT_STORE, LocalProjector, PG_POOL } from '@wcc/nest-kit';

const MIGRATIONS: readonly SchemaMigration[] = [
  {
    id: 1,
    name: 'care fundings',
    sql: `
  create table if not exists insurer_care_fundings (
    funding_request_id uuid primary key,
    case_id uuid not null,
    client_key text not null,
    insurer_id text not null,
    care_provider_id text not null,
    instrument text not null,
    status text not null,
    requested_units int not null,
    requested_amount_cents int not null,
    requested_period_from date not null,
    requested_period_to date not null,
    received_at timestamptz not null,
    granted_units int,
    granted_amount_cents int,
    unit_price_cents int,
    tariff_version text,
    period_from date,
    period_to date,
    refusal_reason_code text,
    refusal_reason text,
    decided_at timestamptz,
    settled_units int not null default 0,
    settled_amount_cents int not null default 0,
    claims_settled int not null default 0,
    claims_rejected int not null default 0
  );
  create index if not exists insurer_care_fundings_by_insurer on insurer_care_fundings (insurer_id, status, received_at);
  create index if not exists insurer_care_fundings_by_client on insurer_care_fundings (client_key);
`,
  },
  {
    id: 2,
    name: 'the job a job-coaching request is for',
    sql: `
  alter table insurer_care_fundings add column if not exists job jsonb;
`,
  },
];

async function project(recorded: RecordedEvent, tx: pg.PoolClient): Promise<void> {
  if (!recorded.streamId.startsWith(`${CARE_FUNDING_STREAM}-`)) return;
  const event = { type: recorded.type, data: recorded.data } as CareFundingEvent;
  const at = recorded.metadata.occurredAt;
  switch (event.type) {
    case 'CareFundingRequestReceived': {
      const d = event.data;
      await tx.query(
        `insert into insurer_care_fundings (funding_request_id, case_id, client_key, insurer_id, care_provider_id, instrument, status,
           requested_units, requested_amount_cents, requested_period_from, requested_period_to, received_at, job)
         values ($1, $2, $3, $4, $5, $6, 'requested', $7, $8, $9, $10, $11, $12) on conflict do nothing`,
        [
          d.fundingRequestId,
          d.caseId,
          d.clientKey,
          d.insurerId,
          d.careProviderId,
          d.instrument,
          d.requestedUnits,
          d.requestedAmountCents,
          d.periodFrom,
          d.periodTo,
          at,
          d.job ? JSON.stringify(d.job) : null,
        ],
      );
      return;
    }
    case 'CareFundingGranted': {
      const d = event.data;
      await tx.query(
        `update insurer_care_fundings set status = 'granted', granted_units = $2, granted_amount_cents = $3, unit_price_cents = $4,
           tariff_version = $5, period_from = $6, period_to = $7, decided_at = $8 where funding_request_id = $1`,
        [d.fundingRequestId, d.grantedUnits, d.grantedAmountCents, d.unitPriceCents ?? null, d.tariffVersion, d.periodFrom, d.periodTo, at],
      );
      return;
    }
    case 'CareFundingRefused': {
      const d = event.data;
      await tx.query(`update insurer_care_fundings set status = 'refused', refusal_reason_code = $2, refusal_reason = $3, decided_at = $4 where funding_request_id = $1`, [
        d.fundingRequestId,
        d.reasonCode,
        d.reason,
        at,
      ]);
      return;
    }
    case 'CareClaimSettled':
      await tx.query(
        `update insurer_care_fundings set settled_units = settled_units + $2, settled_amount_cents = settled_amount_cents + $3,
           claims_settled = claims_settled + 1 where funding_request_id = $1`,
        [event.data.fundingRequestId, event.data.units, event.data.amountCents],
      );
      return;
    case 'CareClaimRejected':
      await tx.query(`update insurer_care_fundings set claims_rejected = claims_rejected + 1 where funding_request_id = $1`, [event.data.fundingRequestId]);
      return;
    default:
      assertNever(event);
  }
}

@Injectable()
export class CareFundingProjection implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  readonly projector: LocalProjector;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(PG_POOL) pool: pg.Pool) {
    this.projector = new LocalProjector({ name: 'insurer.care-fundings', store, pool, project, migrations: MIGRATIONS });
  }

  async onModuleInit(): Promise<void> {
    await this.projector.migrate();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.start();
  }

  /** Before the pool closes. */
  async onModuleDestroy(): Promise<void> {
    await this.projector.stop();
  }
}
