// The employer network's answer to a referral for matching. A decline always carries
// its reason: rejections must be communicated back to the referrer (report 002 §3.4.1).
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { addresseeField, defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { employerNetworkCaseEventsTopic } from './topics';

const answer = {
  referralId: field('administrative', Type.String({ format: 'uuid' })),
  organisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The answering employer-network organisation.' })),
  addressedTo: addresseeField('The referring municipality, to which the answer goes.'),
};

const acceptedSchema = eventData({
  ...answer,
  plannedStart: Type.Optional(field('administrative', Type.String({ format: 'date', description: 'First meeting with the account manager, when already known.' }))),
});

export type EmployerNetworkReferralAcceptedV1 = Static<typeof acceptedSchema>;

export const employerNetworkReferralAcceptedV1 = defineIntegrationEvent({
  name: 'ReferralAccepted',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'employer-network',
  topic: employerNetworkCaseEventsTopic,
  audiences: { municipality: { to: (answer) => answer.addressedTo } },
  description: 'The employer network accepted a referral for matching; matching has started.',
  schema: acceptedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-05T11:00:00Z',
    referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
    organisationId: 'wsp-rijnmond',
    addressedTo: 'gemeente-rotterdam',
    plannedStart: '2025-03-10',
  },
});

export const matchingDeclineReasons = ['no-capacity', 'no-suitable-vacancies', 'outside-region', 'client-unreachable', 'client-refused', 'referred-elsewhere', 'other'] as const;
export type MatchingDeclineReason = (typeof matchingDeclineReasons)[number];

const declinedSchema = eventData({
  ...answer,
  reasonCode: field('administrative', stringEnum(matchingDeclineReasons)),
  reason: field('administrative', Type.String({ minLength: 1, maxLength: 500, description: 'Explanation for the referrer. No health detail.' })),
});

export type EmployerNetworkReferralDeclinedV1 = Static<typeof declinedSchema>;

export const employerNetworkReferralDeclinedV1 = defineIntegrationEvent({
  name: 'ReferralDeclined',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'employer-network',
  topic: employerNetworkCaseEventsTopic,
  audiences: { municipality: { to: (answer) => answer.addressedTo } },
  description: 'The employer network declined a referral for matching; the reason goes back to the municipality.',
  schema: declinedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-05T11:00:00Z',
    referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
    organisationId: 'wsp-rijnmond',
    addressedTo: 'gemeente-rotterdam',
    reasonCode: 'no-suitable-vacancies',
    reason: 'No vacancies in logistics within travel distance this quarter.',
  },
});
