// An MDT case review (`case-review-<reviewId>`): scheduled by the municipality that
// holds regie, held once with the professionals of the partners at the table, and
// followed by actions with an owner and a due date, each closed with an outcome; or
// cancelled before it takes place. A review is its own stream rather than part of the
// case stream: it has its own lifecycle, is addressed by its own id, and a weekly
// meeting's writes neither grow nor contend with the case file. What it needs of the
// case arrives in the command (`reviewedCase`).
import { assertNever, domainError, type CommandMetadata, type Decider, type DomainError } from '@wcc/domain-kit';
import type { ConsentDataCategory, ReviewActionOutcome, ReviewCancellationReason } from './code-lists';
import { consentNames, type ConsentRecord } from './case.decider';
import type { AssignReviewAction, CancelCaseReview, CaseReviewCommand, CloseReviewAction, RecordCaseReview, ReviewedCase, ScheduleCaseReview } from './case-review.commands';
import type { CaseReviewEvent, ReviewActionOwner, ReviewAttendee } from './case-review.events';
import { dateInAmsterdam, isBefore } from './dates';

export interface ReviewActionRecord {
  readonly actionId: string;
  readonly description: string;
  readonly owner: ReviewActionOwner;
  readonly dueDate: string;
  readonly assignedAt: string;
  readonly status: 'open' | 'closed';
  readonly closedOn?: string;
  readonly outcome?: ReviewActionOutcome;
  readonly note?: string;
}

export interface CaseReviewFile {
  readonly reviewId: string;
  readonly caseId: string;
  readonly clientKey: string;
  readonly municipalityId: string;
  readonly scheduledFor: string;
  readonly scheduledAt: string;
  readonly chair: { readonly userId: string; readonly organisationId: string };
  readonly held?: {
    readonly heldOn: string;
    readonly recordedAt: string;
    readonly attendees: readonly ReviewAttendee[];
    readonly dataCategoriesDiscussed: readonly ConsentDataCategory[];
    readonly decisions: readonly string[];
  };
  readonly cancellation?: { readonly at: string; readonly reasonCode: ReviewCancellationReason; readonly reasonText?: string };
  readonly actions: readonly ReviewActionRecord[];
}

export type CaseReviewState = { readonly status: 'new' } | (CaseReviewFile & { readonly status: 'scheduled' | 'held' | 'cancelled' });
type ExistingReview = Exclude<CaseReviewState, { status: 'new' }>;
type HeldReview = ExistingReview & { readonly held: NonNullable<CaseReviewFile['held']> };

type Decision = CaseReviewEvent[] | DomainError;

// ---------------------------------------------------------------------------------
// Guards

/** Only users of the municipality that holds the case (and so the review) may act on it. */
function ownMunicipality(municipalityId: string, metadata: CommandMetadata): DomainError | undefined {
  const { actor } = metadata;
  if (actor.organisationType !== 'municipality' || actor.organisationId !== municipalityId) {
    return domainError('forbidden', 'other-municipality', 'Only users of the municipality that holds this case may act on its reviews.');
  }
  return undefined;
}

function caseStillOpen(reviewedCase: ReviewedCase | null): DomainError | undefined {
  if (reviewedCase === null) return domainError('not-found', 'case-not-found', 'There is no case with this id.');
  return reviewedCase.status === 'closed' ? domainError('conflict', 'case-closed', 'The case is closed; its reviews take no new meetings or actions.') : undefined;
}

function notCancelled(state: ExistingReview): DomainError | undefined {
  return state.status === 'cancelled' ? domainError('conflict', 'review-cancelled', 'This review was cancelled.') : undefined;
}

function notInFuture(date: string, metadata: CommandMetadata, field: string): DomainError | undefined {
  return isBefore(dateInAmsterdam(metadata.now), date) ? domainError('invalid', 'date-in-future', `${field.slice(1)} must not be after today.`, field) : undefined;
}

function base(state: ExistingReview, metadata: CommandMetadata) {
  return { reviewId: state.reviewId, caseId: state.caseId, clientKey: state.clientKey, at: metadata.now };
}

/**
 * A consent that, on the day of the meeting, let the municipality discuss this data
 * category with this partner type: for chain coordination, in force that day, not
 * withdrawn before it (report 002 §3.2.6: agreed in advance what may be exchanged).
 */
function consentCovers(consents: readonly ConsentRecord[], attendee: ReviewAttendee, category: ConsentDataCategory, day: string): boolean {
  return consents.some(
    (c) =>
      c.purpose === 'chain-coordination' &&
      consentNames(c, attendee.organisationId, attendee.organisationType) &&
      c.dataCategories.includes(category) &&
      !isBefore(day, c.validFrom) &&
      (c.validTo === undefined || !isBefore(c.validTo, day)) &&
      (c.withdrawnAt === undefined || isBefore(day, dateInAmsterdam(c.withdrawnAt))),
  );
}

// ---------------------------------------------------------------------------------
// Commands

function schedule(command: ScheduleCaseReview, state: CaseReviewState, metadata: CommandMetadata): Decision {
  if (state.status !== 'new') return domainError('conflict', 'review-exists', 'A review with this id already exists.');
  const { reviewedCase, reviewId, caseId, scheduledFor, chairUserId } = command.data;
  if (reviewedCase === null) return domainError('not-found', 'case-not-found', 'There is no case with this id.');
  const refused = ownMunicipality(reviewedCase.municipalityId, metadata) ?? caseStillOpen(reviewedCase);
  if (refused) return refused;
  if (isBefore(dateInAmsterdam(scheduledFor), dateInAmsterdam(metadata.now))) {
    return domainError('invalid', 'review-in-past', 'scheduledFor must not be before today.', '/scheduledFor');
  }
  return [
    {
      type: 'CaseReviewScheduled',
      data: {
        reviewId,
        caseId,
        clientKey: reviewedCase.clientKey,
        at: metadata.now,
        municipalityId: reviewedCase.municipalityId,
        scheduledFor,
        chair: { userId: chairUserId, organisationId: reviewedCase.municipalityId },
      },
    },
  ];
}

function record(command: RecordCaseReview, state: ExistingReview, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state.municipalityId, metadata) ?? notCancelled(state);
  if (refused) return refused;
  if (state.status === 'held') return domainError('conflict', 'review-already-held', 'This review has already been recorded as held.');
  const { reviewedCase, heldOn, attendees, dataCategoriesDiscussed, decisions } = command.data;
  const closed = caseStillOpen(reviewedCase);
  if (closed) return closed;
  const future = notInFuture(heldOn, metadata, '/heldOn');
  if (future) return future;
  const seen = new Set<string>();
  for (const [i, a] of attendees.entries()) {
    const key = `${a.organisationId}\u0000${a.userId}`;
    if (seen.has(key)) return domainError('invalid', 'attendee-twice', 'An attendee is listed twice.', `/attendees/${i}`);
    seen.add(key);
  }
  // An employer never receives health data, also not by sitting at the table while it is discussed.
  if (dataCategoriesDiscussed.includes('care-summary') && attendees.some((a) => a.organisationType === 'employer-network')) {
    return domainError(
      'invalid',
      'care-summary-with-employer-network',
      'Care summaries may not be discussed while the employer network is at the table; record that part of the meeting separately.',
      '/dataCategoriesDiscussed',
    );
  }
  const consents = reviewedCase?.consents ?? [];
  for (const attendee of attendees) {
    if (attendee.organisationId === state.municipalityId) continue;
    const uncovered = dataCategoriesDiscussed.filter((category) => !consentCovers(consents, attendee, category, heldOn));
    if (uncovered.length > 0) {
      return domainError(
        'conflict',
        'consent-required',
        `On ${heldOn} the client had no chain-coordination consent to discuss ${uncovered.join(', ')} with a ${attendee.organisationType} (${attendee.organisationId}).`,
      );
    }
  }
  return [{ type: 'CaseReviewHeld', data: { ...base(state, metadata), heldOn, attendees, dataCategoriesDiscussed, decisions } }];
}

function assign(command: AssignReviewAction, state: ExistingReview, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state.municipalityId, metadata) ?? notCancelled(state);
  if (refused) return refused;
  if (!isHeld(state)) return domainError('conflict', 'review-not-held', 'Actions come out of the meeting: record the review as held first.');
  const { reviewedCase, actionId, description, ownerUserId, ownerOrganisationId, dueDate } = command.data;
  const closed = caseStillOpen(reviewedCase);
  if (closed) return closed;
  if (state.actions.some((a) => a.actionId === actionId)) return domainError('conflict', 'action-exists', 'An action with this id already exists.');
  if (isBefore(dueDate, state.held.heldOn)) {
    return domainError('invalid', 'due-before-review', `dueDate must not be before the review was held (${state.held.heldOn}).`, '/dueDate');
  }
  const organisationType = ownerOrganisationId === state.municipalityId ? 'municipality' : state.held.attendees.find((a) => a.organisationId === ownerOrganisationId)?.organisationType;
  if (organisationType === undefined) {
    return domainError('invalid', 'owner-not-at-review', 'An action goes to the municipality or to an organisation that attended the review.', '/ownerOrganisationId');
  }
  return [
    {
      type: 'ReviewActionAssigned',
      data: { ...base(state, metadata), actionId, description, owner: { userId: ownerUserId, organisationId: ownerOrganisationId, organisationType }, dueDate },
    },
  ];
}

/** Closing stays possible on a closed case: the team tidies up what it agreed. */
function close(command: CloseReviewAction, state: ExistingReview, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state.municipalityId, metadata) ?? notCancelled(state);
  if (refused) return refused;
  const action = state.actions.find((a) => a.actionId === command.data.actionId);
  if (!action) return domainError('not-found', 'action-not-found', 'This review has no action with this id.');
  if (action.status === 'closed') return domainError('conflict', 'action-already-closed', `This action was already closed on ${action.closedOn ?? '?'}.`);
  const future = notInFuture(command.data.closedOn, metadata, '/closedOn');
  if (future) return future;
  if (state.held && isBefore(command.data.closedOn, state.held.heldOn)) {
    return domainError('invalid', 'closed-before-review', `closedOn must not be before the review was held (${state.held.heldOn}).`, '/closedOn');
  }
  return [{ type: 'ReviewActionClosed', data: { ...base(state, metadata), ...command.data } }];
}

function cancel(command: CancelCaseReview, state: ExistingReview, metadata: CommandMetadata): Decision {
  const refused = ownMunicipality(state.municipalityId, metadata);
  if (refused) return refused;
  if (state.status === 'cancelled') return domainError('conflict', 'review-already-cancelled', 'This review was already cancelled.');
  if (state.status === 'held') return domainError('conflict', 'review-already-held', 'A review that took place cannot be cancelled.');
  const { reasonCode, reasonText } = command.data;
  if (reasonCode === 'other' && (reasonText === undefined || reasonText.trim() === '')) {
    return domainError('invalid', 'reason-text-required', "A reason text is required when the reason is 'other'.", '/reasonText');
  }
  return [{ type: 'CaseReviewCancelled', data: { ...base(state, metadata), ...command.data } }];
}

function isHeld(state: ExistingReview): state is HeldReview {
  return state.status === 'held' && state.held !== undefined;
}

function decide(command: CaseReviewCommand, state: CaseReviewState, metadata: CommandMetadata): Decision {
  if (command.type === 'ScheduleCaseReview') return schedule(command, state, metadata);
  if (state.status === 'new') return domainError('not-found', 'review-not-found', 'There is no case review with this id.');
  switch (command.type) {
    case 'RecordCaseReview':
      return record(command, state, metadata);
    case 'AssignReviewAction':
      return assign(command, state, metadata);
    case 'CloseReviewAction':
      return close(command, state, metadata);
    case 'CancelCaseReview':
      return cancel(command, state, metadata);
    default:
      return assertNever(command);
  }
}

// ---------------------------------------------------------------------------------
// evolve

function evolve(state: CaseReviewState, event: CaseReviewEvent): CaseReviewState {
  if (event.type === 'CaseReviewScheduled') {
    const { reviewId, caseId, clientKey, at, municipalityId, scheduledFor, chair } = event.data;
    return { status: 'scheduled', reviewId, caseId, clientKey, municipalityId, scheduledFor, scheduledAt: at, chair, actions: [] };
  }
  if (state.status === 'new') return state;
  switch (event.type) {
    case 'CaseReviewHeld': {
      const { heldOn, at, attendees, dataCategoriesDiscussed, decisions } = event.data;
      return { ...state, status: 'held', held: { heldOn, recordedAt: at, attendees, dataCategoriesDiscussed, decisions } };
    }
    case 'ReviewActionAssigned': {
      const { actionId, description, owner, dueDate, at } = event.data;
      return { ...state, actions: [...state.actions, { actionId, description, owner, dueDate, assignedAt: at, status: 'open' }] };
    }
    case 'ReviewActionClosed': {
      const { actionId, closedOn, outcome, note } = event.data;
      return {
        ...state,
        actions: state.actions.map((a) => (a.actionId === actionId ? { ...a, status: 'closed', closedOn, outcome, ...(note === undefined ? {} : { note }) } : a)),
      };
    }
    case 'CaseReviewCancelled': {
      const { at, reasonCode, reasonText } = event.data;
      return { ...state, status: 'cancelled', cancellation: { at, reasonCode, ...(reasonText === undefined ? {} : { reasonText }) } };
    }
    default:
      return assertNever(event);
  }
}

export const caseReviewDecider: Decider<CaseReviewCommand, CaseReviewEvent, CaseReviewState> = {
  streamType: 'case-review',
  initialState: () => ({ status: 'new' }),
  decide,
  evolve,
};
