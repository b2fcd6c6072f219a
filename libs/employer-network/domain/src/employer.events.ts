// Events of an employer's stream: the employer as the account managers know it, its
// vacancies and every contact with it. Private to the employer network: none of them
// is published.
import type { EmployerContactKind, EmployerSize, VacancyCloseReason } from './code-lists';

/** The employer's own contact person: business contact data, never a client's. */
export interface EmployerContact {
  readonly person: string;
  readonly email?: string;
  readonly phone?: string;
}

export interface EmployerRegistered {
  readonly type: 'EmployerRegistered';
  readonly data: {
    readonly employerId: string;
    /** The employer-network organisation whose account managers keep this employer. */
    readonly organisationId: string;
    readonly name: string;
    readonly sector: string;
    readonly size: EmployerSize;
    readonly contact: EmployerContact;
  };
}

export interface VacancyOpened {
  readonly type: 'VacancyOpened';
  readonly data: {
    readonly employerId: string;
    readonly vacancyId: string;
    readonly role: string;
    readonly hoursPerWeek: number;
    /** What the work asks of the worker (taakeisen): tasks, pace, contact, physical load. */
    readonly taskDemands: readonly string[];
  };
}

export interface VacancyClosed {
  readonly type: 'VacancyClosed';
  readonly data: { readonly employerId: string; readonly vacancyId: string; readonly reason: VacancyCloseReason };
}

export interface EmployerContactLogged {
  readonly type: 'EmployerContactLogged';
  readonly data: {
    readonly employerId: string;
    readonly contactId: string;
    readonly kind: EmployerContactKind;
    readonly contactedOn: string;
    /** The client was there too (a job interview, a workplace visit). */
    readonly withClient: boolean;
    /** The case of that client; only when withClient. */
    readonly caseId?: string;
    readonly summary?: string;
  };
}

export type EmployerEvent = EmployerRegistered | VacancyOpened | VacancyClosed | EmployerContactLogged;
