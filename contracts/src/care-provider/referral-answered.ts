// The care provider's answer to a referral. A decline always carries its reason:
// rejections must be communicated back to the referrer (report 002 §3.4.1).
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { addresseeField, defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { careProviderCaseEventsTopic } from './topics';

const answer = {
  referralId: field('administrative', Type.String({ format: 'uuid' })),
  organisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The answering care provider.' })),
  addressedTo: addresseeField('The referring municipality, to which the answer goes.'),
};

const acceptedSchema = eventData({
  ...answer,
  plannedStart: Type.Optional(field('administrative', Type.String({ format: 'date', description: 'First appointment, when already known.' }))),
});

export type ReferralAcceptedV1 = Static<typeof acceptedSchema>;

export const referralAcceptedV1 = defineIntegrationEvent({
  name: 'ReferralAccepted',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'care-provider',
  topic: careProviderCaseEventsTopic,
  audiences: { municipality: { to: (answer) => answer.addressedTo } },
  description: 'The care provider accepted a referral.',
  schema: acceptedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-05T11:00:00Z',
    referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
    organisationId: 'ggz-delfland',
    addressedTo: 'gemeente-rotterdam',
    plannedStart: '2025-03-12',
  },
});

export const declineReasons = ['no-capacity', 'not-eligible', 'client-unreachable', 'client-refused', 'referred-elsewhere', 'other'] as const;
export type DeclineReason = (typeof declineReasons)[number];

const declinedSchema = eventData({
  ...answer,
  reasonCode: field('administrative', stringEnum(declineReasons)),
  reason: field('administrative', Type.String({ minLength: 1, maxLength: 500, description: 'Explanation for the referrer. No clinical detail.' })),
});

export type ReferralDeclinedV1 = Static<typeof declinedSchema>;

export const referralDeclinedV1 = defineIntegrationEvent({
  name: 'ReferralDeclined',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'care-provider',
  topic: careProviderCaseEventsTopic,
  audiences: { municipality: { to: (answer) => answer.addressedTo } },
  description: 'The care provider declined a referral; the reason goes back to the referrer.',
  schema: declinedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-05T11:00:00Z',
    referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
    organisationId: 'ggz-delfland',
    addressedTo: 'gemeente-rotterdam',
    reasonCode: 'no-capacity',
    reason: 'No screening capacity before the deadline; please refer to the regional team.',
  },
});
