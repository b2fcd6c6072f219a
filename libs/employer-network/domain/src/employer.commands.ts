// Commands on an employer's stream, as account managers of the employer network give them.
import type { EmployerContactKind, EmployerSize, VacancyCloseReason } from './code-lists';
import type { EmployerContact } from './employer.events';

export interface RegisterEmployer {
  readonly type: 'RegisterEmployer';
  readonly data: { readonly employerId: string; readonly name: string; readonly sector: string; readonly size: EmployerSize; readonly contact: EmployerContact };
}

export interface OpenVacancy {
  readonly type: 'OpenVacancy';
  readonly data: { readonly role: string; readonly hoursPerWeek: number; readonly taskDemands: readonly string[] };
}

export interface CloseVacancy {
  readonly type: 'CloseVacancy';
  readonly data: { readonly vacancyId: string; readonly reason: VacancyCloseReason };
}

export interface LogEmployerContact {
  readonly type: 'LogEmployerContact';
  readonly data: {
    readonly kind: EmployerContactKind;
    readonly contactedOn: string;
    readonly withClient: boolean;
    readonly caseId?: string;
    readonly summary?: string;
  };
}

export type EmployerCommand = RegisterEmployer | OpenVacancy | CloseVacancy | LogEmployerContact;
