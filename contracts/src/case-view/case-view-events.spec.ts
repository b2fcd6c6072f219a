// The case view's protocol records say who saw which categories of whose data, never
// the data itself: every field is administrative (besides the pseudonymous client key).
import { describe, expect, it } from 'vitest';
import { findIntegrationEvent } from '../registry';
import { allTopics } from '../topics';
import { caseAccessRefusedV1, caseViewedV1 } from './case-viewed';
import { caseViewEvents } from './index';

describe('case-view integration events', () => {
  it('are registered on wcc.case-view.case-events.v1', () => {
    expect(caseViewEvents.map((d) => d.type)).toEqual(['nl.workcarechain.case-view.case-viewed.v1', 'nl.workcarechain.case-view.case-access-refused.v1']);
    for (const definition of caseViewEvents) {
      expect(findIntegrationEvent(definition.type)).toBe(definition);
      expect(definition.topic).toBe('wcc.case-view.case-events.v1');
    }
    expect(allTopics).toContain('wcc.case-view.case-events.v1');
  });

  it('carry only administrative fields and the client key', () => {
    for (const definition of caseViewEvents) {
      const { clientKey, ...rest } = definition.categories;
      expect(clientKey).toBe('identifying');
      expect(new Set(Object.values(rest))).toEqual(new Set(['administrative']));
    }
  });

  it('refuse a record of nothing shown, an unknown category, and shown data itself', () => {
    expect(caseViewedV1.validate({ ...caseViewedV1.example, dataCategoriesShown: [] })).toMatchObject({ ok: false, issues: [{ path: '/dataCategoriesShown' }] });
    expect(caseViewedV1.validate({ ...caseViewedV1.example, dataCategoriesShown: ['diagnosis'] })).toMatchObject({ ok: false });
    expect(caseViewedV1.validate({ ...caseViewedV1.example, advisedRoute: 'ips' })).toMatchObject({ ok: false, issues: [{ path: '/advisedRoute', message: 'is not part of this event type' }] });
    expect(caseAccessRefusedV1.validate({ ...caseAccessRefusedV1.example, itemsWithheld: 0 })).toMatchObject({ ok: false, issues: [{ path: '/itemsWithheld' }] });
  });

  it('allow a view that relied on no consent (everything shown was addressed to the viewer)', () => {
    expect(caseViewedV1.validate({ ...caseViewedV1.example, consentIds: [] })).toMatchObject({ ok: true });
  });
});
