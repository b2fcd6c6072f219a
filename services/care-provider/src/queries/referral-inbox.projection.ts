// The read models of the care provider's own events: the referral inbox per provider
// (with screening, advice, IPS and treatment status) and the funding requests and
// claims per referral. Kept by a LocalProjector: rows and checkpoint in one
// transaction. Clinical findings are counted here, never copied: their content is read
// from the referral stream by the one endpoint that may show it.
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import type { CareProviderDomainEvent } from '../integration/care-provider.mapping';
import { assertNever } from '@wcc/domain-kit';
import { type EventStore, type RecordedEvent, type SchemaMigration } from '@wcc/event-store';
import { EVENT_STORE, LocalProjector, PG_POOL, type HandledCommand } from '@wcc/nest-kit';

const MIGRATIONS: readonly SchemaMigration[] = [
  {
    id: 1,
    name: 'referral inbox',
    sql: `
  create table if not exists cp_referrals (
    referral_id text primary key,
    organisation_id text not null,
    case_id text not null,
    client_key text not null,
    from_organisation_id text not null,
    route text not null,
    reason text not null,
    reply_deadline text not null,
    referred_at timestamptz not null,
    received_at timestamptz not null,
    status text not null,
    answered_at timestamptz,
    planned_start text,
    decline_reason_code text,
    decline_reason text,
    screening_status text not null default 'not-started',
    screening_started_on text,
    clinical_findings_recorded int not null default 0,
    advice jsonb,
    job_coach_id text,
    ips_intake_sessions jsonb not null default '[]'::jsonb,
    updated_at timestamptz not null
  );
  create index if not exists cp_referrals_inbox on cp_referrals (organisation_id, status, reply_deadline);
  create table if not exists cp_treatment_episodes (
    episode_id text primary key,
    referral_id text not null,
    start_date text not null,
    end_date text,
    end_reason text
  );
  create index if not exists cp_treatment_episodes_by_referral on cp_treatment_episodes (referral_id);
  create table if not exists cp_care_funding_requests (
    funding_request_id text primary key,
    referral_id text not null,
    organisation_id text not null,
    insurer_id text not null,
    instrument text not null,
    units int not null,
    amount_cents bigint not null,
    period_from text not null,
    period_to text not null,
    status text not null,
    requested_at timestamptz not null,
    granted_units int,
    granted_amount_cents bigint,
    granted_period_from text,
    granted_period_to text,
    refusal_reason_code text,
    refusal_reason text,
    decided_at timestamptz
  );
  create index if not exists cp_care_funding_by_referral on cp_care_funding_requests (referral_id);
  create table if not exists cp_care_claims (
    claim_id text primary key,
    funding_request_id text not null,
    referral_id text not null,
    organisation_id text not null,
    instrument text not null,
    units int not null,
    amount_cents bigint not null,
    period_from text not null,
    period_to text not null,
    status text not null,
    submitted_at timestamptz not null,
    settled_amount_cents bigint,
    settled_on text,
    rejection_reason text,
    rejection_detail text,
    answered_at timestamptz
  );
  create index if not exists cp_care_claims_by_funding on cp_care_claims (funding_request_id);
`,
  },
  {
    id: 2,
    name: 'discharge from care',
    sql: `
  alter table cp_referrals add column if not exists discharged_on text, add column if not exists discharge_reason_code text;
`,
  },
  {
    id: 3,
    name: 'the job a job-coaching request is for',
    sql: `
  alter table cp_care_funding_requests add column if not exists job jsonb;
`,
  },
];

const STREAM_PREFIXES = ['referral-', 'care-funding-', 'care-claim-'];

async function project(recorded: RecordedEvent, tx: pg.PoolClient): Promise<void> {
  if (!STREAM_PREFIXES.some((prefix) => recorded.streamId.startsWith(prefix))) return;
  const event = { type: recorded.type, data: recorded.data } as CareProviderDomainEvent;
  const at = recorded.metadata.occurredAt;
  const touch = (sql: string | undefined, params: unknown[]) => tx.query(`update cp_referrals set ${sql ? `${sql}, ` : ''}updated_at = $2 where referral_id = $1`, params);
  switch (event.type) {
    case 'ReferralReceived': {
      const d = event.data;
      await tx.query(
        `insert into cp_referrals (referral_id, organisation_id, case_id, client_key, from_organisation_id, route, reason, reply_deadline,
           referred_at, received_at, status, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'received', $10) on conflict do nothing`,
        [d.referralId, d.organisationId, d.caseId, d.clientKey, d.fromOrganisationId, d.route, d.reason, d.replyDeadline, d.referredAt, at],
      );
      return;
    }
    case 'ReferralAccepted':
      await touch(`status = 'accepted', answered_at = $2, planned_start = $3`, [event.data.referralId, at, event.data.plannedStart ?? null]);
      return;
    case 'ReferralDeclined':
      await touch(`status = 'declined', answered_at = $2, decline_reason_code = $3, decline_reason = $4`, [event.data.referralId, at, event.data.reasonCode, event.data.reason]);
      return;
    case 'ScreeningStarted':
      await touch(`screening_status = 'started', screening_started_on = $3`, [event.data.referralId, at, event.data.startedOn]);
      return;
    case 'ClinicalFindingsRecorded':
      await touch(`clinical_findings_recorded = clinical_findings_recorded + 1`, [event.data.referralId, at]);
      return;
    case 'ScreeningAdviceSubmitted': {
      const d = event.data;
      const advice = {
        adviceId: d.adviceId,
        advisedRoute: d.advisedRoute,
        workCapacityHoursPerWeek: d.workCapacityHoursPerWeek,
        ...(d.recommendedHoursPerWeek !== undefined ? { recommendedHoursPerWeek: d.recommendedHoursPerWeek } : {}),
        functionalLimitations: d.functionalLimitations,
        contraIndications: d.contraIndications,
        reviewDate: d.reviewDate,
        submittedAt: at,
      };
      await touch(`screening_status = 'advised', advice = $3`, [d.referralId, at, JSON.stringify(advice)]);
      return;
    }
    case 'IpsJobCoachAssigned':
      await touch(`job_coach_id = $3`, [event.data.referralId, at, event.data.jobCoachId]);
      return;
    case 'IpsIntakeSessionRecorded':
      await touch(`ips_intake_sessions = ips_intake_sessions || $3::jsonb`, [event.data.referralId, at, JSON.stringify([{ sessionNumber: event.data.sessionNumber, heldOn: event.data.heldOn }])]);
      return;
    case 'TreatmentEpisodeStarted':
      await tx.query(`insert into cp_treatment_episodes (episode_id, referral_id, start_date) values ($1, $2, $3) on conflict do nothing`, [
        event.data.episodeId,
        event.data.referralId,
        event.data.startDate,
      ]);
      await touch(undefined, [event.data.referralId, at]);
      return;
    case 'TreatmentEpisodeEnded':
      await tx.query(`update cp_treatment_episodes set end_date = $2, end_reason = $3 where episode_id = $1`, [event.data.episodeId, event.data.endDate, event.data.endReason]);
      await touch(undefined, [event.data.referralId, at]);
      return;
    case 'ClientDischarged':
      await touch(`discharged_on = $3, discharge_reason_code = $4`, [event.data.referralId, at, event.data.dischargedOn, event.data.reasonCode]);
      return;
    case 'CareFundingRequested': {
      const d = event.data;
      await tx.query(
        `insert into cp_care_funding_requests (funding_request_id, referral_id, organisation_id, insurer_id, instrument, units, amount_cents,
           period_from, period_to, status, requested_at, job)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'requested', $10, $11) on conflict do nothing`,
        [d.fundingRequestId, d.referralId, d.organisationId, d.insurerId, d.instrument, d.units, d.amountCents, d.periodFrom, d.periodTo, at, d.job ? JSON.stringify(d.job) : null],
      );
      return;
    }
    case 'CareFundingGranted': {
      const d = event.data;
      await tx.query(
        `update cp_care_funding_requests set status = 'granted', granted_units = $2, granted_amount_cents = $3, granted_period_from = $4,
           granted_period_to = $5, decided_at = $6 where funding_request_id = $1`,
        [d.fundingRequestId, d.grantedUnits, d.grantedAmountCents, d.periodFrom, d.periodTo, at],
      );
      return;
    }
    case 'CareFundingRefused':
      await tx.query(`update cp_care_funding_requests set status = 'refused', refusal_reason_code = $2, refusal_reason = $3, decided_at = $4 where funding_request_id = $1`, [
        event.data.fundingRequestId,
        event.data.reasonCode,
        event.data.reason,
        at,
      ]);
      return;
    case 'CareClaimSubmitted': {
      const d = event.data;
      await tx.query(
        `insert into cp_care_claims (claim_id, funding_request_id, referral_id, organisation_id, instrument, units, amount_cents, period_from,
           period_to, status, submitted_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'submitted', $10) on conflict do nothing`,
        [d.claimId, d.fundingRequestId, d.referralId, d.organisationId, d.instrument, d.units, d.amountCents, d.periodFrom, d.periodTo, at],
      );
      return;
    }
    case 'CareClaimSettled':
      await tx.query(`update cp_care_claims set status = 'settled', settled_amount_cents = $2, settled_on = $3, answered_at = $4 where claim_id = $1`, [
        event.data.claimId,
        event.data.amountCents,
        event.data.settledOn,
        at,
      ]);
      return;
    case 'CareClaimRejected':
      await tx.query(`update cp_care_claims set status = 'rejected', rejection_reason = $2, rejection_detail = $3, answered_at = $4 where claim_id = $1`, [
        event.data.claimId,
        event.data.reason,
        event.data.detail,
        at,
      ]);
      return;
    default:
      assertNever(event);
  }
}

@Injectable()
export class ReferralInboxProjection implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  readonly projector: LocalProjector;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) pool: pg.Pool,
  ) {
    this.projector = new LocalProjector({ name: 'care-provider.referral-inbox', store, pool, project, migrations: MIGRATIONS });
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

  /** Read-your-writes: resolves once the command's last event is in the read model. */
  caughtUpWith(result: HandledCommand<unknown>): Promise<void> {
    return this.projector.caughtUpWith(result);
  }
}
