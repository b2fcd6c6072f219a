// Decides what a care provider may do with a referral: answer it, screen the client
// (clinical findings private, the advice work-oriented), run IPS and record treatment
// episodes, and discharge the client. Another provider's referral is reported as not found: that a client is
// referred to a GGZ provider is itself health data, so it is not confirmed to outsiders.
import { assertNever, domainError, isDomainError, uuidV5, type CommandMetadata, type Decider, type DomainError } from '@wcc/domain-kit';
import { CLINICAL_NOTES_MAX_LENGTH, isDiagnosisCodeSystem, isValidDiagnosisCode } from './clinical-findings';
import { isIsoDate, localDateOf } from './dates';
import type {
  AcceptReferral,
  AssignIpsJobCoach,
  DeclineReferral,
  DischargeClient,
  EndTreatmentEpisode,
  ReceiveReferral,
  RecordClinicalFindings,
  RecordIpsIntakeSession,
  ReferralCommand,
  StartTreatmentEpisode,
  SubmitScreeningAdvice,
} from './referral.commands';
import { DECLINE_REASONS, DISCHARGE_REASONS, TREATMENT_END_REASONS, type AnswerRef, type DeclineReason, type ReferralEvent, type ReferralRef, type ScreeningAdvice } from './referral.events';
import { isAdvisedRoute, isFunctionalLimitationCode, isValidWorkCapacity } from './screening-advice';

/** IPS starts with an intake phase of eight sessions (report 002, IPS Noord-Holland Noord). */
export const IPS_INTAKE_SESSIONS = 8;

export interface ReferralInfo extends ReferralRef {
  readonly fromOrganisationId: string;
  readonly route: string;
  readonly reason: string;
  readonly replyDeadline: string;
  readonly referredAt: string;
}

export type ScreeningState =
  | { readonly status: 'not-started' }
  | { readonly status: 'started'; readonly startedOn: string; readonly findingsRecorded: number }
  | { readonly status: 'advised'; readonly startedOn: string; readonly findingsRecorded: number; readonly advice: ScreeningAdvice };

export interface TreatmentEpisode {
  readonly episodeId: string;
  readonly startDate: string;
  readonly endDate?: string;
}

export interface AcceptedReferral {
  readonly status: 'accepted';
  readonly referral: ReferralInfo;
  readonly plannedStart?: string;
  readonly screening: ScreeningState;
  readonly jobCoachId?: string;
  readonly ipsSessions: readonly number[];
  readonly episodes: readonly TreatmentEpisode[];
  /** Set once the client is discharged: the provider's involvement ended on this date. */
  readonly dischargedOn?: string;
}

export type ReferralState =
  | { readonly status: 'none' }
  | { readonly status: 'received'; readonly referral: ReferralInfo }
  | { readonly status: 'declined'; readonly referral: ReferralInfo; readonly reasonCode: DeclineReason }
  | AcceptedReferral;

type Decision = readonly ReferralEvent[] | DomainError;

const notFound = (): DomainError => domainError('not-found', 'referral-not-found', 'There is no such referral for your organisation.');

function refOf(referral: ReferralRef): ReferralRef {
  return { referralId: referral.referralId, caseId: referral.caseId, clientKey: referral.clientKey, organisationId: referral.organisationId };
}

/** What goes back to the referrer names it: the municipality the answer is addressed to. */
function answerRefOf(referral: ReferralInfo): AnswerRef {
  return { ...refOf(referral), referringOrganisationId: referral.fromOrganisationId };
}

/** The referral, if it exists and is addressed to the caller's organisation. */
function ownReferral(state: ReferralState, metadata: CommandMetadata): Exclude<ReferralState, { status: 'none' }> | DomainError {
  if (state.status === 'none') return notFound();
  if (metadata.actor.organisationType !== 'care-provider' || metadata.actor.organisationId !== state.referral.organisationId) return notFound();
  return state;
}

/** The referral, if it is the caller's and accepted; other streams (funding) check through this too. */
export function ownAcceptedReferral(state: ReferralState, metadata: CommandMetadata): AcceptedReferral | DomainError {
  const own = ownReferral(state, metadata);
  if (isDomainError(own)) return own;
  switch (own.status) {
    case 'received':
      return domainError('conflict', 'referral-not-accepted', 'Accept the referral first.');
    case 'declined':
      return domainError('conflict', 'referral-declined', 'The referral was declined; nothing more can be recorded on it.');
    case 'accepted':
      return own;
    default:
      return assertNever(own);
  }
}

/** The caller's accepted referral while the client is in its care: after a discharge, care resumes only on a new referral. */
function referralInCare(state: ReferralState, metadata: CommandMetadata): AcceptedReferral | DomainError {
  const own = ownAcceptedReferral(state, metadata);
  if (isDomainError(own)) return own;
  if (own.dischargedOn !== undefined) return domainError('conflict', 'client-discharged', `The client was discharged on ${own.dischargedOn}; care resumes only on a new referral.`);
  return own;
}

function receive(command: ReceiveReferral, state: ReferralState): Decision {
  // A redelivered ClientReferred changes nothing.
  if (state.status !== 'none') return [];
  const d = command.data;
  return [
    {
      type: 'ReferralReceived',
      data: {
        referralId: d.referralId,
        caseId: d.caseId,
        clientKey: d.clientKey,
        organisationId: d.toOrganisationId,
        fromOrganisationId: d.fromOrganisationId,
        route: d.route,
        reason: d.reason,
        replyDeadline: d.replyDeadline,
        referredAt: d.referredAt,
      },
    },
  ];
}

function accept(command: AcceptReferral, state: ReferralState, metadata: CommandMetadata): Decision {
  const own = ownReferral(state, metadata);
  if (isDomainError(own)) return own;
  if (own.status !== 'received') return domainError('conflict', 'referral-already-answered', `The referral was already ${own.status}.`);
  const { plannedStart } = command.data;
  if (plannedStart !== undefined && (!isIsoDate(plannedStart) || plannedStart < localDateOf(metadata.now))) {
    return domainError('invalid', 'planned-start-in-past', 'The planned start must be a date from today on.', '/plannedStart');
  }
  return [{ type: 'ReferralAccepted', data: { ...answerRefOf(own.referral), ...(plannedStart !== undefined ? { plannedStart } : {}) } }];
}

function decline(command: DeclineReferral, state: ReferralState, metadata: CommandMetadata): Decision {
  const own = ownReferral(state, metadata);
  if (isDomainError(own)) return own;
  if (own.status !== 'received') return domainError('conflict', 'referral-already-answered', `The referral was already ${own.status}.`);
  const { reasonCode, reason } = command.data;
  if (!(DECLINE_REASONS as readonly string[]).includes(reasonCode)) {
    return domainError('invalid', 'unknown-decline-reason', `The reason code must be one of: ${DECLINE_REASONS.join(', ')}.`, '/reasonCode');
  }
  if (reason.trim() === '') return domainError('invalid', 'decline-reason-required', 'Say why, for the referrer.', '/reason');
  return [{ type: 'ReferralDeclined', data: { ...answerRefOf(own.referral), reasonCode, reason: reason.trim() } }];
}

function startScreening(state: ReferralState, metadata: CommandMetadata): Decision {
  const own = referralInCare(state, metadata);
  if (isDomainError(own)) return own;
  if (own.screening.status !== 'not-started') return domainError('conflict', 'screening-already-started', 'The screening was already started.');
  return [{ type: 'ScreeningStarted', data: { ...refOf(own.referral), startedOn: localDateOf(metadata.now) } }];
}

function recordFindings(command: RecordClinicalFindings, state: ReferralState, metadata: CommandMetadata): Decision {
  const own = referralInCare(state, metadata);
  if (isDomainError(own)) return own;
  if (own.screening.status === 'not-started') return domainError('conflict', 'screening-not-started', 'Start the screening first.');
  const { diagnoses, notes } = command.data;
  const trimmedNotes = notes?.trim() ?? '';
  if (diagnoses.length === 0 && trimmedNotes === '') {
    return domainError('invalid', 'findings-empty', 'Record at least one diagnosis code or a note.', '/diagnoses');
  }
  for (const [index, diagnosis] of diagnoses.entries()) {
    if (!isDiagnosisCodeSystem(diagnosis.system)) {
      return domainError('invalid', 'unknown-code-system', 'The code system must be icd-10 or dsm-5.', `/diagnoses/${index}/system`);
    }
    if (!isValidDiagnosisCode(diagnosis.system, diagnosis.code)) {
      return domainError('invalid', 'malformed-diagnosis-code', `This is not a ${diagnosis.system} code.`, `/diagnoses/${index}/code`);
    }
  }
  if (trimmedNotes.length > CLINICAL_NOTES_MAX_LENGTH) {
    return domainError('invalid', 'notes-too-long', `Notes may be at most ${CLINICAL_NOTES_MAX_LENGTH} characters.`, '/notes');
  }
  return [
    {
      type: 'ClinicalFindingsRecorded',
      data: {
        ...refOf(own.referral),
        findingsId: uuidV5(`${metadata.commandId}:clinical-findings`),
        diagnoses: diagnoses.map((d) => ({ system: d.system, code: d.code })),
        ...(trimmedNotes !== '' ? { notes: trimmedNotes } : {}),
      },
    },
  ];
}

function adviceProblem(data: SubmitScreeningAdvice['data'], today: string): DomainError | undefined {
  if (!isAdvisedRoute(data.advisedRoute)) return domainError('invalid', 'unknown-route', 'The advised route must be ips, reintegration, care-first or not-now.', '/advisedRoute');
  if (!isValidWorkCapacity(data.workCapacityHoursPerWeek)) {
    return domainError('invalid', 'invalid-work-capacity', 'Work capacity is 0 to 40 hours a week, in half hours.', '/workCapacityHoursPerWeek');
  }
  const recommended = data.recommendedHoursPerWeek;
  if (recommended !== undefined && (!isValidWorkCapacity(recommended) || recommended > data.workCapacityHoursPerWeek)) {
    return domainError('invalid', 'invalid-recommended-hours', 'Recommended hours are in half hours and at most the work capacity.', '/recommendedHoursPerWeek');
  }
  for (const [index, code] of data.functionalLimitations.entries()) {
    if (!isFunctionalLimitationCode(code)) {
      return domainError('invalid', 'unknown-functional-limitation', `'${String(code)}' is not on the functional-limitation code list.`, `/functionalLimitations/${index}`);
    }
  }
  if (new Set(data.functionalLimitations).size !== data.functionalLimitations.length) {
    return domainError('invalid', 'duplicate-functional-limitation', 'Each functional limitation may be listed once.', '/functionalLimitations');
  }
  if (!isIsoDate(data.reviewDate) || data.reviewDate <= today) {
    return domainError('invalid', 'review-date-not-in-future', 'The review date must be after today.', '/reviewDate');
  }
  return undefined;
}

function submitAdvice(command: SubmitScreeningAdvice, state: ReferralState, metadata: CommandMetadata): Decision {
  const own = referralInCare(state, metadata);
  if (isDomainError(own)) return own;
  switch (own.screening.status) {
    case 'not-started':
      return domainError('conflict', 'screening-not-started', 'Start the screening before submitting advice.');
    case 'advised':
      return domainError('conflict', 'screening-advice-already-submitted', 'Screening advice was already submitted for this referral.');
    case 'started':
      break;
    default:
      return assertNever(own.screening);
  }
  const problem = adviceProblem(command.data, localDateOf(metadata.now));
  if (problem) return problem;
  const d = command.data;
  const advice: ScreeningAdvice = {
    adviceId: uuidV5(`${metadata.commandId}:screening-advice`),
    advisedRoute: d.advisedRoute,
    workCapacityHoursPerWeek: d.workCapacityHoursPerWeek,
    ...(d.recommendedHoursPerWeek !== undefined ? { recommendedHoursPerWeek: d.recommendedHoursPerWeek } : {}),
    functionalLimitations: [...d.functionalLimitations],
    contraIndications: d.contraIndications,
    reviewDate: d.reviewDate,
  };
  return [{ type: 'ScreeningAdviceSubmitted', data: { ...answerRefOf(own.referral), ...advice } }];
}

function assignJobCoach(command: AssignIpsJobCoach, state: ReferralState, metadata: CommandMetadata): Decision {
  const own = referralInCare(state, metadata);
  if (isDomainError(own)) return own;
  const jobCoachId = command.data.jobCoachId.trim();
  if (jobCoachId === '') return domainError('invalid', 'job-coach-required', 'Name the IPS job coach by user id.', '/jobCoachId');
  if (own.screening.status === 'advised' && own.screening.advice.advisedRoute !== 'ips') {
    return domainError('conflict', 'advice-is-not-ips', `The screening advised ${own.screening.advice.advisedRoute}, not IPS.`);
  }
  if (own.jobCoachId === jobCoachId) return [];
  return [{ type: 'IpsJobCoachAssigned', data: { ...refOf(own.referral), jobCoachId } }];
}

function recordIntakeSession(command: RecordIpsIntakeSession, state: ReferralState, metadata: CommandMetadata): Decision {
  const own = referralInCare(state, metadata);
  if (isDomainError(own)) return own;
  const { sessionNumber, heldOn } = command.data;
  if (!Number.isInteger(sessionNumber) || sessionNumber < 1 || sessionNumber > IPS_INTAKE_SESSIONS) {
    return domainError('invalid', 'session-number-out-of-range', `IPS intake sessions are numbered 1 to ${IPS_INTAKE_SESSIONS}.`, '/sessionNumber');
  }
  if (!isIsoDate(heldOn) || heldOn > localDateOf(metadata.now)) {
    return domainError('invalid', 'session-in-future', 'A session is recorded once held: the date cannot be after today.', '/heldOn');
  }
  if (own.jobCoachId === undefined) return domainError('conflict', 'no-ips-job-coach', 'Assign an IPS job coach first.');
  if (own.ipsSessions.includes(sessionNumber)) {
    return domainError('conflict', 'ips-intake-session-already-recorded', `IPS intake session ${sessionNumber} was already recorded.`);
  }
  return [{ type: 'IpsIntakeSessionRecorded', data: { ...refOf(own.referral), sessionNumber, heldOn } }];
}

function startEpisode(command: StartTreatmentEpisode, state: ReferralState, metadata: CommandMetadata): Decision {
  const own = referralInCare(state, metadata);
  if (isDomainError(own)) return own;
  const { startDate } = command.data;
  if (!isIsoDate(startDate)) return domainError('invalid', 'invalid-date', 'Not a calendar date.', '/startDate');
  const last = own.episodes.at(-1);
  if (last && last.endDate === undefined) return domainError('conflict', 'treatment-episode-open', 'End the open treatment episode first.');
  if (last?.endDate !== undefined && startDate < last.endDate) {
    return domainError('invalid', 'overlapping-episode', `A new episode cannot start before the previous one ended (${last.endDate}).`, '/startDate');
  }
  return [{ type: 'TreatmentEpisodeStarted', data: { ...refOf(own.referral), episodeId: uuidV5(`${metadata.commandId}:treatment-episode`), startDate } }];
}

function endEpisode(command: EndTreatmentEpisode, state: ReferralState, metadata: CommandMetadata): Decision {
  const own = referralInCare(state, metadata);
  if (isDomainError(own)) return own;
  const open = own.episodes.at(-1);
  if (!open || open.endDate !== undefined) return domainError('conflict', 'no-open-treatment-episode', 'There is no open treatment episode.');
  const { endDate, endReason } = command.data;
  if (!isIsoDate(endDate) || endDate < open.startDate) {
    return domainError('invalid', 'end-before-start', `The end date cannot be before the start date (${open.startDate}).`, '/endDate');
  }
  if (!(TREATMENT_END_REASONS as readonly string[]).includes(endReason)) {
    return domainError('invalid', 'unknown-end-reason', `The end reason must be one of: ${TREATMENT_END_REASONS.join(', ')}.`, '/endReason');
  }
  return [{ type: 'TreatmentEpisodeEnded', data: { ...refOf(own.referral), episodeId: open.episodeId, endDate, endReason } }];
}

function discharge(command: DischargeClient, state: ReferralState, metadata: CommandMetadata): Decision {
  const own = ownAcceptedReferral(state, metadata);
  if (isDomainError(own)) return own;
  if (own.dischargedOn !== undefined) return domainError('conflict', 'client-already-discharged', `The client was already discharged on ${own.dischargedOn}.`);
  const last = own.episodes.at(-1);
  if (last && last.endDate === undefined) return domainError('conflict', 'treatment-episode-open', 'End the open treatment episode first.');
  const { dischargedOn, reasonCode } = command.data;
  if (!isIsoDate(dischargedOn) || dischargedOn > localDateOf(metadata.now)) {
    return domainError('invalid', 'discharge-in-future', 'A discharge is recorded once it happened: the date cannot be after today.', '/dischargedOn');
  }
  if (last?.endDate !== undefined && dischargedOn < last.endDate) {
    return domainError('invalid', 'discharge-before-treatment-ended', `The discharge cannot be before the last treatment episode ended (${last.endDate}).`, '/dischargedOn');
  }
  if (!(DISCHARGE_REASONS as readonly string[]).includes(reasonCode)) {
    return domainError('invalid', 'unknown-discharge-reason', `The reason code must be one of: ${DISCHARGE_REASONS.join(', ')}.`, '/reasonCode');
  }
  return [{ type: 'ClientDischarged', data: { ...refOf(own.referral), dischargedOn, reasonCode } }];
}

function evolve(state: ReferralState, event: ReferralEvent): ReferralState {
  switch (event.type) {
    case 'ReferralReceived': {
      const d = event.data;
      return { status: 'received', referral: { ...d } };
    }
    case 'ReferralAccepted':
      if (state.status !== 'received') return state;
      return {
        status: 'accepted',
        referral: state.referral,
        ...(event.data.plannedStart !== undefined ? { plannedStart: event.data.plannedStart } : {}),
        screening: { status: 'not-started' },
        ipsSessions: [],
        episodes: [],
      };
    case 'ReferralDeclined':
      if (state.status !== 'received') return state;
      return { status: 'declined', referral: state.referral, reasonCode: event.data.reasonCode };
    case 'ScreeningStarted':
      if (state.status !== 'accepted') return state;
      return { ...state, screening: { status: 'started', startedOn: event.data.startedOn, findingsRecorded: 0 } };
    case 'ClinicalFindingsRecorded':
      if (state.status !== 'accepted' || state.screening.status === 'not-started') return state;
      return { ...state, screening: { ...state.screening, findingsRecorded: state.screening.findingsRecorded + 1 } };
    case 'ScreeningAdviceSubmitted': {
      if (state.status !== 'accepted' || state.screening.status === 'not-started') return state;
      const { referralId: _r, caseId: _c, clientKey: _k, organisationId: _o, referringOrganisationId: _m, ...advice } = event.data;
      return { ...state, screening: { status: 'advised', startedOn: state.screening.startedOn, findingsRecorded: state.screening.findingsRecorded, advice } };
    }
    case 'IpsJobCoachAssigned':
      if (state.status !== 'accepted') return state;
      return { ...state, jobCoachId: event.data.jobCoachId };
    case 'IpsIntakeSessionRecorded':
      if (state.status !== 'accepted') return state;
      return { ...state, ipsSessions: [...state.ipsSessions, event.data.sessionNumber] };
    case 'TreatmentEpisodeStarted':
      if (state.status !== 'accepted') return state;
      return { ...state, episodes: [...state.episodes, { episodeId: event.data.episodeId, startDate: event.data.startDate }] };
    case 'TreatmentEpisodeEnded':
      if (state.status !== 'accepted') return state;
      return {
        ...state,
        episodes: state.episodes.map((e) => (e.episodeId === event.data.episodeId ? { ...e, endDate: event.data.endDate } : e)),
      };
    case 'ClientDischarged':
      if (state.status !== 'accepted') return state;
      return { ...state, dischargedOn: event.data.dischargedOn };
    default:
      return assertNever(event);
  }
}

export const referralDecider: Decider<ReferralCommand, ReferralEvent, ReferralState> = {
  streamType: 'referral',
  initialState: () => ({ status: 'none' }),
  decide(command, state, metadata) {
    switch (command.type) {
      case 'ReceiveReferral':
        return receive(command, state);
      case 'AcceptReferral':
        return accept(command, state, metadata);
      case 'DeclineReferral':
        return decline(command, state, metadata);
      case 'StartScreening':
        return startScreening(state, metadata);
      case 'RecordClinicalFindings':
        return recordFindings(command, state, metadata);
      case 'SubmitScreeningAdvice':
        return submitAdvice(command, state, metadata);
      case 'AssignIpsJobCoach':
        return assignJobCoach(command, state, metadata);
      case 'RecordIpsIntakeSession':
        return recordIntakeSession(command, state, metadata);
      case 'StartTreatmentEpisode':
        return startEpisode(command, state, metadata);
      case 'EndTreatmentEpisode':
        return endEpisode(command, state, metadata);
      case 'DischargeClient':
        return discharge(command, state, metadata);
      default:
        return assertNever(command);
    }
  },
  evolve,
};
