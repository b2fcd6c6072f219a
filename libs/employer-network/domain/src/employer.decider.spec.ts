import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@wcc/domain-kit/testing';
import type { EmployerEvent } from './employer.events';
import { employerDecider, employerSnapshotOf } from './employer.decider';
import { newIdFor } from './ids';
import { accountManager, clientManager, metadataOf, otherAccountManager } from './testing/actors';

const given = deciderSpec(employerDecider);

const employerId = '7d1c3c4e-2f7b-4c0a-9d55-1a2b3c4d5e6f';
const registered: EmployerEvent = {
  type: 'EmployerRegistered',
  data: {
    employerId,
    organisationId: accountManager.organisationId,
    name: 'Bakkerij De Korenschoof',
    sector: 'food retail',
    size: 'small',
    contact: { person: 'Mevr. J. de Wit', email: 'hr@korenschoof.example' },
  },
};
const vacancyOpened: EmployerEvent = {
  type: 'VacancyOpened',
  data: { employerId, vacancyId: 'b1c2d3e4-0000-4000-8000-000000000001', role: 'baker assistant', hoursPerWeek: 20, taskDemands: ['early shifts'] },
};

describe('employer decider', () => {
  describe('RegisterEmployer', () => {
    const command = { type: 'RegisterEmployer', data: { employerId, name: 'Bakkerij De Korenschoof', sector: 'food retail', size: 'small', contact: { person: 'Mevr. J. de Wit' } } } as const;

    it('registers the employer for the caller’s organisation', () => {
      given([])
        .when(command, metadataOf('c1'))
        .then([{ type: 'EmployerRegistered', data: { ...command.data, organisationId: 'wsp-rijnmond' } }]);
    });
    it('refuses to register the same employer twice', () => {
      given([registered]).when(command, metadataOf('c2')).thenRefused({ category: 'conflict', code: 'employer-already-registered' });
    });
    it('refuses an actor outside the employer network', () => {
      given([]).when(command, metadataOf('c3', clientManager)).thenRefused({ category: 'forbidden' });
    });
  });

  describe('OpenVacancy', () => {
    const command = { type: 'OpenVacancy', data: { role: 'baker assistant', hoursPerWeek: 20, taskDemands: ['early shifts', 'standing work'] } } as const;

    it('opens a vacancy with an id derived from the command', () => {
      given([registered])
        .when(command, metadataOf('c4'))
        .then([{ type: 'VacancyOpened', data: { employerId, vacancyId: newIdFor({ commandId: 'c4' }, 'vacancy'), ...command.data } }]);
    });
    it('refuses an unknown employer', () => {
      given([]).when(command, metadataOf('c5')).thenRefused({ category: 'not-found', code: 'employer-not-found' });
    });
    it('refuses an account manager of another organisation', () => {
      given([registered]).when(command, metadataOf('c6', otherAccountManager)).thenRefused({ category: 'forbidden' });
    });
    it('refuses a vacancy of 0 hours', () => {
      given([registered])
        .when({ ...command, data: { ...command.data, hoursPerWeek: 0 } }, metadataOf('c7'))
        .thenRefused({
          category: 'invalid',
          field: '/hoursPerWeek',
        });
    });
  });

  describe('CloseVacancy', () => {
    const command = { type: 'CloseVacancy', data: { vacancyId: vacancyOpened.data.vacancyId, reason: 'filled' } } as const;

    it('closes an open vacancy', () => {
      const history = given([registered, vacancyOpened]);
      history.when(command, metadataOf('c8')).then([{ type: 'VacancyClosed', data: { employerId, ...command.data } }]);
    });
    it('refuses to close a closed vacancy', () => {
      const closed: EmployerEvent = { type: 'VacancyClosed', data: { employerId, vacancyId: vacancyOpened.data.vacancyId, reason: 'withdrawn' } };
      given([registered, vacancyOpened, closed]).when(command, metadataOf('c9')).thenRefused({ category: 'conflict', code: 'vacancy-already-closed' });
    });
    it('refuses an unknown vacancy', () => {
      given([registered]).when(command, metadataOf('c10')).thenRefused({ category: 'not-found', code: 'vacancy-not-found' });
    });
  });

  describe('LogEmployerContact', () => {
    const caseId = '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71';

    it('logs a workplace visit with the client', () => {
      const command = { type: 'LogEmployerContact', data: { kind: 'visit', contactedOn: '2025-06-01', withClient: true, caseId } } as const;
      given([registered])
        .when(command, metadataOf('c11'))
        .then([{ type: 'EmployerContactLogged', data: { employerId, contactId: newIdFor({ commandId: 'c11' }, 'contact'), ...command.data } }]);
    });
    it('refuses a contact with the client that names no case, and a case without the client', () => {
      const history = given([registered]);
      history.when({ type: 'LogEmployerContact', data: { kind: 'call', contactedOn: '2025-06-01', withClient: true } }, metadataOf('c12')).thenRefused({
        category: 'invalid',
        field: '/caseId',
      });
      history.when({ type: 'LogEmployerContact', data: { kind: 'call', contactedOn: '2025-06-01', withClient: false, caseId } }, metadataOf('c13')).thenRefused({
        category: 'invalid',
        field: '/caseId',
      });
    });
    it('refuses a contact dated after today', () => {
      const command = { type: 'LogEmployerContact', data: { kind: 'network-meeting', contactedOn: '2025-06-03', withClient: false } } as const;
      given([registered]).when(command, metadataOf('c14')).thenRefused({ category: 'invalid', field: '/contactedOn' });
    });
    it('refuses an account manager of another organisation', () => {
      const command = { type: 'LogEmployerContact', data: { kind: 'call', contactedOn: '2025-06-01', withClient: false } } as const;
      given([registered]).when(command, metadataOf('c15', otherAccountManager)).thenRefused({ category: 'forbidden' });
    });
  });

  it('gives matching a snapshot of the employer and its vacancies', () => {
    expect(employerSnapshotOf(given([]).state)).toBeUndefined();
    expect(employerSnapshotOf(given([registered, vacancyOpened]).state)).toEqual({
      employerId,
      organisationId: 'wsp-rijnmond',
      name: 'Bakkerij De Korenschoof',
      vacancies: { [vacancyOpened.data.vacancyId]: { vacancyId: vacancyOpened.data.vacancyId, role: 'baker assistant', status: 'open' } },
    });
  });
});
