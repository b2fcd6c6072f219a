import { describe, expect, it } from 'vitest';
import type { ConsentRecord } from './case.decider';
import type { CaseReviewCommand, ReviewedCase } from './case-review.commands';
import { caseReviewDecider } from './case-review.decider';
import type { CaseReviewEvent, ReviewAttendee } from './case-review.events';
import { caseReviewView } from './case-review.view';
import { commandMetadata, deciderSpec, NOW } from '@wcc/domain-kit/testing';

const given = deciderSpec(caseReviewDecider);
const reviewId = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const caseId = '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71';
const clientKey = 'ck_7Qm2xV9pLr4TnB8sAbCdEf';
const municipality = 'gemeente-rotterdam';
const at = NOW; // 2025-03-03T09:00Z
const ids = { reviewId, caseId, clientKey, at };
const actionId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

const regisseur = commandMetadata({ userId: 'reg-1', organisationId: municipality, organisationType: 'municipality' });
const otherMunicipality = commandMetadata({ userId: 'km-9', organisationId: 'gemeente-delft', organisationType: 'municipality' });
const careProvider = commandMetadata({ userId: 'psy-1', organisationId: 'ggz-delfland', organisationType: 'care-provider' });

const chainConsent: ConsentRecord = {
  consentId: 'c2d9e8f1-3b4a-4c5d-8e6f-7a8b9c0d1e2f',
  purpose: 'chain-coordination',
  organisationTypes: ['municipality', 'care-provider', 'employer-network'],
  dataCategories: ['administrative', 'work', 'care-summary'],
  validFrom: '2025-01-01',
  validTo: '2026-01-01',
  grantedAt: '2025-01-01T09:00:00.000Z',
};
const openCase: ReviewedCase = { caseId, clientKey, municipalityId: municipality, status: 'open', consents: [chainConsent] };
const closedCase: ReviewedCase = { ...openCase, status: 'closed' };

const psychologist: ReviewAttendee = { userId: 'psy-1', organisationId: 'ggz-delfland', organisationType: 'care-provider' };
const accountManager: ReviewAttendee = { userId: 'am-4', organisationId: 'werkplein-rijnmond', organisationType: 'employer-network' };
const caseWorker: ReviewAttendee = { userId: 'reg-1', organisationId: municipality, organisationType: 'municipality' };
const contractManager: ReviewAttendee = { userId: 'cm-2', organisationId: 'zilveren-kruis', organisationType: 'insurer' };

const scheduled: CaseReviewEvent = {
  type: 'CaseReviewScheduled',
  data: { ...ids, municipalityId: municipality, scheduledFor: '2025-03-10T13:00:00.000Z', chair: { userId: 'reg-1', organisationId: municipality } },
};
const held: CaseReviewEvent = {
  type: 'CaseReviewHeld',
  data: {
    ...ids,
    heldOn: '2025-03-03',
    attendees: [caseWorker, psychologist],
    dataCategoriesDiscussed: ['work', 'care-summary'],
    decisions: ['Start IPS after the screening advice.', 'Baseline measurement next week.'],
  },
};
const assigned: CaseReviewEvent = {
  type: 'ReviewActionAssigned',
  data: {
    ...ids,
    actionId,
    description: 'Send the screening advice to the regisseur.',
    owner: { userId: 'psy-1', organisationId: 'ggz-delfland', organisationType: 'care-provider' },
    dueDate: '2025-03-10',
  },
};
const closedAction: CaseReviewEvent = { type: 'ReviewActionClosed', data: { ...ids, actionId, closedOn: '2025-03-03', outcome: 'done' } };
const cancelled: CaseReviewEvent = { type: 'CaseReviewCancelled', data: { ...ids, reasonCode: 'client-unavailable' } };

const scheduleCommand = (overrides: Partial<Extract<CaseReviewCommand, { type: 'ScheduleCaseReview' }>['data']> = {}): CaseReviewCommand => ({
  type: 'ScheduleCaseReview',
  data: { reviewId, caseId, scheduledFor: '2025-03-10T13:00:00.000Z', chairUserId: 'reg-1', reviewedCase: openCase, ...overrides },
});
const recordCommand = (overrides: Partial<Extract<CaseReviewCommand, { type: 'RecordCaseReview' }>['data']> = {}): CaseReviewCommand => ({
  type: 'RecordCaseReview',
  data: {
    heldOn: '2025-03-03',
    attendees: [caseWorker, psychologist],
    dataCategoriesDiscussed: ['work', 'care-summary'],
    decisions: ['Start IPS after the screening advice.', 'Baseline measurement next week.'],
    reviewedCase: openCase,
    ...overrides,
  },
});
const assignCommand = (overrides: Partial<Extract<CaseReviewCommand, { type: 'AssignReviewAction' }>['data']> = {}): CaseReviewCommand => ({
  type: 'AssignReviewAction',
  data: {
    actionId,
    description: 'Send the screening advice to the regisseur.',
    ownerUserId: 'psy-1',
    ownerOrganisationId: 'ggz-delfland',
    dueDate: '2025-03-10',
    reviewedCase: openCase,
    ...overrides,
  },
});
const closeCommand = (overrides: Partial<Extract<CaseReviewCommand, { type: 'CloseReviewAction' }>['data']> = {}): CaseReviewCommand => ({
  type: 'CloseReviewAction',
  data: { actionId, closedOn: '2025-03-03', outcome: 'done', ...overrides },
});
const cancelCommand: CaseReviewCommand = { type: 'CancelCaseReview', data: { reasonCode: 'client-unavailable' } };

describe('case review decider', () => {
  describe('ScheduleCaseReview', () => {
    it('schedules a review of an open case, chaired by a case worker of its municipality', () => {
      given([]).when(scheduleCommand(), regisseur).then([scheduled]);
    });
    it('also reviews a case whose client dropped out (re-entry is discussed there)', () => {
      given([])
        .when(scheduleCommand({ reviewedCase: { ...openCase, status: 'dropped-out' } }), regisseur)
        .then([scheduled]);
    });
    it('refuses a case that does not exist', () => {
      given([])
        .when(scheduleCommand({ reviewedCase: null }), regisseur)
        .thenRefused({ category: 'not-found', code: 'case-not-found' });
    });
    it('refuses a closed case', () => {
      given([])
        .when(scheduleCommand({ reviewedCase: closedCase }), regisseur)
        .thenRefused({ category: 'conflict', code: 'case-closed' });
    });
    it('refuses another municipality and other organisations', () => {
      given([]).when(scheduleCommand(), otherMunicipality).thenRefused({ category: 'forbidden', code: 'other-municipality' });
      given([]).when(scheduleCommand(), careProvider).thenRefused({ category: 'forbidden', code: 'other-municipality' });
    });
    it('refuses a meeting before today, naming scheduledFor; later today is fine', () => {
      given([])
        .when(scheduleCommand({ scheduledFor: '2025-03-02T13:00:00.000Z' }), regisseur)
        .thenRefused({ category: 'invalid', code: 'review-in-past', field: '/scheduledFor' });
      given([])
        .when(scheduleCommand({ scheduledFor: '2025-03-03T15:00:00.000Z' }), regisseur)
        .then([{ ...scheduled, data: { ...scheduled.data, scheduledFor: '2025-03-03T15:00:00.000Z' } }]);
    });
    it('refuses the same review id twice', () => {
      given([scheduled]).when(scheduleCommand(), regisseur).thenRefused({ category: 'conflict', code: 'review-exists' });
    });
  });

  describe('any command on a review that does not exist', () => {
    it('is not found', () => {
      given([]).when(cancelCommand, regisseur).thenRefused({ category: 'not-found', code: 'review-not-found' });
      given([]).when(recordCommand(), regisseur).thenRefused({ category: 'not-found', code: 'review-not-found' });
    });
  });

  describe('RecordCaseReview', () => {
    it('records who attended from which organisation, the categories discussed and the decisions', () => {
      given([scheduled]).when(recordCommand(), regisseur).then([held]);
    });
    it('refuses a second record and a cancelled review', () => {
      given([scheduled, held]).when(recordCommand(), regisseur).thenRefused({ category: 'conflict', code: 'review-already-held' });
      given([scheduled, cancelled]).when(recordCommand(), regisseur).thenRefused({ category: 'conflict', code: 'review-cancelled' });
    });
    it('refuses when the case has been closed since', () => {
      given([scheduled])
        .when(recordCommand({ reviewedCase: closedCase }), regisseur)
        .thenRefused({ category: 'conflict', code: 'case-closed' });
    });
    it('refuses another municipality', () => {
      given([scheduled]).when(recordCommand(), otherMunicipality).thenRefused({ category: 'forbidden', code: 'other-municipality' });
    });
    it('refuses a meeting in the future, naming heldOn', () => {
      given([scheduled])
        .when(recordCommand({ heldOn: '2025-03-04' }), regisseur)
        .thenRefused({ category: 'invalid', code: 'date-in-future', field: '/heldOn' });
    });
    it('refuses the same attendee twice', () => {
      given([scheduled])
        .when(recordCommand({ attendees: [caseWorker, psychologist, psychologist] }), regisseur)
        .thenRefused({ category: 'invalid', code: 'attendee-twice', field: '/attendees/2' });
    });
    it('refuses discussing care summaries with the employer network at the table', () => {
      given([scheduled])
        .when(recordCommand({ attendees: [caseWorker, accountManager] }), regisseur)
        .thenRefused({ category: 'invalid', code: 'care-summary-with-employer-network', field: '/dataCategoriesDiscussed' });
    });
    it('accepts the employer network when only work is discussed', () => {
      given([scheduled])
        .when(recordCommand({ attendees: [caseWorker, accountManager], dataCategoriesDiscussed: ['work'] }), regisseur)
        .then([{ ...held, data: { ...held.data, attendees: [caseWorker, accountManager], dataCategoriesDiscussed: ['work'] } }]);
    });
    it('refuses a partner the client gave no consent for, or a category outside the consent', () => {
      given([scheduled])
        .when(recordCommand({ attendees: [caseWorker, contractManager], dataCategoriesDiscussed: ['work'] }), regisseur)
        .thenRefused({ category: 'conflict', code: 'consent-required' });
      given([scheduled])
        .when(recordCommand({ dataCategoriesDiscussed: ['financial'] }), regisseur)
        .thenRefused({ category: 'conflict', code: 'consent-required' });
    });
    it('judges consent on the day of the meeting: withdrawn that day or before is no consent', () => {
      const withdrawn: ReviewedCase = { ...openCase, consents: [{ ...chainConsent, withdrawnAt: '2025-03-02T10:00:00.000Z' }] };
      given([scheduled])
        .when(recordCommand({ reviewedCase: withdrawn }), regisseur)
        .thenRefused({ category: 'conflict', code: 'consent-required' });
      const laterWithdrawn: ReviewedCase = { ...openCase, consents: [{ ...chainConsent, withdrawnAt: '2025-03-03T08:00:00.000Z' }] };
      given([scheduled])
        .when(recordCommand({ heldOn: '2025-03-01', reviewedCase: laterWithdrawn }), regisseur)
        .then([{ ...held, data: { ...held.data, heldOn: '2025-03-01' } }]);
    });
    it('needs no consent for the municipality’s own people', () => {
      given([scheduled])
        .when(recordCommand({ attendees: [caseWorker], dataCategoriesDiscussed: ['financial'], reviewedCase: { ...openCase, consents: [] } }), regisseur)
        .then([{ ...held, data: { ...held.data, attendees: [caseWorker], dataCategoriesDiscussed: ['financial'] } }]);
    });
  });

  describe('AssignReviewAction', () => {
    it('gives an action to an organisation at the table, with its type taken from the attendance', () => {
      given([scheduled, held]).when(assignCommand(), regisseur).then([assigned]);
    });
    it('gives an action to the municipality itself', () => {
      given([scheduled, held])
        .when(assignCommand({ ownerUserId: 'km-3', ownerOrganisationId: municipality }), regisseur)
        .then([{ ...assigned, data: { ...assigned.data, owner: { userId: 'km-3', organisationId: municipality, organisationType: 'municipality' } } }]);
    });
    it('refuses actions on a cancelled review and on one not yet held', () => {
      given([scheduled, cancelled]).when(assignCommand(), regisseur).thenRefused({ category: 'conflict', code: 'review-cancelled' });
      given([scheduled]).when(assignCommand(), regisseur).thenRefused({ category: 'conflict', code: 'review-not-held' });
    });
    it('refuses a due date before the review, naming dueDate; the day itself is fine', () => {
      given([scheduled, held])
        .when(assignCommand({ dueDate: '2025-03-02' }), regisseur)
        .thenRefused({ category: 'invalid', code: 'due-before-review', field: '/dueDate' });
      given([scheduled, held])
        .when(assignCommand({ dueDate: '2025-03-03' }), regisseur)
        .then([{ ...assigned, data: { ...assigned.data, dueDate: '2025-03-03' } }]);
    });
    it('refuses an owner organisation that was not at the table', () => {
      given([scheduled, held])
        .when(assignCommand({ ownerOrganisationId: 'werkplein-rijnmond' }), regisseur)
        .thenRefused({ category: 'invalid', code: 'owner-not-at-review', field: '/ownerOrganisationId' });
    });
    it('refuses the same action id twice, another municipality and a closed case', () => {
      given([scheduled, held, assigned]).when(assignCommand(), regisseur).thenRefused({ category: 'conflict', code: 'action-exists' });
      given([scheduled, held]).when(assignCommand(), otherMunicipality).thenRefused({ category: 'forbidden', code: 'other-municipality' });
      given([scheduled, held])
        .when(assignCommand({ reviewedCase: closedCase }), regisseur)
        .thenRefused({ category: 'conflict', code: 'case-closed' });
    });
  });

  describe('CloseReviewAction', () => {
    it('closes an open action with its outcome', () => {
      given([scheduled, held, assigned]).when(closeCommand(), regisseur).then([closedAction]);
    });
    it('refuses closing an action twice', () => {
      given([scheduled, held, assigned, closedAction])
        .when(closeCommand({ outcome: 'not-done' }), regisseur)
        .thenRefused({ category: 'conflict', code: 'action-already-closed' });
    });
    it('refuses an unknown action and another municipality', () => {
      given([scheduled, held]).when(closeCommand(), regisseur).thenRefused({ category: 'not-found', code: 'action-not-found' });
      given([scheduled, held, assigned]).when(closeCommand(), otherMunicipality).thenRefused({ category: 'forbidden', code: 'other-municipality' });
    });
    it('refuses a closing date in the future or before the review', () => {
      given([scheduled, held, assigned])
        .when(closeCommand({ closedOn: '2025-03-04' }), regisseur)
        .thenRefused({ category: 'invalid', code: 'date-in-future', field: '/closedOn' });
      given([scheduled, held, assigned])
        .when(closeCommand({ closedOn: '2025-03-02' }), regisseur)
        .thenRefused({ category: 'invalid', code: 'closed-before-review', field: '/closedOn' });
    });
    it('refuses on a cancelled review', () => {
      given([scheduled, cancelled]).when(closeCommand(), regisseur).thenRefused({ category: 'conflict', code: 'review-cancelled' });
    });
  });

  describe('CancelCaseReview', () => {
    it('cancels a scheduled review with a reason', () => {
      given([scheduled]).when(cancelCommand, regisseur).then([cancelled]);
    });
    it('refuses a review that took place or was already cancelled', () => {
      given([scheduled, held]).when(cancelCommand, regisseur).thenRefused({ category: 'conflict', code: 'review-already-held' });
      given([scheduled, cancelled]).when(cancelCommand, regisseur).thenRefused({ category: 'conflict', code: 'review-already-cancelled' });
    });
    it("refuses 'other' without a text, and another municipality", () => {
      given([scheduled])
        .when({ type: 'CancelCaseReview', data: { reasonCode: 'other' } }, regisseur)
        .thenRefused({ category: 'invalid', code: 'reason-text-required', field: '/reasonText' });
      given([scheduled]).when(cancelCommand, otherMunicipality).thenRefused({ category: 'forbidden', code: 'other-municipality' });
    });
  });

  describe('the review view', () => {
    it('flags an open action past its due date as overdue, computed at the moment of asking', () => {
      const state = given([scheduled, held, assigned]).state;
      if (state.status === 'new') expect.fail('review expected');
      expect(caseReviewView(state, '2025-03-10T22:00:00.000Z').actions[0]?.overdue).toBe(false); // still the due date in Amsterdam
      const later = caseReviewView(state, '2025-03-10T23:30:00.000Z'); // 11 March in Amsterdam
      expect(later.actions[0]?.overdue).toBe(true);
      expect(later).toMatchObject({ status: 'held', openActions: 1, overdueActions: 1 });
      const closedState = caseReviewDecider.evolve(state, closedAction);
      if (closedState.status === 'new') expect.fail('review expected');
      expect(caseReviewView(closedState, '2025-04-01T12:00:00.000Z')).toMatchObject({ openActions: 0, overdueActions: 0, actions: [{ status: 'closed', outcome: 'done', overdue: false }] });
    });
  });
});
