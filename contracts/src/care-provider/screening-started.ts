// The care provider started the screening of a referred client: the referrer knows
// the referral is being worked on. What the screening finds stays with the provider.
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { defineIntegrationEvent, eventData } from '../core/integration-event';
import { careProviderCaseEventsTopic } from './topics';

const schema = eventData({
  referralId: field('administrative', Type.String({ format: 'uuid' })),
  organisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The screening care provider.' })),
  startedOn: field('administrative', Type.String({ format: 'date' })),
});

export type ScreeningStartedV1 = Static<typeof schema>;

export const screeningStartedV1 = defineIntegrationEvent({
  name: 'ScreeningStarted',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'care-provider',
  topic: careProviderCaseEventsTopic,
  description: 'The care provider started screening a referred client. Carries no finding of the screening.',
  schema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-07T10:00:00Z',
    referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
    organisationId: 'ggz-delfland',
    startedOn: '2025-03-07',
  },
});
