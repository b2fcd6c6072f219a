// The mapping publishes exactly the contract's fields: every case event maps to data
// its contract accepts, and what stays home (sealed BSN and name, free-text reasons,
// notes, partners' own answers) has nowhere to go.
import { describe, expect, it } from 'vitest';
import { findIntegrationEvent } from '@wcc/contracts';
import type { RecordedEvent } from '@wcc/event-store';
import type { CaseEvent, CaseReviewEvent, ClientEvent } from '@wcc/municipality-domain';
import { municipalityMapping } from './municipality.mapping';

const caseId = '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71';
const clientKey = 'ck_7Qm2xV9pLr4TnB8sAbCdEf';
const at = '2025-03-03T09:00:00.000Z';
const ids = { caseId, clientKey, at };
const profile = { birthYear: 1990, sex: 'female', education: 'low', benefitType: 'wwb', benefitMonthlyAmountCents: 123_456, housing: 'independent' } as const;
const zrm = {
  finances: 2,
  'daytime-activities': 2,
  housing: 4,
  'domestic-relations': 4,
  'mental-health': 2,
  'physical-health': 4,
  addiction: 5,
  'daily-living-skills': 4,
  'social-network': 3,
  'community-participation': 2,
  justice: 5,
} as const;

function recorded(event: CaseEvent | ClientEvent | CaseReviewEvent): RecordedEvent {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { occurredAt: at, correlationId: 'c', causationId: null, actor: { userId: 'u', organisationId: 'gemeente-rotterdam', organisationType: 'municipality' } },
    streamId: `case-${caseId}`,
    streamVersion: 1,
    globalPosition: { transactionId: 1n, position: 1n },
    recordedAt: at,
  };
}

const published: [CaseEvent, string[]][] = [
  [{ type: 'CaseOpened', data: { ...ids, municipalityId: 'gemeente-rotterdam', profile } }, ['ClientRegistered', 'CaseOpened']],
  [{ type: 'RegieAssigned', data: { ...ids, owner: { userId: 'r-1', organisationId: 'gemeente-rotterdam' } } }, ['RegieAssigned']],
  [{ type: 'RegieTransferred', data: { ...ids, from: { userId: 'r-1', organisationId: 'g' }, to: { userId: 'r-2', organisationId: 'g' }, reason: 'PRIVATE reason' } }, ['RegieTransferred']],
  [
    {
      type: 'ConsentGranted',
      data: { ...ids, consentId: 'c2d9e8f1-3b4a-4c5d-8e6f-7a8b9c0d1e2f', purpose: 'care', organisationTypes: ['care-provider'], dataCategories: ['work'], validFrom: '2025-03-01' },
    },
    ['ConsentGranted'],
  ],
  [
    { type: 'ConsentWithdrawn', data: { ...ids, consentId: 'c2d9e8f1-3b4a-4c5d-8e6f-7a8b9c0d1e2f', purpose: 'care', organisationTypes: ['care-provider'], dataCategories: ['work'] } },
    ['ConsentWithdrawn'],
  ],
  [
    {
      type: 'ClientReferred',
      data: {
        ...ids,
        referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
        fromOrganisationId: 'gemeente-rotterdam',
        toOrganisationId: 'ggz-delfland',
        toOrganisationType: 'care-provider',
        route: 'ggz-screening',
        reason: 'Screening',
        replyDeadline: '2025-03-17',
      },
    },
    ['ClientReferred'],
  ],
  [
    {
      type: 'ClientReferred',
      data: {
        ...ids,
        referralId: '7d2e9b14-3c5a-4f61-8e07-2b9c4d1a6f38',
        fromOrganisationId: 'gemeente-rotterdam',
        toOrganisationId: 'wsp-rijnmond',
        toOrganisationType: 'employer-network',
        route: 'matching',
        reason: 'Matching',
        replyDeadline: '2025-03-17',
      },
    },
    ['ClientReferred', 'ClientReferredForMatching'],
  ],
  [{ type: 'ParticipationMeasured', data: { ...ids, moment: 'baseline', measuredOn: '2025-03-03', ladderRung: 2, growthPotential: true, zrm } }, ['ParticipationMeasured']],
  [{ type: 'BenefitAdjusted', data: { ...ids, benefitType: 'wwb', monthlyAmountCents: 1, effectiveFrom: '2025-04-01', reason: 'PRIVATE reason' } }, ['BenefitAdjusted']],
  [{ type: 'BenefitEnded', data: { ...ids, reasonCode: 'other', reasonText: 'PRIVATE text', endedOn: '2025-04-01' } }, ['BenefitEnded']],
  [{ type: 'BenefitReapplied', data: { ...ids, benefitType: 'wwb', monthlyAmountCents: 1, reappliedOn: '2025-04-01' } }, ['BenefitReapplied']],
  [{ type: 'DroppedOut', data: { ...ids, phase: 'assessment', reasonCode: 'other', reasonText: 'PRIVATE text', droppedOutOn: '2025-04-01' } }, ['DroppedOut']],
  [{ type: 'CaseClosed', data: { ...ids, reasonCode: 'completed', note: 'PRIVATE note' } }, ['CaseClosed']],
];

const privateOnly: (CaseEvent | ClientEvent)[] = [
  { type: 'ClientRegistered', data: { clientKey, municipalityId: 'g', sealedBsn: 'v1.PRIVATE', sealedName: 'v1.PRIVATE', profile } },
  { type: 'ReferralAccepted', data: { ...ids, referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69', organisationId: 'ggz-delfland' } },
  { type: 'ReferralDeclined', data: { ...ids, referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69', organisationId: 'ggz-delfland', reasonCode: 'other', reason: 'x' } },
  {
    type: 'ScreeningAdviceReceived',
    data: {
      ...ids,
      adviceId: '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4',
      referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
      organisationId: 'ggz-delfland',
      advisedRoute: 'ips',
      workCapacityHoursPerWeek: 16,
      functionalLimitations: [],
      contraIndications: false,
      reviewDate: '2025-06-14',
    },
  },
];

describe('municipality mapping', () => {
  it.each(published.map(([event, names]) => [event.type, event, names] as const))('%s maps to contract-valid data only', (_type, event, names) => {
    const messages = municipalityMapping(recorded(event));
    expect(messages.map((m) => m.definition.name)).toEqual(names);
    for (const message of messages) {
      expect(findIntegrationEvent(message.definition.type)).toBe(message.definition);
      expect(message.definition.validate(message.data)).toMatchObject({ ok: true });
      expect(message.data).toMatchObject({ caseId, clientKey, occurredAt: at });
      expect(JSON.stringify(message.data)).not.toContain('PRIVATE');
      expect(message.subject).toBeUndefined();
    }
  });

  it.each(privateOnly.map((event) => [event.type, event] as const))('%s is not published', (_type, event) => {
    expect(municipalityMapping(recorded(event))).toEqual([]);
  });
});

describe('routing of a referral to the partner it addresses', () => {
  const referral = (toOrganisationType: 'care-provider' | 'employer-network', toOrganisationId: string) =>
    municipalityMapping(
      recorded({
        type: 'ClientReferred',
        data: {
          ...ids,
          referralId: '7d2e9b14-3c5a-4f61-8e07-2b9c4d1a6f38',
          fromOrganisationId: 'gemeente-rotterdam',
          toOrganisationId,
          toOrganisationType,
          route: 'ips',
          reason: 'r',
          replyDeadline: '2025-03-17',
        },
      }),
    ).map((m) => ({ name: m.definition.name, topics: m.definition.topicsOf(m.data as never), data: m.data as Record<string, unknown> }));

  it('sends a referral to a care provider to the chain and to that care provider only, never to the employer network', () => {
    expect(referral('care-provider', 'ggz-delfland')).toMatchObject([{ name: 'ClientReferred', topics: ['wcc.municipality.case-events.v1', 'wcc.municipality.to-care-provider.ggz-delfland.v1'] }]);
    expect(referral('care-provider', 'ggz-nhn')).toMatchObject([{ name: 'ClientReferred', topics: ['wcc.municipality.case-events.v1', 'wcc.municipality.to-care-provider.ggz-nhn.v1'] }]);
  });

  it('sends a referral to the employer network to the chain, and its copy without the route to that employer network only', () => {
    const [chain, forMatching] = referral('employer-network', 'wsp-rijnmond');
    expect(chain).toMatchObject({ name: 'ClientReferred', topics: ['wcc.municipality.case-events.v1'] });
    expect(forMatching).toMatchObject({ name: 'ClientReferredForMatching', topics: ['wcc.municipality.to-employer-network.wsp-rijnmond.v1'] });
    expect(forMatching!.data).not.toHaveProperty('route');
    expect(forMatching!.data).not.toHaveProperty('toOrganisationType');
  });
});

describe('MDT case review mapping', () => {
  const reviewId = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
  const actionId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
  const r = { ...ids, reviewId };
  const reviewEvents: [CaseReviewEvent, Record<string, unknown>][] = [
    [
      { type: 'CaseReviewScheduled', data: { ...r, municipalityId: 'gemeente-rotterdam', scheduledFor: '2025-03-10T13:00:00.000Z', chair: { userId: 'reg-1', organisationId: 'gemeente-rotterdam' } } },
      { reviewId, scheduledFor: '2025-03-10T13:00:00.000Z', chairUserId: 'reg-1', chairOrganisationId: 'gemeente-rotterdam' },
    ],
    [
      {
        type: 'CaseReviewHeld',
        data: {
          ...r,
          heldOn: '2025-03-03',
          attendees: [
            { userId: 'reg-1', organisationId: 'gemeente-rotterdam', organisationType: 'municipality' },
            { userId: 'psy-1', organisationId: 'ggz-delfland', organisationType: 'care-provider' },
          ],
          dataCategoriesDiscussed: ['work', 'care-summary'],
          decisions: ['PRIVATE: start EMDR before IPS', 'PRIVATE: second decision', 'PRIVATE: third'],
        },
      },
      {
        reviewId,
        heldOn: '2025-03-03',
        attendees: [
          { userId: 'reg-1', organisationId: 'gemeente-rotterdam', organisationType: 'municipality' },
          { userId: 'psy-1', organisationId: 'ggz-delfland', organisationType: 'care-provider' },
        ],
        dataCategoriesDiscussed: ['work', 'care-summary'],
        decisionCount: 3,
      },
    ],
    [
      {
        type: 'ReviewActionAssigned',
        data: {
          ...r,
          actionId,
          description: 'PRIVATE: ask the psychiatrist about medication',
          owner: { userId: 'psy-1', organisationId: 'ggz-delfland', organisationType: 'care-provider' },
          dueDate: '2025-03-10',
        },
      },
      { reviewId, actionId, ownerUserId: 'psy-1', ownerOrganisationId: 'ggz-delfland', ownerOrganisationType: 'care-provider', dueDate: '2025-03-10' },
    ],
    [
      { type: 'ReviewActionClosed', data: { ...r, actionId, closedOn: '2025-03-07', outcome: 'partly-done', note: 'PRIVATE note' } },
      { reviewId, actionId, closedOn: '2025-03-07', outcome: 'partly-done' },
    ],
    [
      { type: 'CaseReviewCancelled', data: { ...r, reasonCode: 'other', reasonText: 'PRIVATE: client in crisis' } },
      { reviewId, reasonCode: 'other' },
    ],
  ];

  it.each(reviewEvents.map(([event, expected]) => [event.type, event, expected] as const))('%s maps to exactly its contract fields, no texts', (type, event, expected) => {
    const messages = municipalityMapping(recorded(event));
    expect(messages.map((m) => m.definition.name)).toEqual([type]);
    const [message] = messages;
    expect(message!.definition.validate(message!.data)).toMatchObject({ ok: true });
    expect(message!.data).toEqual({ caseId, clientKey, occurredAt: at, ...expected });
    expect(JSON.stringify(message!.data)).not.toContain('PRIVATE');
  });
});
