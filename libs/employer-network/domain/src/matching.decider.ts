// Matching and placements of one case at the employer network. The rules the reports
// missed live here: the referral is answered (a decline with its reason), placements
// are numbered by the case (1st, 2nd, 3rd job), one is active at a time, reviews at
// 1/3/6/12 months are recorded once each, and a job loss reopens matching.
import { assertNever, domainError, isDomainError, type CommandMetadata, type Decider, type DomainError } from '@wcc/domain-kit';
import type { PlacementIssueCode, ReviewMonth } from './code-lists';
import { MAX_HOURS_PER_WEEK, type EmployerSnapshot } from './employer.decider';
import type { MatchingCommand, StartPlacement } from './matching.commands';
import type { MatchingEvent, PlacementEnded, PlacementTerms } from './matching.events';
import { dateOf, newIdFor } from './ids';

export interface PlacementReview {
  readonly reviewMonth: ReviewMonth;
  readonly reviewedOn: string;
  readonly stillWorking: boolean;
  readonly hoursPerWeek: number;
  readonly issues: readonly PlacementIssueCode[];
}

interface PlacementBase extends PlacementTerms {
  readonly placementId: string;
  /** 1 for the case's first job, 2 for the job after the first job loss, … */
  readonly sequence: number;
  readonly reviews: readonly PlacementReview[];
}

export type Placement =
  | (PlacementBase & { readonly status: 'active' })
  | (PlacementBase & { readonly status: 'ended'; readonly end: Omit<PlacementEnded['data'], 'caseId' | 'clientKey' | 'organisationId' | 'referralId' | 'placementId'> });

/** What the employer network knows of a case, whatever its status. */
export interface CaseFile {
  readonly caseId: string;
  readonly clientKey: string;
  readonly organisationId: string;
  readonly referral: { readonly referralId: string; readonly fromOrganisationId: string; readonly reason: string; readonly replyDeadline: string };
  readonly placements: readonly Placement[];
}

export type MatchingState =
  | { readonly status: 'none' }
  | (CaseFile & { readonly status: 'referred' })
  | (CaseFile & { readonly status: 'declined' })
  | (CaseFile & { readonly status: 'matching' })
  | (CaseFile & { readonly status: 'candidate-proposed'; readonly proposal: { readonly employerId: string; readonly vacancyId: string } })
  | (CaseFile & { readonly status: 'placed'; readonly activePlacementId: string })
  | (CaseFile & { readonly status: 'reopened' })
  | (CaseFile & { readonly status: 'closed' });

export type MatchingStatus = MatchingState['status'];
type KnownCase = Exclude<MatchingState, { status: 'none' }>;

/** The case exists and the caller's organisation holds it. */
function ownCase(state: MatchingState, metadata: CommandMetadata): KnownCase | DomainError {
  if (metadata.actor.organisationType !== 'employer-network') {
    return domainError('forbidden', 'not-employer-network', 'Only the employer network works on matching and placements.');
  }
  if (state.status === 'none') return domainError('not-found', 'matching-not-found', 'No referral for matching is known for this case.');
  if (state.organisationId !== metadata.actor.organisationId) {
    return domainError('forbidden', 'matching-of-other-organisation', 'This case was referred to another employer-network organisation.');
  }
  return state;
}

/** Matching is under way: the referral was accepted and the case is not closed. */
function openForMatching(state: KnownCase): DomainError | undefined {
  switch (state.status) {
    case 'referred':
      return domainError('conflict', 'referral-not-accepted', 'Accept the referral before matching.');
    case 'declined':
      return domainError('conflict', 'referral-declined', 'The referral was declined.');
    case 'closed':
      return domainError('conflict', 'matching-closed', 'Matching for this case is closed.');
    case 'placed':
      return domainError('conflict', 'placement-already-active', 'The client has an active placement; end it first.');
    case 'matching':
    case 'candidate-proposed':
    case 'reopened':
      return undefined;
    default:
      return assertNever(state);
  }
}

function employerFor(employer: EmployerSnapshot | undefined, employerId: string, metadata: CommandMetadata): EmployerSnapshot | DomainError {
  if (!employer || employer.employerId !== employerId) return domainError('not-found', 'employer-not-found', 'This employer is not known.', '/employerId');
  if (employer.organisationId !== metadata.actor.organisationId) {
    return domainError('forbidden', 'employer-of-other-organisation', 'This employer is kept by another employer-network organisation.', '/employerId');
  }
  return employer;
}

function openVacancyOf(employer: EmployerSnapshot, vacancyId: string): DomainError | undefined {
  const vacancy = employer.vacancies[vacancyId];
  if (!vacancy) return domainError('not-found', 'vacancy-not-found', 'This employer has no such vacancy.', '/vacancyId');
  if (vacancy.status !== 'open') return domainError('conflict', 'vacancy-closed', 'This vacancy is closed.');
  return undefined;
}

function activePlacement(state: KnownCase, placementId: string): Extract<Placement, { status: 'active' }> | DomainError {
  if (state.status === 'closed') return domainError('conflict', 'matching-closed', 'Matching for this case is closed.');
  const placement = state.placements.find((p) => p.placementId === placementId);
  if (!placement) return domainError('not-found', 'placement-not-found', 'This case has no such placement.');
  if (placement.status === 'ended') return domainError('conflict', 'placement-ended', 'This placement has already ended.');
  return placement;
}

function startPlacement(command: StartPlacement, state: KnownCase, metadata: CommandMetadata): readonly MatchingEvent[] | DomainError {
  const refused = openForMatching(state);
  if (refused) return refused;
  // A case closed as durably placed and referred again may still hold its job.
  if (state.placements.some((p) => p.status === 'active')) {
    return domainError('conflict', 'placement-already-active', 'The client has an active placement; end it first.');
  }
  const { employer: snapshot, ...terms } = command.data;
  const employer = employerFor(snapshot, terms.employerId, metadata);
  if (isDomainError(employer)) return employer;
  if (terms.vacancyId !== undefined) {
    const vacancyRefused = openVacancyOf(employer, terms.vacancyId);
    if (vacancyRefused) return vacancyRefused;
  }
  if (!(terms.hoursPerWeek >= 0 && terms.hoursPerWeek <= MAX_HOURS_PER_WEEK)) {
    return domainError('invalid', 'hours-out-of-range', `Hours per week must be between 0 and ${MAX_HOURS_PER_WEEK}.`, '/hoursPerWeek');
  }
  if (terms.hoursPerWeek === 0 && terms.contractType !== 'zero-hours') {
    return domainError('invalid', 'hours-required', 'Only a zero-hours contract may have 0 hours per week.', '/hoursPerWeek');
  }
  if (!Number.isInteger(terms.grossHourlyWageCents) || terms.grossHourlyWageCents < 0) {
    return domainError('invalid', 'wage-invalid', 'The gross hourly wage is a whole number of cents, 0 or more.', '/grossHourlyWageCents');
  }
  if (terms.wageValuePercent !== undefined && !(Number.isInteger(terms.wageValuePercent) && terms.wageValuePercent >= 0 && terms.wageValuePercent <= 100)) {
    return domainError('invalid', 'wage-value-invalid', 'Wage value is a whole percentage from 0 to 100.', '/wageValuePercent');
  }
  const previous = state.placements.at(-1);
  if (previous?.status === 'ended' && terms.startDate < previous.end.endDate) {
    return domainError('invalid', 'starts-before-previous-ended', `A new placement cannot start before the previous one ended (${previous.end.endDate}).`, '/startDate');
  }
  return [
    {
      type: 'PlacementStarted',
      data: {
        caseId: state.caseId,
        clientKey: state.clientKey,
        organisationId: state.organisationId,
        referralId: state.referral.referralId,
        referringOrganisationId: state.referral.fromOrganisationId,
        placementId: newIdFor(metadata, 'placement'),
        // The case numbers its jobs, never the caller: the next job after a job loss is the next number.
        sequence: state.placements.length + 1,
        ...terms,
        employerName: employer.name,
      },
    },
  ];
}

function decide(command: MatchingCommand, state: MatchingState, metadata: CommandMetadata): readonly MatchingEvent[] | DomainError {
  if (command.type === 'ReceiveReferral') {
    const { toOrganisationId, ...referral } = command.data;
    if (state.status !== 'none' && state.referral.referralId === referral.referralId) return []; // delivered again
    switch (state.status) {
      case 'none':
      case 'declined':
      case 'closed':
        return [{ type: 'ReferralReceived', data: { ...referral, organisationId: toOrganisationId } }];
      case 'referred':
      case 'matching':
      case 'candidate-proposed':
      case 'placed':
      case 'reopened':
        return domainError('conflict', 'matching-already-open', `Matching for this case is already open (referral ${state.referral.referralId}).`);
      default:
        return assertNever(state);
    }
  }

  const known = ownCase(state, metadata);
  if (isDomainError(known)) return known;
  const ref = { caseId: known.caseId, clientKey: known.clientKey, organisationId: known.organisationId, referralId: known.referral.referralId };
  // Answers and job loss go back to the referrer, by name.
  const toReferrer = { ...ref, referringOrganisationId: known.referral.fromOrganisationId };

  switch (command.type) {
    case 'AcceptReferral':
    case 'DeclineReferral': {
      if (known.status !== 'referred') return domainError('conflict', 'referral-already-answered', 'This referral has already been answered.');
      if (command.type === 'AcceptReferral') {
        return [{ type: 'ReferralAccepted', data: { ...toReferrer, ...command.data } }];
      }
      return [{ type: 'ReferralDeclined', data: { ...toReferrer, ...command.data } }];
    }
    case 'ProposeCandidate': {
      const refused = openForMatching(known);
      if (refused) return refused;
      const employer = employerFor(command.data.employer, command.data.employerId, metadata);
      if (isDomainError(employer)) return employer;
      const vacancyRefused = openVacancyOf(employer, command.data.vacancyId);
      if (vacancyRefused) return vacancyRefused;
      return [{ type: 'CandidateProposed', data: { ...ref, employerId: employer.employerId, vacancyId: command.data.vacancyId } }];
    }
    case 'StartPlacement':
      return startPlacement(command, known, metadata);
    case 'ReviewPlacement': {
      const placement = activePlacement(known, command.data.placementId);
      if (isDomainError(placement)) return placement;
      const { reviewMonth, reviewedOn } = command.data;
      if (placement.reviews.some((r) => r.reviewMonth === reviewMonth)) {
        return domainError('conflict', 'review-month-already-recorded', `The ${reviewMonth}-month review of this placement is already recorded.`);
      }
      if (reviewedOn < placement.startDate) return domainError('invalid', 'review-before-start', 'A review cannot precede the start of the placement.', '/reviewedOn');
      if (reviewedOn > dateOf(metadata.now)) return domainError('invalid', 'review-in-future', 'A review is recorded after it took place.', '/reviewedOn');
      if (!(command.data.hoursPerWeek >= 0 && command.data.hoursPerWeek <= MAX_HOURS_PER_WEEK)) {
        return domainError('invalid', 'hours-out-of-range', `Hours per week must be between 0 and ${MAX_HOURS_PER_WEEK}.`, '/hoursPerWeek');
      }
      return [{ type: 'PlacementReviewed', data: { ...ref, ...command.data } }];
    }
    case 'EndPlacement': {
      const placement = activePlacement(known, command.data.placementId);
      if (isDomainError(placement)) return placement;
      const { endDate, reason, reasonText } = command.data;
      if (endDate < placement.startDate) return domainError('invalid', 'end-before-start', `The end date cannot be before the start date (${placement.startDate}).`, '/endDate');
      if (reason === 'other' && (reasonText === undefined || reasonText.trim() === '')) {
        return domainError('invalid', 'reason-text-required', "A job loss for reason 'other' needs a reason text.", '/reasonText');
      }
      return [{ type: 'PlacementEnded', data: { ...toReferrer, ...command.data } }];
    }
    case 'CloseMatching': {
      if (known.status === 'referred' || known.status === 'declined' || known.status === 'closed') {
        return domainError('conflict', 'matching-not-open', `Matching cannot be closed while it is ${known.status}.`);
      }
      const placed = known.status === 'placed';
      if (placed !== (command.data.reasonCode === 'durably-placed')) {
        return domainError(
          'conflict',
          placed ? 'placement-still-active' : 'no-active-placement',
          placed ? "The client still works here: close as 'durably-placed' or end the placement first." : "'durably-placed' needs an active placement.",
        );
      }
      return [{ type: 'MatchingClosed', data: { ...ref, ...command.data } }];
    }
    default:
      return assertNever(command);
  }
}

function updatePlacement(state: KnownCase, placementId: string, update: (p: Placement) => Placement): Placement[] {
  return state.placements.map((p) => (p.placementId === placementId ? update(p) : p));
}

function evolve(state: MatchingState, event: MatchingEvent): MatchingState {
  if (event.type === 'ReferralReceived') {
    const { caseId, clientKey, organisationId, referralId, fromOrganisationId, reason, replyDeadline } = event.data;
    const placements = state.status === 'none' ? [] : state.placements;
    return { status: 'referred', caseId, clientKey, organisationId, referral: { referralId, fromOrganisationId, reason, replyDeadline }, placements };
  }
  if (state.status === 'none') return state;
  const caseFile: CaseFile = { caseId: state.caseId, clientKey: state.clientKey, organisationId: state.organisationId, referral: state.referral, placements: state.placements };
  switch (event.type) {
    case 'ReferralAccepted':
      return { ...caseFile, status: 'matching' };
    case 'ReferralDeclined':
      return { ...caseFile, status: 'declined' };
    case 'CandidateProposed':
      return { ...caseFile, status: 'candidate-proposed', proposal: { employerId: event.data.employerId, vacancyId: event.data.vacancyId } };
    case 'PlacementStarted': {
      const { caseId: _c, clientKey: _k, organisationId: _o, referralId: _r, referringOrganisationId: _m, ...placement } = event.data;
      return { ...caseFile, status: 'placed', activePlacementId: placement.placementId, placements: [...caseFile.placements, { ...placement, reviews: [], status: 'active' }] };
    }
    case 'PlacementReviewed': {
      const { reviewMonth, reviewedOn, stillWorking, hoursPerWeek, issues } = event.data;
      const review = { reviewMonth, reviewedOn, stillWorking, hoursPerWeek, issues };
      const placements = updatePlacement(state, event.data.placementId, (p) => ({ ...p, reviews: [...p.reviews, review] }));
      return { ...state, placements };
    }
    case 'PlacementEnded': {
      const { endDate, reason, reasonText } = event.data;
      const end = reasonText === undefined ? { endDate, reason } : { endDate, reason, reasonText };
      const placements = updatePlacement(state, event.data.placementId, (p) => ({ ...p, status: 'ended', end }));
      // Job loss reopens matching; the case goes on.
      return { ...caseFile, placements, status: 'reopened' };
    }
    case 'MatchingClosed':
      return { ...caseFile, status: 'closed' };
    default:
      return assertNever(event);
  }
}

export const matchingDecider: Decider<MatchingCommand, MatchingEvent, MatchingState> = {
  streamType: 'matching',
  initialState: () => ({ status: 'none' }),
  decide,
  evolve,
};
