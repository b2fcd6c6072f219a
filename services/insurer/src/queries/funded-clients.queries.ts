// Funded clients of one insurer and whether they reached work: per client (pseudonymous
// key) with at least one granted funding, the first placement date and where they
// stand now. Joins the funding worklist with the placements taken from the employer network.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '@wcc/nest-kit';

export const WORK_STATUSES = ['working', 'work-ended', 'not-in-work'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export interface FundedClient {
  readonly clientKey: string;
  readonly caseIds: readonly string[];
  readonly instruments: readonly string[];
  readonly grantedAmountCents: number;
  readonly settledAmountCents: number;
  readonly reachedWork: boolean;
  readonly firstPlacementOn: string | null;
  readonly placements: number;
  /** working: a placement without an end; work-ended: every placement ended (job loss); not-in-work: none started. */
  readonly status: WorkStatus;
}

export interface FundedClientsView {
  readonly fundedClients: number;
  readonly reachedWork: number;
  readonly currentlyWorking: number;
  readonly clients: readonly FundedClient[];
}

interface Row {
  client_key: string;
  case_ids: string[];
  instruments: string[];
  granted_amount_cents: string;
  settled_amount_cents: string;
  first_placement_on: string | null;
  placements: number;
  open_placements: number;
}

@Injectable()
export class FundedClientsQueries {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async forInsurer(insurerId: string, reachedWork: boolean | undefined): Promise<FundedClientsView> {
    const { rows } = await this.pool.query<Row>(
      `with funded as (
         select client_key, array_agg(distinct case_id::text order by case_id::text) as case_ids, array_agg(distinct instrument order by instrument) as instruments,
                sum(granted_amount_cents) as granted_amount_cents, sum(settled_amount_cents) as settled_amount_cents
         from insurer_care_fundings where insurer_id = $1 and status = 'granted' group by client_key
       )
       select f.client_key, f.case_ids, f.instruments, f.granted_amount_cents::text, f.settled_amount_cents::text,
              min(p.started_on)::text as first_placement_on,
              (count(p.started_on))::int as placements,
              (count(p.started_on) filter (where p.ended_on is null))::int as open_placements
       from funded f left join insurer_client_placements p on p.client_key = f.client_key
       group by f.client_key, f.case_ids, f.instruments, f.granted_amount_cents, f.settled_amount_cents
       order by f.client_key`,
      [insurerId],
    );
    const all = rows.map((r): FundedClient => ({
      clientKey: r.client_key,
      caseIds: r.case_ids,
      instruments: r.instruments,
      grantedAmountCents: Number(r.granted_amount_cents),
      settledAmountCents: Number(r.settled_amount_cents),
      reachedWork: r.placements > 0,
      firstPlacementOn: r.first_placement_on,
      placements: r.placements,
      status: r.open_placements > 0 ? 'working' : r.placements > 0 ? 'work-ended' : 'not-in-work',
    }));
    return {
      fundedClients: all.length,
      reachedWork: all.filter((c) => c.reachedWork).length,
      currentlyWorking: all.filter((c) => c.status === 'working').length,
      clients: reachedWork === undefined ? all : all.filter((c) => c.reachedWork === reachedWork),
    };
  }
}
