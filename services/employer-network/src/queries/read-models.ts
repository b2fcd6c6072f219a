// The service's read models of its own events (LocalProjector): employers, vacancies,
// employer contacts and the matching list. Commands wait until their events are in
// here before answering, so a GET right after a POST sees the change.
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { assertNever } from '@wcc/domain-kit';
import type { EmployerEvent, MatchingEvent } from '@wcc/employer-network-domain';
import { type EventStore, type RecordedEvent, type SchemaMigration } from '@wcc/event-store';
import { EVENT_STORE, LocalProjector, PG_POOL } from '@wcc/nest-kit';
import type pg from 'pg';

const DDL: readonly SchemaMigration[] = [
  {
    id: 1,
    name: 'read models',
    sql: `
  create table if not exists employers (
    employer_id uuid primary key,
    organisation_id text not null,
    name text not null,
    sector text not null,
    size text not null,
    contact jsonb not null,
    registered_at timestamptz not null,
    last_contact_on date
  );
  create index if not exists employers_by_organisation on employers (organisation_id, name);
  create table if not exists vacancies (
    vacancy_id uuid primary key,
    employer_id uuid not null references employers (employer_id),
    organisation_id text not null,
    role text not null,
    hours_per_week double precision not null,
    task_demands jsonb not null,
    status text not null,
    close_reason text,
    opened_at timestamptz not null
  );
  create index if not exists vacancies_by_organisation on vacancies (organisation_id, status);
  create table if not exists employer_contacts (
    contact_id uuid primary key,
    employer_id uuid not null references employers (employer_id),
    kind text not null,
    contacted_on date not null,
    with_client boolean not null,
    case_id uuid,
    summary text
  );
  create table if not exists matchings (
    case_id uuid primary key,
    organisation_id text not null,
    client_key text not null,
    referral_id uuid not null,
    from_organisation_id text not null,
    reason text not null,
    reply_deadline date not null,
    status text not null,
    received_at timestamptz not null,
    answered_at timestamptz,
    decline_reason_code text,
    placements integer not null default 0,
    active_placement_id uuid,
    updated_at timestamptz not null
  );
  create index if not exists matchings_by_organisation on matchings (organisation_id, status);
`,
  },
];

type ProjectedEvent = EmployerEvent | MatchingEvent;

async function project(recorded: RecordedEvent, tx: pg.PoolClient): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as ProjectedEvent;
  const at = recorded.metadata.occurredAt;
  switch (event.type) {
    case 'EmployerRegistered': {
      const d = event.data;
      await tx.query(
        `insert into employers (employer_id, organisation_id, name, sector, size, contact, registered_at) values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (employer_id) do nothing`,
        [d.employerId, d.organisationId, d.name, d.sector, d.size, JSON.stringify(d.contact), at],
      );
      return;
    }
    case 'VacancyOpened': {
      const d = event.data;
      await tx.query(
        `insert into vacancies (vacancy_id, employer_id, organisation_id, role, hours_per_week, task_demands, status, opened_at)
         select $1, employer_id, organisation_id, $3, $4, $5, 'open', $6 from employers where employer_id = $2
         on conflict (vacancy_id) do nothing`,
        [d.vacancyId, d.employerId, d.role, d.hoursPerWeek, JSON.stringify(d.taskDemands), at],
      );
      return;
    }
    case 'VacancyClosed':
      await tx.query(`update vacancies set status = 'closed', close_reason = $2 where vacancy_id = $1`, [event.data.vacancyId, event.data.reason]);
      return;
    case 'EmployerContactLogged': {
      const d = event.data;
      await tx.query(
        `insert into employer_contacts (contact_id, employer_id, kind, contacted_on, with_client, case_id, summary) values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (contact_id) do nothing`,
        [d.contactId, d.employerId, d.kind, d.contactedOn, d.withClient, d.caseId ?? null, d.summary ?? null],
      );
      await tx.query(`update employers set last_contact_on = greatest(last_contact_on, $2::date) where employer_id = $1`, [d.employerId, d.contactedOn]);
      return;
    }
    case 'ReferralReceived': {
      const d = event.data;
      await tx.query(
        `insert into matchings (case_id, organisation_id, client_key, referral_id, from_organisation_id, reason, reply_deadline, status, received_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, 'referred', $8, $8)
         on conflict (case_id) do update set organisation_id = excluded.organisation_id, client_key = excluded.client_key, referral_id = excluded.referral_id,
           from_organisation_id = excluded.from_organisation_id, reason = excluded.reason, reply_deadline = excluded.reply_deadline, status = 'referred',
           received_at = excluded.received_at, answered_at = null, decline_reason_code = null, updated_at = excluded.updated_at`,
        [d.caseId, d.organisationId, d.clientKey, d.referralId, d.fromOrganisationId, d.reason, d.replyDeadline, at],
      );
      return;
    }
    case 'ReferralAccepted':
      await setStatus(tx, event.data.caseId, 'matching', at, `answered_at = $3`);
      return;
    case 'ReferralDeclined':
      await setStatus(tx, event.data.caseId, 'declined', at, `answered_at = $3, decline_reason_code = $4`, [event.data.reasonCode]);
      return;
    case 'CandidateProposed':
      await setStatus(tx, event.data.caseId, 'candidate-proposed', at);
      return;
    case 'PlacementStarted':
      await setStatus(tx, event.data.caseId, 'placed', at, `placements = $4, active_placement_id = $5`, [event.data.sequence, event.data.placementId]);
      return;
    case 'PlacementReviewed':
      await tx.query(`update matchings set updated_at = $2 where case_id = $1`, [event.data.caseId, at]);
      return;
    case 'PlacementEnded':
      await setStatus(tx, event.data.caseId, 'reopened', at, `active_placement_id = null`);
      return;
    case 'MatchingClosed':
      await setStatus(tx, event.data.caseId, 'closed', at);
      return;
    default:
      return assertNever(event);
  }
}

async function setStatus(tx: pg.PoolClient, caseId: string, status: string, at: string, extra?: string, values: unknown[] = []): Promise<void> {
  await tx.query(`update matchings set status = $2, updated_at = $3${extra ? `, ${extra}` : ''} where case_id = $1`, [caseId, status, at, ...values]);
}

@Injectable()
export class ReadModels implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly projector: LocalProjector;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) pool: pg.Pool,
  ) {
    this.projector = new LocalProjector({ name: 'employer-network-read-models', store, pool, project, migrations: DDL });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.migrate();
    await this.projector.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }

  /** Resolves once the stream's last event is in the read models (read-your-writes). */
  caughtUpWith(streamId: string): Promise<void> {
    return this.projector.caughtUpWith({ streamId });
  }
}
