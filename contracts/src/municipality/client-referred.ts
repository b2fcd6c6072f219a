// The municipality (regie) refers a client to a care provider or the employer network.
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { municipalityCaseEventsTopic, municipalityToEmployerNetworkTopic } from './topics';

export const referralRoutes = ['home-visit', 'first-psychosis', 'ggz-intake-wish', 'occupational-physician', 'ggz-screening', 'ips', 'matching', 'other'] as const;
export type ReferralRoute = (typeof referralRoutes)[number];

const schema = eventData({
  referralId: field('administrative', Type.String({ format: 'uuid' })),
  fromOrganisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The referring municipality.' })),
  toOrganisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64 })),
  toOrganisationType: field('administrative', stringEnum(['care-provider', 'employer-network'])),
  // Routes such as first-psychosis say something about health, so the route is a care summary.
  route: field('care-summary', stringEnum(referralRoutes, { description: 'How the client came to be referred.' })),
  reason: field('administrative', Type.String({ minLength: 1, maxLength: 500, description: 'Why, in words the receiver may read. No clinical detail.' })),
  replyDeadline: field('administrative', Type.String({ format: 'date', description: 'Without an answer by this date the referral is overdue.' })),
});

export type ClientReferredV1 = Static<typeof schema>;

export const clientReferredV1 = defineIntegrationEvent({
  name: 'ClientReferred',
  revealsCareInvolvement: 'depends-on-data',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  // To the named care provider's own topic only. The employer network gets ClientReferredForMatching instead: the route is care-summary data.
  audiences: { 'care-provider': { to: (referral) => (referral.toOrganisationType === 'care-provider' ? referral.toOrganisationId : undefined) } },
  description: 'The municipality referred a client to a care provider or the employer network and expects an answer by the reply deadline.',
  schema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-03T09:15:00Z',
    referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
    fromOrganisationId: 'gemeente-rotterdam',
    toOrganisationId: 'ggz-delfland',
    toOrganisationType: 'care-provider',
    route: 'ggz-screening',
    reason: 'Screening advice requested before choosing between IPS and regular reintegration.',
    replyDeadline: '2025-03-17',
  },
});

// What the employer network's service receives of a referral addressed to it, on its own
// audience topic: what matching needs to start, without the route (care-summary data:
// 'first-psychosis', 'ips') and without anything that says the client is in care. The full
// ClientReferred stays on the chain topic for the chain's processors.
const forMatchingSchema = eventData({
  referralId: field('administrative', Type.String({ format: 'uuid' })),
  fromOrganisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The referring municipality.' })),
  toOrganisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The employer network it is addressed to.' })),
  reason: field(
    'administrative',
    Type.String({ minLength: 1, maxLength: 500, description: 'Why, in words the employer network may read; checked for personal data before it leaves the municipality.' }),
  ),
  replyDeadline: field('administrative', Type.String({ format: 'date', description: 'Without an answer by this date the referral is overdue.' })),
});

export type ClientReferredForMatchingV1 = Static<typeof forMatchingSchema>;

export const clientReferredForMatchingV1 = defineIntegrationEvent({
  name: 'ClientReferredForMatching',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'municipality',
  topic: municipalityToEmployerNetworkTopic,
  // On the named employer network's own topic: one network never holds another's referrals.
  audiences: { 'employer-network': { to: (referral) => referral.toOrganisationId } },
  description:
    "The municipality referred a client to the employer network for matching to work and expects an answer by the reply deadline. The employer network's copy of ClientReferred, without the route.",
  schema: forMatchingSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-05-12T10:00:00Z',
    referralId: '7d2e9b14-3c5a-4f61-8e07-2b9c4d1a6f38',
    fromOrganisationId: 'gemeente-rotterdam',
    toOrganisationId: 'werkgeversservicepunt-rijnmond',
    reason: 'Ready for paid work of about 24 hours a week; looking for logistics or hospitality.',
    replyDeadline: '2025-05-26',
  },
});
