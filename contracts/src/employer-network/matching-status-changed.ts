// Where matching of a case stands at the employer network, so the municipality (and the
// case view) can see that a referral led somewhere: report 002 found ExIT starters via
// Matching were never recorded because Matching never reported back.
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { employerNetworkCaseEventsTopic } from './topics';

/** matching: referral accepted; reopened: after a job loss; closed: the employer network stopped. */
export const matchingStatuses = ['matching', 'candidate-proposed', 'placed', 'reopened', 'closed'] as const;
export type MatchingStatus = (typeof matchingStatuses)[number];

const schema = eventData({
  organisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The employer-network organisation doing the matching.' })),
  referralId: field('administrative', Type.String({ format: 'uuid', description: 'The referral the matching answers.' })),
  status: field('administrative', stringEnum(matchingStatuses)),
});

export type MatchingStatusChangedV1 = Static<typeof schema>;

export const matchingStatusChangedV1 = defineIntegrationEvent({
  name: 'MatchingStatusChanged',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'employer-network',
  topic: employerNetworkCaseEventsTopic,
  description: 'Matching of a case moved to a new status: matching, candidate proposed, placed, reopened after job loss, or closed.',
  schema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-04-01T09:00:00Z',
    organisationId: 'wsp-rijnmond',
    referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
    status: 'placed',
  },
});
