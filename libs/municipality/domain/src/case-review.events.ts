// Events of an MDT case review, stream `case-review-<reviewId>`: the multidisciplinary
// team (municipality, GGZ, insurer, employer network) reviewing one case, ExIT's
// weekly interdisciplinary meeting (IDO, report 002 §2.3). The municipality holds the
// stream because it holds regie. Private to the municipality; the mapping decides what
// the chain receives (not the decision texts, not the action descriptions).
import type { ConsentDataCategory, ReviewActionOutcome, ReviewAttendeeOrganisationType, ReviewCancellationReason } from './code-lists';

interface CaseReviewEventBase {
  readonly reviewId: string;
  readonly caseId: string;
  readonly clientKey: string;
  /** When it was recorded (business time of the command). */
  readonly at: string;
}

type CaseReviewEventOf<T extends string, D> = { readonly type: T; readonly data: CaseReviewEventBase & D };

/** A professional at the table: an account id of a partner organisation, never a client. */
export interface ReviewAttendee {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: ReviewAttendeeOrganisationType;
}

export interface ReviewActionOwner {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: ReviewAttendeeOrganisationType;
}

export type CaseReviewScheduled = CaseReviewEventOf<
  'CaseReviewScheduled',
  {
    readonly municipalityId: string;
    /** Date and time of the meeting. */
    readonly scheduledFor: string;
    /** Who leads the meeting: a case worker of the municipality holding regie. */
    readonly chair: { readonly userId: string; readonly organisationId: string };
  }
>;
export type CaseReviewHeld = CaseReviewEventOf<
  'CaseReviewHeld',
  {
    readonly heldOn: string;
    readonly attendees: readonly ReviewAttendee[];
    readonly dataCategoriesDiscussed: readonly ConsentDataCategory[];
    /** Short texts as minuted. They may hold care details, so they stay at the municipality. */
    readonly decisions: readonly string[];
  }
>;
export type ReviewActionAssigned = CaseReviewEventOf<
  'ReviewActionAssigned',
  {
    readonly actionId: string;
    /** Free text; stays at the municipality. */
    readonly description: string;
    readonly owner: ReviewActionOwner;
    readonly dueDate: string;
  }
>;
export type ReviewActionClosed = CaseReviewEventOf<'ReviewActionClosed', { readonly actionId: string; readonly closedOn: string; readonly outcome: ReviewActionOutcome; readonly note?: string }>;
export type CaseReviewCancelled = CaseReviewEventOf<'CaseReviewCancelled', { readonly reasonCode: ReviewCancellationReason; readonly reasonText?: string }>;

export type CaseReviewEvent = CaseReviewScheduled | CaseReviewHeld | ReviewActionAssigned | ReviewActionClosed | CaseReviewCancelled;

export type CaseReviewEventType = CaseReviewEvent['type'];
