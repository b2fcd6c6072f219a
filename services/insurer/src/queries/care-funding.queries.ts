// Read side for the contract manager: the worklist (projection) and one funding with
// its claims and remaining budget (straight from its stream, always current). An
// insurer sees only requests addressed to it.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { assertNever } from '@wcc/domain-kit';
import type { EventStore } from '@wcc/event-store';
import { budgetOf, careFundingDecider, type ClaimRecord } from '@wcc/insurer-domain';
import type { CoachedJob } from '@wcc/shared-kernel';
import { EVENT_STORE, loadState, PG_POOL, ProblemException } from '@wcc/nest-kit';

export const FUNDING_STATUSES = ['requested', 'granted', 'refused'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];

export interface FundingSummary {
  readonly fundingRequestId: string;
  readonly caseId: string;
  readonly clientKey: string;
  readonly careProviderId: string;
  readonly instrument: string;
  readonly status: FundingStatus;
  readonly requestedUnits: number;
  readonly requestedAmountCents: number;
  readonly requestedPeriod: { readonly from: string; readonly to: string };
  /** Job coaching: the job the request is for (the grant's cap follows from it); null otherwise. */
  readonly job: CoachedJob | null;
  readonly receivedAt: string;
  readonly granted: { readonly units: number; readonly amountCents: number; readonly periodFrom: string; readonly periodTo: string; readonly tariffVersion: string } | null;
  readonly refusal: { readonly reasonCode: string; readonly reason: string } | null;
  readonly decidedAt: string | null;
  readonly settledUnits: number;
  readonly settledAmountCents: number;
  readonly claimsSettled: number;
  readonly claimsRejected: number;
}

interface FundingRow {
  funding_request_id: string;
  case_id: string;
  client_key: string;
  care_provider_id: string;
  instrument: string;
  status: FundingStatus;
  requested_units: number;
  requested_amount_cents: number;
  requested_period_from: string;
  requested_period_to: string;
  job: CoachedJob | null;
  received_at: Date;
  granted_units: number | null;
  granted_amount_cents: number | null;
  tariff_version: string | null;
  period_from: string | null;
  period_to: string | null;
  refusal_reason_code: string | null;
  refusal_reason: string | null;
  decided_at: Date | null;
  settled_units: number;
  settled_amount_cents: number;
  claims_settled: number;
  claims_rejected: number;
}

function summaryOf(r: FundingRow): FundingSummary {
  return {
    fundingRequestId: r.funding_request_id,
    caseId: r.case_id,
    clientKey: r.client_key,
    careProviderId: r.care_provider_id,
    instrument: r.instrument,
    status: r.status,
    requestedUnits: r.requested_units,
    requestedAmountCents: r.requested_amount_cents,
    requestedPeriod: { from: r.requested_period_from, to: r.requested_period_to },
    job: r.job,
    receivedAt: r.received_at.toISOString(),
    granted:
      r.status === 'granted' && r.granted_units !== null && r.granted_amount_cents !== null
        ? { units: r.granted_units, amountCents: r.granted_amount_cents, periodFrom: r.period_from ?? '', periodTo: r.period_to ?? '', tariffVersion: r.tariff_version ?? '' }
        : null,
    refusal: r.status === 'refused' ? { reasonCode: r.refusal_reason_code ?? 'other', reason: r.refusal_reason ?? '' } : null,
    decidedAt: r.decided_at?.toISOString() ?? null,
    settledUnits: r.settled_units,
    settledAmountCents: r.settled_amount_cents,
    claimsSettled: r.claims_settled,
    claimsRejected: r.claims_rejected,
  };
}

@Injectable()
export class CareFundingQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async list(insurerId: string, status: FundingStatus | undefined): Promise<FundingSummary[]> {
    const { rows } = await this.pool.query<FundingRow>(
      `select funding_request_id, case_id, client_key, care_provider_id, instrument, status, requested_units, requested_amount_cents,
              requested_period_from::text, requested_period_to::text, job, received_at, granted_units, granted_amount_cents, tariff_version,
              period_from::text, period_to::text, refusal_reason_code, refusal_reason, decided_at,
              settled_units, settled_amount_cents, claims_settled, claims_rejected
       from insurer_care_fundings where insurer_id = $1 and ($2::text is null or status = $2) order by received_at, funding_request_id`,
      [insurerId, status ?? null],
    );
    return rows.map(summaryOf);
  }

  async detail(fundingRequestId: string, insurerId: string) {
    const { state, version } = await loadState(this.store, careFundingDecider, fundingRequestId);
    if (state.status === 'unknown') throw ProblemException.notFound(`No funding request ${fundingRequestId} is known.`);
    if (state.request.insurerId !== insurerId) throw ProblemException.forbidden('This funding request is addressed to another insurer.');
    const claims = state.claims.map((c: ClaimRecord) => ({ ...c }));
    const base = { ...state.request, status: state.status, version, claims };
    switch (state.status) {
      case 'requested':
        return { ...base, grant: null, refusal: null, budget: null };
      case 'refused':
        return { ...base, grant: null, refusal: state.refusal, budget: null };
      case 'granted':
        return { ...base, grant: state.grant, refusal: null, budget: budgetOf(state.grant, state.claims) };
      default:
        return assertNever(state);
    }
  }
}
