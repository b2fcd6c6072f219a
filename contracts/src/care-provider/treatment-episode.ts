// That a client is in GGZ treatment, and from when to when: the chain plans work
// around it. Never what the treatment is for (no diagnosis, no care product).
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { careProviderCaseEventsTopic } from './topics';

const episode = {
  referralId: field('administrative', Type.String({ format: 'uuid' })),
  organisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The treating care provider.' })),
  episodeId: field('administrative', Type.String({ format: 'uuid' })),
};

const startedSchema = eventData({
  ...episode,
  startDate: field('care-summary', Type.String({ format: 'date' })),
});

export type TreatmentEpisodeStartedV1 = Static<typeof startedSchema>;

export const treatmentEpisodeStartedV1 = defineIntegrationEvent({
  name: 'TreatmentEpisodeStarted',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'care-provider',
  topic: careProviderCaseEventsTopic,
  description: 'A treatment episode of the client started at the care provider. No diagnosis, no care product.',
  schema: startedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-18T09:00:00Z',
    referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
    organisationId: 'ggz-delfland',
    episodeId: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
    startDate: '2025-03-18',
  },
});

export const treatmentEndReasons = ['completed', 'client-stopped', 'referred-elsewhere', 'other'] as const;
export type TreatmentEndReason = (typeof treatmentEndReasons)[number];

const endedSchema = eventData({
  ...episode,
  endDate: field('care-summary', Type.String({ format: 'date' })),
  endReason: field('care-summary', stringEnum(treatmentEndReasons)),
});

export type TreatmentEpisodeEndedV1 = Static<typeof endedSchema>;

export const treatmentEpisodeEndedV1 = defineIntegrationEvent({
  name: 'TreatmentEpisodeEnded',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'care-provider',
  topic: careProviderCaseEventsTopic,
  description: 'A treatment episode ended, with an administrative reason. No diagnosis, no outcome measure.',
  schema: endedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-09-30T16:00:00Z',
    referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
    organisationId: 'ggz-delfland',
    episodeId: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
    endDate: '2025-09-30',
    endReason: 'completed',
  },
});
