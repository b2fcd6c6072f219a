// Individual Placement and Support at the care provider: an IPS job coach of the
// ambulant GGZ team, then an intake phase of eight sessions before the search for
// regular work starts (report 002 §2, IPS Noord-Holland Noord).
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { defineIntegrationEvent, eventData } from '../core/integration-event';
import { careProviderCaseEventsTopic } from './topics';

const referral = {
  referralId: field('administrative', Type.String({ format: 'uuid' })),
  organisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The care provider running IPS.' })),
};

const assignedSchema = eventData({
  ...referral,
  jobCoachId: field('administrative', Type.String({ minLength: 1, maxLength: 128, description: "The IPS job coach's user id at the care provider." })),
});

export type IpsJobCoachAssignedV1 = Static<typeof assignedSchema>;

export const ipsJobCoachAssignedV1 = defineIntegrationEvent({
  name: 'IpsJobCoachAssigned',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'care-provider',
  topic: careProviderCaseEventsTopic,
  description: 'The care provider assigned (or reassigned) the IPS job coach of a client.',
  schema: assignedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-20T09:00:00Z',
    referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
    organisationId: 'ggz-delfland',
    jobCoachId: 'ips-coach-17',
  },
});

const sessionSchema = eventData({
  ...referral,
  sessionNumber: field('care-summary', Type.Integer({ minimum: 1, maximum: 8, description: 'Which of the eight IPS intake sessions.' })),
  heldOn: field('care-summary', Type.String({ format: 'date' })),
});

export type IpsIntakeSessionHeldV1 = Static<typeof sessionSchema>;

export const ipsIntakeSessionHeldV1 = defineIntegrationEvent({
  name: 'IpsIntakeSessionHeld',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'care-provider',
  topic: careProviderCaseEventsTopic,
  description: 'One of the eight IPS intake sessions took place. Says that it happened, never what was discussed.',
  schema: sessionSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-27T14:00:00Z',
    referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
    organisationId: 'ggz-delfland',
    sessionNumber: 1,
    heldOn: '2025-03-27',
  },
});
