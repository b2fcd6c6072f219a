// What account managers read: their own organisation's employers, vacancies and
// matching list (read models), and a case's placements (from the case's stream, so
// sequence and status are exactly what the decider sees). Nothing here comes from
// another organisation except what ClientReferred carried, minus its care-summary route.
import { Inject, Injectable } from '@nestjs/common';
import { assertNever } from '@wcc/domain-kit';
import { matchingDecider, type MatchingStatus, type Placement } from '@wcc/employer-network-domain';
import type { EventStore } from '@wcc/event-store';
import { EVENT_STORE, loadState, PG_POOL, ProblemException } from '@wcc/nest-kit';
import type pg from 'pg';

export interface EmployerRow {
  readonly employerId: string;
  readonly name: string;
  readonly sector: string;
  readonly size: string;
  readonly contact: { readonly person: string; readonly email?: string; readonly phone?: string };
  readonly registeredAt: string;
  readonly lastContactOn: string | null;
  readonly openVacancies: number;
}

export interface VacancyRow {
  readonly vacancyId: string;
  readonly employerId: string;
  readonly employerName: string;
  readonly role: string;
  readonly hoursPerWeek: number;
  readonly taskDemands: readonly string[];
  readonly status: 'open' | 'closed';
  readonly closeReason: string | null;
}

export interface ContactRow {
  readonly contactId: string;
  readonly kind: string;
  readonly contactedOn: string;
  readonly withClient: boolean;
  readonly caseId: string | null;
  readonly summary: string | null;
}

export interface MatchingRow {
  readonly caseId: string;
  readonly clientKey: string;
  readonly referralId: string;
  readonly fromOrganisationId: string;
  readonly reason: string;
  readonly replyDeadline: string;
  readonly status: MatchingStatus;
  /** Referred, unanswered and past its reply deadline. */
  readonly overdue: boolean;
  readonly receivedAt: string;
  readonly answeredAt: string | null;
  readonly declineReasonCode: string | null;
  readonly placements: number;
  readonly activePlacementId: string | null;
}

export interface CasePlacements {
  readonly caseId: string;
  readonly clientKey: string;
  readonly status: MatchingStatus;
  readonly placements: readonly (Omit<Placement, 'end'> & { readonly end: Extract<Placement, { status: 'ended' }>['end'] | null })[];
}

const EMPLOYER_COLUMNS = `e.employer_id as "employerId", e.name, e.sector, e.size, e.contact, e.registered_at as "registeredAt",
  to_char(e.last_contact_on, 'YYYY-MM-DD') as "lastContactOn",
  (select count(*)::int from vacancies v where v.employer_id = e.employer_id and v.status = 'open') as "openVacancies"`;

@Injectable()
export class EmployerNetworkQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async employers(organisationId: string): Promise<EmployerRow[]> {
    const { rows } = await this.pool.query<EmployerRow>(`select ${EMPLOYER_COLUMNS} from employers e where e.organisation_id = $1 order by e.name, e.employer_id`, [organisationId]);
    return rows;
  }

  async employer(organisationId: string, employerId: string): Promise<EmployerRow & { vacancies: VacancyRow[]; contacts: ContactRow[] }> {
    const { rows } = await this.pool.query<EmployerRow & { organisationId: string }>(`select ${EMPLOYER_COLUMNS}, e.organisation_id as "organisationId" from employers e where e.employer_id = $1`, [
      employerId,
    ]);
    const row = rows[0];
    if (!row) throw ProblemException.notFound('This employer is not known.');
    if (row.organisationId !== organisationId) throw ProblemException.forbidden('This employer is kept by another employer-network organisation.');
    const { organisationId: _own, ...employer } = row;
    const contacts = await this.pool.query<ContactRow>(
      `select contact_id as "contactId", kind, to_char(contacted_on, 'YYYY-MM-DD') as "contactedOn", with_client as "withClient", case_id as "caseId", summary
       from employer_contacts where employer_id = $1 order by contacted_on desc, contact_id`,
      [employerId],
    );
    return { ...employer, vacancies: await this.vacancies(organisationId, undefined, employerId), contacts: contacts.rows };
  }

  async vacancies(organisationId: string, status?: 'open' | 'closed', employerId?: string): Promise<VacancyRow[]> {
    const { rows } = await this.pool.query<VacancyRow>(
      `select v.vacancy_id as "vacancyId", v.employer_id as "employerId", e.name as "employerName", v.role, v.hours_per_week as "hoursPerWeek",
              v.task_demands as "taskDemands", v.status, v.close_reason as "closeReason"
       from vacancies v join employers e using (employer_id)
       where v.organisation_id = $1 and ($2::text is null or v.status = $2) and ($3::uuid is null or v.employer_id = $3)
       order by v.opened_at, v.vacancy_id`,
      [organisationId, status ?? null, employerId ?? null],
    );
    return rows;
  }

  /** The matching list, like an inbox: what was referred to this organisation and where it stands. */
  async matchings(organisationId: string, status: MatchingStatus | undefined, today: string): Promise<MatchingRow[]> {
    const { rows } = await this.pool.query<MatchingRow>(
      `select case_id as "caseId", client_key as "clientKey", referral_id as "referralId", from_organisation_id as "fromOrganisationId", reason,
              to_char(reply_deadline, 'YYYY-MM-DD') as "replyDeadline", status, (status = 'referred' and reply_deadline < $3::date) as overdue,
              received_at as "receivedAt", answered_at as "answeredAt", decline_reason_code as "declineReasonCode", placements,
              active_placement_id as "activePlacementId"
       from matchings where organisation_id = $1 and ($2::text is null or status = $2)
       order by (status = 'referred') desc, reply_deadline, case_id`,
      [organisationId, status ?? null, today],
    );
    return rows;
  }

  async placements(organisationId: string, caseId: string): Promise<CasePlacements> {
    const { state } = await loadState(this.store, matchingDecider, caseId);
    if (state.status === 'none') throw ProblemException.notFound('No referral for matching is known for this case.');
    if (state.organisationId !== organisationId) throw ProblemException.forbidden('This case was referred to another employer-network organisation.');
    return {
      caseId: state.caseId,
      clientKey: state.clientKey,
      status: state.status,
      placements: state.placements.map((placement) => {
        switch (placement.status) {
          case 'active':
            return { ...placement, end: null };
          case 'ended':
            return placement;
          default:
            return assertNever(placement);
        }
      }),
    };
  }
}
