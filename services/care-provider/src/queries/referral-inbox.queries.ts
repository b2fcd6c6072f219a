// Reads of the referral inbox read model, always scoped to the caller's organisation:
// another provider's referral is simply not there (404), the same answer the deciders give.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { localDateOf } from '@wcc/care-provider-domain';
import { PG_POOL } from '@wcc/nest-kit';

export const INBOX_STATUSES = ['received', 'overdue', 'accepted', 'declined'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

interface ReferralRow {
  referral_id: string;
  case_id: string;
  client_key: string;
  from_organisation_id: string;
  route: string;
  reason: string;
  reply_deadline: string;
  referred_at: Date;
  received_at: Date;
  status: 'received' | 'accepted' | 'declined';
  answered_at: Date | null;
  planned_start: string | null;
  decline_reason_code: string | null;
  decline_reason: string | null;
  screening_status: string;
  screening_started_on: string | null;
  clinical_findings_recorded: number;
  advice: Record<string, unknown> | null;
  job_coach_id: string | null;
  ips_intake_sessions: { sessionNumber: number; heldOn: string }[];
  discharged_on: string | null;
  discharge_reason_code: string | null;
}

interface FundingRow {
  funding_request_id: string;
  referral_id: string;
  insurer_id: string;
  instrument: string;
  units: number;
  amount_cents: string;
  period_from: string;
  period_to: string;
  status: string;
  requested_at: Date;
  job: { hoursPerWeek: number; contractMonths: number; startDate: string } | null;
  granted_units: number | null;
  granted_amount_cents: string | null;
  granted_period_from: string | null;
  granted_period_to: string | null;
  refusal_reason_code: string | null;
  refusal_reason: string | null;
  decided_at: Date | null;
}

interface ClaimRow {
  claim_id: string;
  funding_request_id: string;
  instrument: string;
  units: number;
  amount_cents: string;
  period_from: string;
  period_to: string;
  status: string;
  submitted_at: Date;
  settled_amount_cents: string | null;
  settled_on: string | null;
  rejection_reason: string | null;
  rejection_detail: string | null;
}

function inboxItem(row: ReferralRow, today: string) {
  return {
    referralId: row.referral_id,
    caseId: row.case_id,
    clientKey: row.client_key,
    fromOrganisationId: row.from_organisation_id,
    route: row.route,
    reason: row.reason,
    replyDeadline: row.reply_deadline,
    referredAt: row.referred_at.toISOString(),
    status: row.status,
    overdue: row.status === 'received' && row.reply_deadline < today,
    screeningStatus: row.screening_status,
    advisedRoute: (row.advice?.['advisedRoute'] as string | undefined) ?? null,
  };
}

function funding(row: FundingRow, claims: readonly ClaimRow[]) {
  return {
    fundingRequestId: row.funding_request_id,
    referralId: row.referral_id,
    insurerId: row.insurer_id,
    instrument: row.instrument,
    units: row.units,
    amountCents: Number(row.amount_cents),
    periodFrom: row.period_from,
    periodTo: row.period_to,
    job: row.job,
    status: row.status,
    requestedAt: row.requested_at.toISOString(),
    grant: row.status === 'granted' ? { units: row.granted_units, amountCents: Number(row.granted_amount_cents), periodFrom: row.granted_period_from, periodTo: row.granted_period_to } : null,
    refusal: row.status === 'refused' ? { reasonCode: row.refusal_reason_code, reason: row.refusal_reason } : null,
    decidedAt: row.decided_at?.toISOString() ?? null,
    claims: claims
      .filter((c) => c.funding_request_id === row.funding_request_id)
      .map((c) => ({
        claimId: c.claim_id,
        instrument: c.instrument,
        units: c.units,
        amountCents: Number(c.amount_cents),
        periodFrom: c.period_from,
        periodTo: c.period_to,
        status: c.status,
        submittedAt: c.submitted_at.toISOString(),
        settlement: c.status === 'settled' ? { amountCents: Number(c.settled_amount_cents), settledOn: c.settled_on } : null,
        rejection: c.status === 'rejected' ? { reason: c.rejection_reason, detail: c.rejection_detail } : null,
      })),
  };
}

@Injectable()
export class ReferralInboxQueries {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async inbox(organisationId: string, status: InboxStatus | undefined, now: Date = new Date()) {
    const today = localDateOf(now.toISOString());
    const conditions = ['organisation_id = $1'];
    const params: unknown[] = [organisationId];
    if (status === 'overdue') {
      conditions.push(`status = 'received'`, 'reply_deadline < $2');
      params.push(today);
    } else if (status !== undefined) {
      conditions.push('status = $2');
      params.push(status);
    }
    const { rows } = await this.pool.query<ReferralRow>(`select * from cp_referrals where ${conditions.join(' and ')} order by reply_deadline, referred_at, referral_id limit 500`, params);
    return { items: rows.map((row) => inboxItem(row, today)) };
  }

  async referral(organisationId: string, referralId: string, now: Date = new Date()) {
    const { rows } = await this.pool.query<ReferralRow>('select * from cp_referrals where referral_id = $1 and organisation_id = $2', [referralId, organisationId]);
    const row = rows[0];
    if (!row) return undefined;
    const [episodes, fundings, claims] = await Promise.all([
      this.pool.query<{ episode_id: string; start_date: string; end_date: string | null; end_reason: string | null }>(
        'select * from cp_treatment_episodes where referral_id = $1 order by start_date, episode_id',
        [referralId],
      ),
      this.pool.query<FundingRow>('select * from cp_care_funding_requests where referral_id = $1 order by requested_at, funding_request_id', [referralId]),
      this.pool.query<ClaimRow>('select * from cp_care_claims where referral_id = $1 order by submitted_at, claim_id', [referralId]),
    ]);
    return {
      ...inboxItem(row, localDateOf(now.toISOString())),
      receivedAt: row.received_at.toISOString(),
      answeredAt: row.answered_at?.toISOString() ?? null,
      plannedStart: row.planned_start,
      decline: row.status === 'declined' ? { reasonCode: row.decline_reason_code, reason: row.decline_reason } : null,
      screening: {
        status: row.screening_status,
        startedOn: row.screening_started_on,
        clinicalFindingsRecorded: row.clinical_findings_recorded,
        advice: row.advice,
      },
      ips: {
        jobCoachId: row.job_coach_id,
        intakeSessions: [...row.ips_intake_sessions].sort((a, b) => a.sessionNumber - b.sessionNumber),
      },
      treatmentEpisodes: episodes.rows.map((e) => ({ episodeId: e.episode_id, startDate: e.start_date, endDate: e.end_date, endReason: e.end_reason })),
      discharge: row.discharged_on === null ? null : { dischargedOn: row.discharged_on, reasonCode: row.discharge_reason_code },
      funding: fundings.rows.map((f) => funding(f, claims.rows)),
    };
  }

  async fundingRequest(organisationId: string, fundingRequestId: string) {
    const { rows } = await this.pool.query<FundingRow>('select * from cp_care_funding_requests where funding_request_id = $1 and organisation_id = $2', [fundingRequestId, organisationId]);
    const row = rows[0];
    if (!row) return undefined;
    const claims = await this.pool.query<ClaimRow>('select * from cp_care_claims where funding_request_id = $1 order by submitted_at, claim_id', [fundingRequestId]);
    return funding(row, claims.rows);
  }
}
