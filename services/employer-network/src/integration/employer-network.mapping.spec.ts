import { describe, expect, it } from 'vitest';
import type { EmployerEvent, MatchingEvent } from '@wcc/employer-network-domain';
import type { RecordedEvent } from '@wcc/event-store';
import { employerNetworkMapping, publishedEndReason } from './employer-network.mapping';

const caseId = '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71';
const ref = { caseId, clientKey: 'ck_7Qm2xV9pLr4TnB8s', organisationId: 'wsp-rijnmond', referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69' };
const placementId = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
/** What goes back to the referrer names it. */
const toReferrer = { ...ref, referringOrganisationId: 'gemeente-rotterdam' };

function recorded(event: MatchingEvent | EmployerEvent, streamId = `matching-${caseId}`): RecordedEvent {
  return {
    id: '9d1f0c1e-0000-4000-8000-000000000001',
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { occurredAt: '2025-06-02T10:00:00.000Z', correlationId: 'c', causationId: 'k', actor: { userId: 'am-1', organisationId: 'wsp-rijnmond', organisationType: 'employer-network' } },
    streamId,
    streamVersion: 1,
    globalPosition: { transactionId: 1n, position: 1n },
    recordedAt: '2025-06-02T10:00:00.000Z',
  };
}

const started: MatchingEvent = {
  type: 'PlacementStarted',
  data: {
    ...toReferrer,
    placementId,
    sequence: 2,
    employerId: '7d1c3c4e-2f7b-4c0a-9d55-1a2b3c4d5e6f',
    employerName: 'Bakkerij De Korenschoof',
    role: 'Baker assistant',
    contractType: 'temporary-12m',
    hoursPerWeek: 24,
    grossHourlyWageCents: 1416,
    wageSubsidy: false,
    jobCoach: true,
    startDate: '2025-05-12',
  },
};

const every: MatchingEvent[] = [
  { type: 'ReferralReceived', data: { ...ref, fromOrganisationId: 'gemeente-rotterdam', reason: 'Ready for work.', replyDeadline: '2025-06-15' } },
  { type: 'ReferralAccepted', data: { ...toReferrer, plannedStart: '2025-06-05' } },
  { type: 'ReferralDeclined', data: { ...ref, reasonCode: 'no-capacity', reason: 'Full this quarter.' } },
  { type: 'CandidateProposed', data: { ...ref, employerId: '7d1c3c4e-2f7b-4c0a-9d55-1a2b3c4d5e6f', vacancyId: 'b1c2d3e4-0000-4000-8000-000000000001' } },
  started,
  { type: 'PlacementReviewed', data: { ...ref, placementId, reviewMonth: 1, reviewedOn: '2025-06-12', stillWorking: true, hoursPerWeek: 20, issues: [], note: 'Struggles with early shifts.' } },
  { type: 'PlacementEnded', data: { ...toReferrer, placementId, endDate: '2025-07-01', reason: 'health', reasonText: 'Burn-out, on sick leave' } },
  { type: 'MatchingClosed', data: { ...ref, reasonCode: 'no-prospect' } },
];

describe('employer-network integration mapping', () => {
  it.each(every.map((e) => [e.type, e] as const))('%s maps to integration events that fit their contracts', (_type, event) => {
    for (const message of employerNetworkMapping(recorded(event))) {
      expect(message.definition.validate(message.data)).toMatchObject({ ok: true });
      expect(message.definition.caseIdOf(message.data)).toBe(caseId);
    }
  });

  it('publishes the start of a placement with hours, wage and contract type, the insurer only its date, and the status placed', () => {
    const messages = employerNetworkMapping(recorded(started));
    expect(messages.map((m) => m.definition.name)).toEqual(['PlacementStarted', 'ClientStartedWork', 'MatchingStatusChanged']);
    expect(messages[0]?.data).toMatchObject({ sequence: 2, contractType: 'temporary-12m', hoursPerWeek: 24, grossHourlyWageCents: 1416, occurredAt: '2025-06-02T10:00:00.000Z' });
    expect(messages[0]?.definition.topicsOf(messages[0].data as never)).toEqual(['wcc.employer-network.case-events.v1', 'wcc.employer-network.to-municipality.gemeente-rotterdam.v1']);
    expect(Object.keys(messages[1]?.data as object).sort()).toEqual(['caseId', 'clientKey', 'occurredAt', 'organisationId', 'placementId', 'startDate']);
    expect(messages[1]?.definition.topicsOf(messages[1].data as never)).toEqual(['wcc.employer-network.to-insurer.v1']);
    expect(messages[2]?.data).toMatchObject({ status: 'placed', referralId: ref.referralId });
  });

  it("addresses answers to the referring municipality's own topic, and the insurer's copies to every insurer", () => {
    const accepted = employerNetworkMapping(recorded(every[1]!));
    expect(accepted[0]?.definition.topicsOf(accepted[0].data as never)).toEqual(['wcc.employer-network.case-events.v1', 'wcc.employer-network.to-municipality.gemeente-rotterdam.v1']);
    const declined = employerNetworkMapping(recorded({ type: 'ReferralDeclined', data: { ...toReferrer, reasonCode: 'no-capacity', reason: 'Full.' } }));
    expect(declined[0]?.definition.topicsOf(declined[0].data as never)).toEqual(['wcc.employer-network.case-events.v1', 'wcc.employer-network.to-municipality.gemeente-rotterdam.v1']);
    const ended = employerNetworkMapping(recorded(every.find((e) => e.type === 'PlacementEnded')!));
    expect(ended.map((m) => m.definition.topicsOf(m.data as never))).toEqual([
      ['wcc.employer-network.case-events.v1', 'wcc.employer-network.to-municipality.gemeente-rotterdam.v1'],
      ['wcc.employer-network.to-insurer.v1'],
      ['wcc.employer-network.case-events.v1'],
    ]);
    // Stored before the referrer was kept: the chain topic only.
    const old = employerNetworkMapping(recorded({ type: 'ReferralAccepted', data: ref }));
    expect(old[0]?.definition.topicsOf(old[0].data as never)).toEqual(['wcc.employer-network.case-events.v1']);
  });

  it("publishes a job lost for health as 'other', without the reason text, and reopens matching", () => {
    const ended = every.find((e) => e.type === 'PlacementEnded')!;
    const messages = employerNetworkMapping(recorded(ended));
    expect(messages.map((m) => m.definition.name)).toEqual(['PlacementEnded', 'ClientLeftWork', 'MatchingStatusChanged']);
    expect(messages[0]?.data).toEqual({
      caseId,
      clientKey: ref.clientKey,
      occurredAt: '2025-06-02T10:00:00.000Z',
      organisationId: 'wsp-rijnmond',
      addressedTo: 'gemeente-rotterdam',
      placementId,
      endDate: '2025-07-01',
      reason: 'other',
    });
    expect(messages[1]?.data).toEqual({ caseId, clientKey: ref.clientKey, occurredAt: '2025-06-02T10:00:00.000Z', organisationId: 'wsp-rijnmond', placementId, endDate: '2025-07-01' });
    expect(JSON.stringify(messages.map((m) => m.data))).not.toMatch(/health|burn-out|sick/i);
    expect(messages[2]?.data).toMatchObject({ status: 'reopened' });
  });

  it('keeps the review note and the received referral to itself', () => {
    const reviewed = every.find((e) => e.type === 'PlacementReviewed')!;
    expect(JSON.stringify(employerNetworkMapping(recorded(reviewed)).map((m) => m.data))).not.toContain('early shifts');
    expect(employerNetworkMapping(recorded(every[0]!))).toEqual([]);
  });

  it('publishes nothing about employers, vacancies or contacts', () => {
    const employerEvent: EmployerEvent = {
      type: 'EmployerRegistered',
      data: { employerId: '7d1c3c4e-2f7b-4c0a-9d55-1a2b3c4d5e6f', organisationId: 'wsp-rijnmond', name: 'Bakkerij', sector: 'food', size: 'small', contact: { person: 'J. de Wit' } },
    };
    expect(employerNetworkMapping(recorded(employerEvent, 'employer-7d1c3c4e-2f7b-4c0a-9d55-1a2b3c4d5e6f'))).toEqual([]);
  });

  it('maps every end reason but health to itself', () => {
    expect((['contract-not-renewed', 'dismissed', 'resigned', 'health', 'employer-closed', 'other'] as const).map(publishedEndReason)).toEqual([
      'contract-not-renewed',
      'dismissed',
      'resigned',
      'other',
      'employer-closed',
      'other',
    ]);
  });
});
