// MDT case reviews per case and their actions per municipality, kept from the service's
// own review events. Each review row holds the review folded by the decider's own
// evolve, so the list shows exactly what the stream says; actions get their own rows
// so "every overdue action of my municipality" is one query. Whether an action is
// overdue is decided when asked, against that moment.
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type pg from 'pg';
import { type EventStore, type RecordedEvent, type SchemaMigration } from '@wcc/event-store';
import { EVENT_STORE, LocalProjector, PG_POOL, type HandledCommand } from '@wcc/nest-kit';
import {
  caseReviewDecider,
  caseReviewView,
  dateInAmsterdam,
  type CaseReviewEvent,
  type CaseReviewState,
  type CaseReviewView,
  type ReviewActionOutcome,
  type ReviewAttendeeOrganisationType,
} from '@wcc/municipality-domain';

const REVIEW_STREAM_PREFIX = `${caseReviewDecider.streamType}-`;

const MIGRATIONS: readonly SchemaMigration[] = [
  {
    id: 1,
    name: 'case reviews',
    sql: `
  create table if not exists municipality_case_reviews (
    review_id uuid primary key,
    case_id uuid not null,
    municipality_id text not null,
    scheduled_for timestamptz not null,
    review jsonb not null
  );
  create index if not exists municipality_case_reviews_by_case on municipality_case_reviews (case_id, scheduled_for desc);
  create table if not exists municipality_review_actions (
    action_id uuid primary key,
    review_id uuid not null references municipality_case_reviews (review_id),
    case_id uuid not null,
    client_key text not null,
    municipality_id text not null,
    description text not null,
    owner_user_id text not null,
    owner_organisation_id text not null,
    owner_organisation_type text not null,
    due_date date not null,
    assigned_at timestamptz not null,
    status text not null,
    closed_on date,
    outcome text
  );
  create index if not exists municipality_review_actions_by_municipality on municipality_review_actions (municipality_id, status, due_date);
`,
  },
];

export interface ReviewActionListItem {
  readonly actionId: string;
  readonly reviewId: string;
  readonly caseId: string;
  readonly clientKey: string;
  readonly description: string;
  readonly owner: { readonly userId: string; readonly organisationId: string; readonly organisationType: ReviewAttendeeOrganisationType };
  readonly dueDate: string;
  readonly assignedAt: string;
  readonly status: 'open' | 'closed';
  readonly closedOn: string | null;
  readonly outcome: ReviewActionOutcome | null;
  readonly overdue: boolean;
}

type ExistingReview = Exclude<CaseReviewState, { status: 'new' }>;

async function project(recorded: RecordedEvent, tx: pg.PoolClient): Promise<void> {
  if (!recorded.streamId.startsWith(REVIEW_STREAM_PREFIX)) return;
  const event = { type: recorded.type, data: recorded.data } as CaseReviewEvent;
  const { reviewId } = event.data;
  const { rows } = await tx.query<{ review: ExistingReview }>('select review from municipality_case_reviews where review_id = $1', [reviewId]);
  const state = caseReviewDecider.evolve(rows[0]?.review ?? caseReviewDecider.initialState(), event);
  if (state.status === 'new') return;
  await tx.query(
    `insert into municipality_case_reviews (review_id, case_id, municipality_id, scheduled_for, review) values ($1, $2, $3, $4, $5)
     on conflict (review_id) do update set review = excluded.review`,
    [state.reviewId, state.caseId, state.municipalityId, state.scheduledFor, JSON.stringify(state)],
  );
  switch (event.type) {
    case 'ReviewActionAssigned': {
      const { actionId, caseId, clientKey, description, owner, dueDate, at } = event.data;
      await tx.query(
        `insert into municipality_review_actions (action_id, review_id, case_id, client_key, municipality_id, description, owner_user_id,
           owner_organisation_id, owner_organisation_type, due_date, assigned_at, status)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open') on conflict (action_id) do nothing`,
        [actionId, reviewId, caseId, clientKey, state.municipalityId, description, owner.userId, owner.organisationId, owner.organisationType, dueDate, at],
      );
      return;
    }
    case 'ReviewActionClosed':
      await tx.query(`update municipality_review_actions set status = 'closed', closed_on = $2, outcome = $3 where action_id = $1`, [event.data.actionId, event.data.closedOn, event.data.outcome]);
      return;
    case 'CaseReviewScheduled':
    case 'CaseReviewHeld':
    case 'CaseReviewCancelled':
      return;
    default: {
      const unknown: never = event;
      throw new Error(`Case reviews: unhandled event ${JSON.stringify(unknown)}`);
    }
  }
}

@Injectable()
export class CaseReviewsProjection implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly projector: LocalProjector;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {
    this.projector = new LocalProjector({ name: 'municipality-case-reviews', store, pool, project, migrations: MIGRATIONS });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.migrate();
    await this.projector.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }

  /** Read-your-writes: resolves once the command's last event is in the read model. */
  caughtUpWith(result: HandledCommand<unknown>): Promise<void> {
    return this.projector.caughtUpWith(result);
  }

  /** The reviews of one case, the latest meeting first. The caller has checked the case is the user's. */
  async reviewsOf(caseId: string, now: Date): Promise<CaseReviewView[]> {
    const { rows } = await this.pool.query<{ review: ExistingReview }>('select review from municipality_case_reviews where case_id = $1 order by scheduled_for desc, review_id limit 500', [caseId]);
    return rows.map((r) => caseReviewView(r.review, now));
  }

  async actionsOf(municipalityId: string, filter: { overdue?: boolean }, now: Date): Promise<ReviewActionListItem[]> {
    const today = dateInAmsterdam(now);
    const { rows } = await this.pool.query<{
      action_id: string;
      review_id: string;
      case_id: string;
      client_key: string;
      description: string;
      owner_user_id: string;
      owner_organisation_id: string;
      owner_organisation_type: ReviewAttendeeOrganisationType;
      due_date: string;
      assigned_at: Date;
      status: 'open' | 'closed';
      closed_on: string | null;
      outcome: ReviewActionOutcome | null;
      overdue: boolean;
    }>(
      `select action_id, review_id, case_id, client_key, description, owner_user_id, owner_organisation_id, owner_organisation_type,
              to_char(due_date, 'YYYY-MM-DD') as due_date, assigned_at, status, to_char(closed_on, 'YYYY-MM-DD') as closed_on, outcome,
              (status = 'open' and due_date < $2::date) as overdue
         from municipality_review_actions
        where municipality_id = $1 and ($3::boolean is null or (status = 'open' and due_date < $2::date) = $3)
        order by due_date, assigned_at, action_id
        limit 1000`,
      [municipalityId, today, filter.overdue ?? null],
    );
    return rows.map((r) => ({
      actionId: r.action_id,
      reviewId: r.review_id,
      caseId: r.case_id,
      clientKey: r.client_key,
      description: r.description,
      owner: { userId: r.owner_user_id, organisationId: r.owner_organisation_id, organisationType: r.owner_organisation_type },
      dueDate: r.due_date,
      assignedAt: r.assigned_at.toISOString(),
      status: r.status,
      closedOn: r.closed_on,
      outcome: r.outcome,
      overdue: r.overdue,
    }));
  }
}
