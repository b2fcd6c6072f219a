// What the case view publishes fits its contracts, carries categories and organisation
// ids only, and takes its time from the stored event.
import { describe, expect, it } from 'vitest';
import { caseAccessRefusedV1, caseViewedV1 } from '@wcc/contracts';
import type { RecordedEvent } from '@wcc/event-store';
import type { DisclosureEvent } from '@wcc/case-view-domain';
import { mapCaseViewEvent } from './case-view.mapping';

const viewer = { userId: 'am-04', organisationId: 'wsp-rijnmond', organisationType: 'employer-network', role: 'account-manager' } as const;
const base = {
  viewId: '2f1e0d9c-8b7a-4695-8483-72615f4e3d2c',
  caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
  clientKey: 'ck_7Qm2xV9pLr4TnB8s',
  viewer,
  view: 'case-timeline',
  purpose: 'chain-coordination',
} as const;

function recorded(event: DisclosureEvent): RecordedEvent {
  return {
    id: '11111111-2222-4333-8444-555555555555',
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: {
      occurredAt: '2025-06-01T10:00:00.000Z',
      correlationId: 'c',
      causationId: null,
      actor: { userId: viewer.userId, organisationId: viewer.organisationId, organisationType: viewer.organisationType },
    },
    streamId: `case-disclosure-${base.viewId}`,
    streamVersion: 1,
    globalPosition: { transactionId: 1n, position: 1n },
    recordedAt: '2025-06-01T10:00:00.000Z',
  };
}

describe('mapCaseViewEvent', () => {
  it('maps CaseViewed to a valid CaseViewed v1', () => {
    const [message] = mapCaseViewEvent(
      recorded({ type: 'CaseViewed', data: { ...base, dataCategoriesShown: ['work', 'administrative'], producingOrganisationIds: ['gemeente-rotterdam'], consentIds: [], itemsShown: 3 } }),
    );
    expect(message?.definition).toBe(caseViewedV1);
    expect(caseViewedV1.validate(message?.data)).toMatchObject({ ok: true });
    expect(message?.data).toMatchObject({
      occurredAt: '2025-06-01T10:00:00.000Z',
      viewerUserId: 'am-04',
      viewerOrganisationType: 'employer-network',
      viewerRole: 'account-manager',
      view: 'case-timeline',
    });
  });

  it('maps CaseAccessRefused to a valid CaseAccessRefused v1 with the reason', () => {
    const [message] = mapCaseViewEvent(
      recorded({ type: 'CaseAccessRefused', data: { ...base, refusedDataCategories: ['financial'], producingOrganisationIds: ['zilveren-kruis'], itemsWithheld: 2 } }),
    );
    expect(message?.definition).toBe(caseAccessRefusedV1);
    expect(caseAccessRefusedV1.validate(message?.data)).toMatchObject({ ok: true });
    expect(message?.data).toMatchObject({ reason: 'no-consent', refusedDataCategories: ['financial'], itemsWithheld: 2 });
  });
});
