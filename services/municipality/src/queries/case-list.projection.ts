// The list of cases per municipality, kept from the service's own events in its own
// tables. Referral deadlines are stored as dates; whether one is overdue is decided
// when the list is asked for, against that moment.
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type pg from 'pg';
import { type EventStore, type RecordedEvent, type SchemaMigration } from '@wcc/event-store';
import { EVENT_STORE, LocalProjector, PG_POOL } from '@wcc/nest-kit';
import { caseDecider, caseReviewDecider, dateInAmsterdam, type CaseEvent } from '@wcc/municipality-domain';

const MIGRATIONS: readonly SchemaMigration[] = [
  {
    id: 1,
    name: 'case list',
    sql: `
  create table if not exists municipality_cases (
    case_id uuid primary key,
    municipality_id text not null,
    client_key text not null,
    status text not null,
    opened_at timestamptz not null,
    regie_owner_user_id text,
    updated_at timestamptz not null
  );
  create index if not exists municipality_cases_by_municipality on municipality_cases (municipality_id, opened_at desc);
  create index if not exists municipality_cases_by_client on municipality_cases (client_key);
  create table if not exists municipality_case_referrals (
    referral_id uuid primary key,
    case_id uuid not null references municipality_cases (case_id),
    to_organisation_id text not null,
    to_organisation_type text not null,
    reply_deadline date not null,
    status text not null
  );
  create index if not exists municipality_case_referrals_by_case on municipality_case_referrals (case_id);
`,
  },
];

export interface CaseListItem {
  readonly caseId: string;
  readonly clientKey: string;
  readonly status: 'open' | 'dropped-out' | 'closed';
  readonly openedAt: string;
  readonly regieOwnerUserId: string | null;
  readonly pendingReferrals: number;
  readonly overdueReferrals: number;
}

async function project(recorded: RecordedEvent, tx: pg.PoolClient): Promise<void> {
  // `case-review-…` streams start with `case-` too; they have their own projection.
  if (!recorded.streamId.startsWith(`${caseDecider.streamType}-`) || recorded.streamId.startsWith(`${caseReviewDecider.streamType}-`)) return;
  const event = { type: recorded.type, data: recorded.data } as CaseEvent;
  const at = recorded.metadata.occurredAt;
  const touch = (status?: string) => tx.query(`update municipality_cases set status = coalesce($2, status), updated_at = $3 where case_id = $1`, [event.data.caseId, status ?? null, at]);
  switch (event.type) {
    case 'CaseOpened':
      await tx.query(
        `insert into municipality_cases (case_id, municipality_id, client_key, status, opened_at, updated_at) values ($1, $2, $3, 'open', $4, $4)
         on conflict (case_id) do nothing`,
        [event.data.caseId, event.data.municipalityId, event.data.clientKey, event.data.at],
      );
      return;
    case 'RegieAssigned':
      await tx.query(`update municipality_cases set regie_owner_user_id = $2, updated_at = $3 where case_id = $1`, [event.data.caseId, event.data.owner.userId, at]);
      return;
    case 'RegieTransferred':
      await tx.query(`update municipality_cases set regie_owner_user_id = $2, updated_at = $3 where case_id = $1`, [event.data.caseId, event.data.to.userId, at]);
      return;
    case 'ClientReferred':
      await tx.query(
        `insert into municipality_case_referrals (referral_id, case_id, to_organisation_id, to_organisation_type, reply_deadline, status)
         values ($1, $2, $3, $4, $5, 'pending') on conflict (referral_id) do nothing`,
        [event.data.referralId, event.data.caseId, event.data.toOrganisationId, event.data.toOrganisationType, event.data.replyDeadline],
      );
      await touch();
      return;
    case 'ReferralAccepted':
    case 'ReferralDeclined':
      await tx.query(`update municipality_case_referrals set status = $2 where referral_id = $1`, [event.data.referralId, event.type === 'ReferralAccepted' ? 'accepted' : 'declined']);
      await touch();
      return;
    case 'ScreeningAdviceReceived':
      await tx.query(`update municipality_case_referrals set status = 'accepted' where referral_id = $1 and status = 'pending'`, [event.data.referralId]);
      await touch();
      return;
    case 'DroppedOut':
      await touch('dropped-out');
      return;
    case 'CaseClosed':
      await touch('closed');
      return;
    case 'ConsentGranted':
    case 'ConsentWithdrawn':
    case 'ParticipationMeasured':
    case 'BenefitAdjusted':
    case 'BenefitEnded':
    case 'BenefitReapplied':
    case 'PlacementStarted':
    case 'PlacementEnded':
      await touch();
      return;
    default: {
      const unknown: never = event;
      throw new Error(`Case list: unhandled event ${JSON.stringify(unknown)}`);
    }
  }
}

@Injectable()
export class CaseListProjection implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly projector: LocalProjector;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {
    this.projector = new LocalProjector({ name: 'municipality-case-list', store, pool, project, migrations: MIGRATIONS });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.migrate();
    await this.projector.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }

  async casesOf(municipalityId: string, filter: { overdue?: boolean; clientKey?: string }, now: Date): Promise<CaseListItem[]> {
    const { rows } = await this.pool.query<{
      case_id: string;
      client_key: string;
      status: CaseListItem['status'];
      opened_at: Date;
      regie_owner_user_id: string | null;
      pending: number;
      overdue: number;
    }>(
      `select c.case_id, c.client_key, c.status, c.opened_at, c.regie_owner_user_id,
              (count(r.referral_id) filter (where r.status = 'pending'))::int as pending,
              (count(r.referral_id) filter (where r.status = 'pending' and r.reply_deadline < $2::date))::int as overdue
         from municipality_cases c
         left join municipality_case_referrals r on r.case_id = c.case_id
        where c.municipality_id = $1 and ($4::text is null or c.client_key = $4)
        group by c.case_id
       having $3::boolean is null or ((count(r.referral_id) filter (where r.status = 'pending' and r.reply_deadline < $2::date)) > 0) = $3
        order by c.opened_at desc, c.case_id
        limit 1000`,
      [municipalityId, dateInAmsterdam(now), filter.overdue ?? null, filter.clientKey ?? null],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      clientKey: r.client_key,
      status: r.status,
      openedAt: r.opened_at.toISOString(),
      regieOwnerUserId: r.regie_owner_user_id,
      pendingReferrals: r.pending,
      overdueReferrals: r.overdue,
    }));
  }
}
