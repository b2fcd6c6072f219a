// The employer's stream: registered once by an employer-network organisation, then
// only that organisation's account managers open and close its vacancies and log
// contacts with it.
import { assertNever, domainError, isDomainError, type CommandMetadata, type Decider, type DomainError } from '@wcc/domain-kit';
import type { EmployerCommand } from './employer.commands';
import type { EmployerEvent } from './employer.events';
import { dateOf, newIdFor } from './ids';

export interface VacancyState {
  readonly vacancyId: string;
  readonly role: string;
  readonly status: 'open' | 'closed';
}

export type EmployerState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'registered';
      readonly employerId: string;
      readonly organisationId: string;
      readonly name: string;
      readonly vacancies: Readonly<Record<string, VacancyState>>;
    };

type Registered = Extract<EmployerState, { status: 'registered' }>;

export const MAX_HOURS_PER_WEEK = 48;

function registeredFor(state: EmployerState, metadata: CommandMetadata): Registered | DomainError {
  if (state.status === 'unknown') return domainError('not-found', 'employer-not-found', 'This employer is not known.');
  if (state.organisationId !== metadata.actor.organisationId) {
    return domainError('forbidden', 'employer-of-other-organisation', 'This employer is kept by another employer-network organisation.');
  }
  return state;
}

function decide(command: EmployerCommand, state: EmployerState, metadata: CommandMetadata): readonly EmployerEvent[] | DomainError {
  if (metadata.actor.organisationType !== 'employer-network') {
    return domainError('forbidden', 'not-employer-network', 'Only the employer network keeps employers and vacancies.');
  }
  switch (command.type) {
    case 'RegisterEmployer': {
      if (state.status !== 'unknown') return domainError('conflict', 'employer-already-registered', 'This employer is already registered.');
      return [{ type: 'EmployerRegistered', data: { ...command.data, organisationId: metadata.actor.organisationId } }];
    }
    case 'OpenVacancy': {
      const employer = registeredFor(state, metadata);
      if (isDomainError(employer)) return employer;
      const { hoursPerWeek } = command.data;
      if (!(hoursPerWeek > 0 && hoursPerWeek <= MAX_HOURS_PER_WEEK)) {
        return domainError('invalid', 'hours-out-of-range', `Hours per week must be more than 0 and at most ${MAX_HOURS_PER_WEEK}.`, '/hoursPerWeek');
      }
      return [{ type: 'VacancyOpened', data: { employerId: employer.employerId, vacancyId: newIdFor(metadata, 'vacancy'), ...command.data } }];
    }
    case 'CloseVacancy': {
      const employer = registeredFor(state, metadata);
      if (isDomainError(employer)) return employer;
      const vacancy = employer.vacancies[command.data.vacancyId];
      if (!vacancy) return domainError('not-found', 'vacancy-not-found', 'This employer has no such vacancy.');
      if (vacancy.status === 'closed') return domainError('conflict', 'vacancy-already-closed', 'This vacancy is already closed.');
      return [{ type: 'VacancyClosed', data: { employerId: employer.employerId, ...command.data } }];
    }
    case 'LogEmployerContact': {
      const employer = registeredFor(state, metadata);
      if (isDomainError(employer)) return employer;
      const { withClient, caseId, contactedOn } = command.data;
      if (withClient && caseId === undefined) return domainError('invalid', 'case-required', 'A contact with the client names the case.', '/caseId');
      if (!withClient && caseId !== undefined) return domainError('invalid', 'case-without-client', 'Name a case only when the client was there.', '/caseId');
      if (contactedOn > dateOf(metadata.now)) return domainError('invalid', 'contact-in-future', 'A contact is logged after it happened.', '/contactedOn');
      return [{ type: 'EmployerContactLogged', data: { employerId: employer.employerId, contactId: newIdFor(metadata, 'contact'), ...command.data } }];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: EmployerState, event: EmployerEvent): EmployerState {
  switch (event.type) {
    case 'EmployerRegistered':
      return { status: 'registered', employerId: event.data.employerId, organisationId: event.data.organisationId, name: event.data.name, vacancies: {} };
    case 'VacancyOpened':
      if (state.status !== 'registered') return state;
      return { ...state, vacancies: { ...state.vacancies, [event.data.vacancyId]: { vacancyId: event.data.vacancyId, role: event.data.role, status: 'open' } } };
    case 'VacancyClosed': {
      if (state.status !== 'registered') return state;
      const vacancy = state.vacancies[event.data.vacancyId];
      return vacancy ? { ...state, vacancies: { ...state.vacancies, [vacancy.vacancyId]: { ...vacancy, status: 'closed' } } } : state;
    }
    case 'EmployerContactLogged':
      return state;
    default:
      return assertNever(event);
  }
}

export const employerDecider: Decider<EmployerCommand, EmployerEvent, EmployerState> = {
  streamType: 'employer',
  initialState: () => ({ status: 'unknown' }),
  decide,
  evolve,
};

/** What the matching decider needs to know of an employer: who keeps it, its name, its vacancies. */
export interface EmployerSnapshot {
  readonly employerId: string;
  readonly organisationId: string;
  readonly name: string;
  readonly vacancies: Readonly<Record<string, VacancyState>>;
}

export function employerSnapshotOf(state: EmployerState): EmployerSnapshot | undefined {
  switch (state.status) {
    case 'unknown':
      return undefined;
    case 'registered':
      return { employerId: state.employerId, organisationId: state.organisationId, name: state.name, vacancies: state.vacancies };
    default:
      return assertNever(state);
  }
}
