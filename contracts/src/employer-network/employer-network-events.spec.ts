// What the employer network publishes is work data and nothing about health: the
// contracts themselves refuse a health end reason, a free-text end reason and any
// field a care summary would need.
import { describe, expect, it } from 'vitest';
import { findIntegrationEvent } from '../registry';
import { employerNetworkEvents } from './index';
import { placementEndedV1, placementReviewedV1, placementStartedV1 } from './placement';

describe('employer-network integration events', () => {
  it("are registered with their own types on the employer-network topic, but for the insurer's own copies of a placement", () => {
    expect(employerNetworkEvents.map((d) => d.type)).toEqual([
      'nl.workcarechain.employer-network.referral-accepted.v1',
      'nl.workcarechain.employer-network.referral-declined.v1',
      'nl.workcarechain.employer-network.matching-status-changed.v1',
      'nl.workcarechain.employer-network.placement-started.v1',
      'nl.workcarechain.employer-network.placement-reviewed.v1',
      'nl.workcarechain.employer-network.placement-ended.v1',
      'nl.workcarechain.employer-network.client-started-work.v1',
      'nl.workcarechain.employer-network.client-left-work.v1',
    ]);
    for (const definition of employerNetworkEvents) {
      expect(findIntegrationEvent(definition.type)).toBe(definition);
      expect(definition.topic).toBe(definition.name.startsWith('Client') ? 'wcc.employer-network.to-insurer.v1' : 'wcc.employer-network.case-events.v1');
    }
  });

  it('carry no care-summary field', () => {
    for (const definition of employerNetworkEvents) expect(Object.values(definition.categories)).not.toContain('care-summary');
  });

  it("refuse 'health' as the reason a job ended, and a free-text reason", () => {
    expect(placementEndedV1.validate({ ...placementEndedV1.example, reason: 'health' })).toMatchObject({ ok: false, issues: [{ path: '/reason' }] });
    expect(placementEndedV1.validate({ ...placementEndedV1.example, reason: 'other', reasonText: 'burn-out' })).toMatchObject({ ok: false });
    expect(placementEndedV1.validate({ ...placementEndedV1.example, reason: 'other' })).toMatchObject({ ok: true });
  });

  it('publish hours, wage and contract type of a placement in the work and financial categories', () => {
    expect(placementStartedV1.categories).toMatchObject({ contractType: 'work', hoursPerWeek: 'work', grossHourlyWageCents: 'financial', wageSubsidy: 'financial', sequence: 'work' });
  });

  it('take only the review months 1, 3, 6 and 12 and whole or half hours', () => {
    expect(placementReviewedV1.validate({ ...placementReviewedV1.example, reviewMonth: 2 })).toMatchObject({ ok: false, issues: [{ path: '/reviewMonth' }] });
    expect(placementStartedV1.validate({ ...placementStartedV1.example, hoursPerWeek: 12.3 })).toMatchObject({ ok: false, issues: [{ path: '/hoursPerWeek' }] });
  });
});
