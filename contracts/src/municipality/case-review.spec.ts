// MDT case reviews on the bus: the structure of the meeting (who, which organisation,
// which data categories, how many decisions, actions with owners and due dates), never
// the minuted words.
import { describe, expect, it } from 'vitest';
import { findIntegrationEvent } from '../registry';
import { caseReviewCancelledV1, caseReviewHeldV1, caseReviewScheduledV1, reviewActionAssignedV1, reviewActionClosedV1 } from './case-review';

const all = [caseReviewScheduledV1, caseReviewHeldV1, reviewActionAssignedV1, reviewActionClosedV1, caseReviewCancelledV1];

describe('case review integration events', () => {
  it('are registered on the municipality topic, keyed by case, with the envelope and a review id', () => {
    for (const definition of all) {
      expect(findIntegrationEvent(definition.type)).toBe(definition);
      expect(definition.topic).toBe('wcc.municipality.case-events.v1');
      expect(definition.categories).toMatchObject({ caseId: 'administrative', clientKey: 'identifying', occurredAt: 'administrative', reviewId: 'administrative' });
      expect(definition.caseIdOf(definition.example as never)).toBe('5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71');
    }
  });

  it('CaseReviewHeld publishes attendees with organisation type, categories discussed and a decision count, not the decisions', () => {
    expect(Object.keys(caseReviewHeldV1.categories).sort()).toEqual(['attendees', 'caseId', 'clientKey', 'dataCategoriesDiscussed', 'decisionCount', 'heldOn', 'occurredAt', 'reviewId']);
    const { example } = caseReviewHeldV1;
    expect(caseReviewHeldV1.validate({ ...example, decisions: ['Start IPS'] })).toMatchObject({ ok: false });
    expect(caseReviewHeldV1.validate({ ...example, attendees: [{ ...example.attendees[0], organisationType: 'uwv' }] })).toMatchObject({
      ok: false,
      issues: [{ path: '/attendees/0/organisationType' }],
    });
    expect(caseReviewHeldV1.validate({ ...example, attendees: [{ ...example.attendees[0], remark: 'x' }] })).toMatchObject({ ok: false });
    expect(caseReviewHeldV1.validate({ ...example, dataCategoriesDiscussed: ['diagnosis'] })).toMatchObject({ ok: false, issues: [{ path: '/dataCategoriesDiscussed/0' }] });
    expect(caseReviewHeldV1.validate({ ...example, attendees: [] })).toMatchObject({ ok: false });
  });

  it('ReviewActionAssigned and ReviewActionClosed carry owner, due date and outcome code, never a description or note', () => {
    expect(reviewActionAssignedV1.validate({ ...reviewActionAssignedV1.example, description: 'Call the employer' })).toMatchObject({ ok: false });
    expect(reviewActionAssignedV1.validate({ ...reviewActionAssignedV1.example, dueDate: '17-03-2025' })).toMatchObject({ ok: false, issues: [{ path: '/dueDate' }] });
    expect(reviewActionClosedV1.validate({ ...reviewActionClosedV1.example, note: 'x' })).toMatchObject({ ok: false });
    expect(reviewActionClosedV1.validate({ ...reviewActionClosedV1.example, outcome: 'maybe' })).toMatchObject({ ok: false, issues: [{ path: '/outcome' }] });
  });

  it('CaseReviewScheduled and CaseReviewCancelled carry codes and ids only', () => {
    expect(Object.keys(caseReviewScheduledV1.categories).sort()).toEqual(['caseId', 'chairOrganisationId', 'chairUserId', 'clientKey', 'occurredAt', 'reviewId', 'scheduledFor']);
    expect(caseReviewCancelledV1.validate({ ...caseReviewCancelledV1.example, reasonText: 'ill' })).toMatchObject({ ok: false });
  });
});
