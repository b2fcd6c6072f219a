// Decides care-funding requests toward a health insurer. The request id derives from
// the command id, so a retried request lands on the same stream and changes nothing.
import { assertNever, domainError, isDomainError, uuidV5, type CommandMetadata, type Decider, type DomainError } from '@wcc/domain-kit';
import type { CareFundingCommand, RecordCareFundingGranted, RecordCareFundingRefused, RequestCareFunding } from './care-funding.commands';
import type { CoachedJob } from '@wcc/shared-kernel';
import { CARE_FUNDING_INSTRUMENTS, type CareFundingEvent, type CareFundingInstrument, type CareFundingRef, type CareFundingRequested } from './care-funding.events';
import { isIsoDate } from './dates';
import { IPS_INTAKE_SESSIONS, ownAcceptedReferral } from './referral.decider';

export type CareFundingRequest = CareFundingRequested['data'];

export interface CareFundingGrant {
  readonly grantedUnits: number;
  readonly grantedAmountCents: number;
  readonly periodFrom: string;
  readonly periodTo: string;
}

export type CareFundingState =
  | { readonly status: 'none' }
  | { readonly status: 'requested'; readonly request: CareFundingRequest }
  | { readonly status: 'granted'; readonly request: CareFundingRequest; readonly grant: CareFundingGrant }
  | { readonly status: 'refused'; readonly request: CareFundingRequest; readonly reasonCode: string; readonly reason: string };

type Decision = readonly CareFundingEvent[] | DomainError;

/** Bounds of a stated job, as the placement contract has them (hours) and a contract runs (up to ten years). */
export const MAX_HOURS_PER_WEEK = 48;
export const MAX_CONTRACT_MONTHS = 120;

/** The funding request id (and stream id) a RequestCareFunding command creates. */
export function fundingRequestIdFor(commandId: string): string {
  return uuidV5(`${commandId}:care-funding-request`);
}

/** Checks shared by funding requests and claims: units, amount and an ordered period. */
export function quantityProblem(data: { units: number; amountCents: number; periodFrom: string; periodTo: string }): DomainError | undefined {
  if (!Number.isInteger(data.units) || data.units < 1) return domainError('invalid', 'invalid-units', 'Units are a whole number of at least 1.', '/units');
  if (!Number.isInteger(data.amountCents) || data.amountCents < 0) {
    return domainError('invalid', 'invalid-amount', 'The amount is a whole number of euro cents, not negative.', '/amountCents');
  }
  if (!isIsoDate(data.periodFrom)) return domainError('invalid', 'invalid-date', 'Not a calendar date.', '/periodFrom');
  if (!isIsoDate(data.periodTo) || data.periodTo < data.periodFrom) {
    return domainError('invalid', 'period-end-before-start', 'The period cannot end before it starts.', '/periodTo');
  }
  return undefined;
}

/**
 * The job a funding request states: required for job coaching (the insurer funds it by the
 * job's contract hours and year, report 002 §5.1.4), refused for the other instruments, which
 * need no job data. Whether the job qualifies is the insurer's to decide, and to answer.
 */
function jobProblem(instrument: CareFundingInstrument, job: CoachedJob | undefined, periodTo: string): DomainError | undefined {
  if (job === undefined) {
    return instrument === 'job-coaching'
      ? domainError('invalid', 'job-required', 'A job-coaching request states the job: its contract hours per week, contract length in months and start date.', '/job')
      : undefined;
  }
  if (instrument !== 'job-coaching') return domainError('invalid', 'job-not-asked', `Only a job-coaching request states a job; leave it out for ${instrument}.`, '/job');
  if (!Number.isFinite(job.hoursPerWeek) || job.hoursPerWeek < 0 || job.hoursPerWeek > MAX_HOURS_PER_WEEK || !Number.isInteger(job.hoursPerWeek * 2)) {
    return domainError('invalid', 'invalid-hours-per-week', `Contract hours per week are 0 to ${MAX_HOURS_PER_WEEK}, in half hours.`, '/job/hoursPerWeek');
  }
  if (!Number.isInteger(job.contractMonths) || job.contractMonths < 1 || job.contractMonths > MAX_CONTRACT_MONTHS) {
    return domainError('invalid', 'invalid-contract-months', `The contract length is a whole number of months, 1 to ${MAX_CONTRACT_MONTHS}.`, '/job/contractMonths');
  }
  if (!isIsoDate(job.startDate)) return domainError('invalid', 'invalid-date', 'Not a calendar date.', '/job/startDate');
  if (job.startDate > periodTo)
    return domainError('invalid', 'job-starts-after-period', `Job coaching follows the start of the job; this period ends (${periodTo}) before the job starts.`, '/job/startDate');
  return undefined;
}

function refOf(request: CareFundingRequest): CareFundingRef {
  return {
    fundingRequestId: request.fundingRequestId,
    referralId: request.referralId,
    caseId: request.caseId,
    clientKey: request.clientKey,
    organisationId: request.organisationId,
    insurerId: request.insurerId,
  };
}

function request(command: RequestCareFunding, state: CareFundingState, metadata: CommandMetadata): Decision {
  if (state.status !== 'none') return []; // the same command again
  const referral = ownAcceptedReferral(command.data.referral, metadata);
  if (isDomainError(referral)) return referral;
  const d = command.data;
  if (d.insurerId.trim() === '') return domainError('invalid', 'insurer-required', 'Name the health insurer.', '/insurerId');
  if (!(CARE_FUNDING_INSTRUMENTS as readonly string[]).includes(d.instrument)) {
    return domainError('invalid', 'unknown-instrument', `The instrument must be one of: ${CARE_FUNDING_INSTRUMENTS.join(', ')}.`, '/instrument');
  }
  const problem = quantityProblem(d);
  if (problem) return problem;
  if (d.instrument === 'ips-intake' && d.units > IPS_INTAKE_SESSIONS) {
    return domainError('invalid', 'too-many-intake-sessions', `The IPS intake phase has ${IPS_INTAKE_SESSIONS} sessions.`, '/units');
  }
  const badJob = jobProblem(d.instrument, d.job, d.periodTo);
  if (badJob) return badJob;
  const r = referral.referral;
  return [
    {
      type: 'CareFundingRequested',
      data: {
        fundingRequestId: fundingRequestIdFor(metadata.commandId),
        referralId: r.referralId,
        caseId: r.caseId,
        clientKey: r.clientKey,
        organisationId: r.organisationId,
        insurerId: d.insurerId.trim(),
        instrument: d.instrument,
        units: d.units,
        amountCents: d.amountCents,
        periodFrom: d.periodFrom,
        periodTo: d.periodTo,
        ...(d.job === undefined ? {} : { job: { hoursPerWeek: d.job.hoursPerWeek, contractMonths: d.job.contractMonths, startDate: d.job.startDate } }),
      },
    },
  ];
}

function answerable(state: CareFundingState, insurerId: string): Exclude<CareFundingState, { status: 'none' }> | DomainError {
  if (state.status === 'none') return domainError('not-found', 'funding-request-not-found', 'There is no such funding request.');
  if (state.request.insurerId !== insurerId) {
    return domainError('forbidden', 'not-the-asked-insurer', `The request was made to ${state.request.insurerId}, not to ${insurerId}.`);
  }
  return state;
}

function recordGranted(command: RecordCareFundingGranted, state: CareFundingState): Decision {
  const own = answerable(state, command.data.insurerId);
  if (isDomainError(own)) return own;
  switch (own.status) {
    case 'granted':
      return [];
    case 'refused':
      return domainError('conflict', 'funding-already-refused', 'The insurer already refused this request.');
    case 'requested': {
      const { grantedUnits, grantedAmountCents, periodFrom, periodTo } = command.data;
      return [{ type: 'CareFundingGranted', data: { ...refOf(own.request), grantedUnits, grantedAmountCents, periodFrom, periodTo } }];
    }
    default:
      return assertNever(own);
  }
}

function recordRefused(command: RecordCareFundingRefused, state: CareFundingState): Decision {
  const own = answerable(state, command.data.insurerId);
  if (isDomainError(own)) return own;
  switch (own.status) {
    case 'refused':
      return [];
    case 'granted':
      return domainError('conflict', 'funding-already-granted', 'The insurer already granted this request.');
    case 'requested':
      return [{ type: 'CareFundingRefused', data: { ...refOf(own.request), reasonCode: command.data.reasonCode, reason: command.data.reason } }];
    default:
      return assertNever(own);
  }
}

function evolve(state: CareFundingState, event: CareFundingEvent): CareFundingState {
  switch (event.type) {
    case 'CareFundingRequested':
      return { status: 'requested', request: event.data };
    case 'CareFundingGranted': {
      if (state.status === 'none') return state;
      const { grantedUnits, grantedAmountCents, periodFrom, periodTo } = event.data;
      return { status: 'granted', request: state.request, grant: { grantedUnits, grantedAmountCents, periodFrom, periodTo } };
    }
    case 'CareFundingRefused':
      if (state.status === 'none') return state;
      return { status: 'refused', request: state.request, reasonCode: event.data.reasonCode, reason: event.data.reason };
    default:
      return assertNever(event);
  }
}

export const careFundingDecider: Decider<CareFundingCommand, CareFundingEvent, CareFundingState> = {
  streamType: 'care-funding',
  initialState: () => ({ status: 'none' }),
  decide(command, state, metadata) {
    switch (command.type) {
      case 'RequestCareFunding':
        return request(command, state, metadata);
      case 'RecordCareFundingGranted':
        return recordGranted(command, state);
      case 'RecordCareFundingRefused':
        return recordRefused(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve,
};
