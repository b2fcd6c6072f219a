// Regie: one accountable owner of a case at a time; every change is published, so the
// chain always knows whom to call.
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { defineIntegrationEvent, eventData } from '../core/integration-event';
import { municipalityCaseEventsTopic } from './topics';

const userId = Type.String({ minLength: 1, maxLength: 128, description: 'Account id of a case worker (not a client).' });
const organisationId = Type.String({ minLength: 1, maxLength: 64 });

const assignedSchema = eventData({
  ownerUserId: field('administrative', userId),
  ownerOrganisationId: field('administrative', organisationId),
});

export type RegieAssignedV1 = Static<typeof assignedSchema>;

export const regieAssignedV1 = defineIntegrationEvent({
  name: 'RegieAssigned',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'A case worker became the accountable owner (regie) of the case.',
  schema: assignedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-03T09:05:00Z',
    ownerUserId: 'regisseur-17',
    ownerOrganisationId: 'gemeente-rotterdam',
  },
});

const transferredSchema = eventData({
  fromUserId: field('administrative', userId),
  fromOrganisationId: field('administrative', organisationId),
  toUserId: field('administrative', userId),
  toOrganisationId: field('administrative', organisationId),
});

export type RegieTransferredV1 = Static<typeof transferredSchema>;

export const regieTransferredV1 = defineIntegrationEvent({
  name: 'RegieTransferred',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'Regie of the case moved from one case worker to another. The reason stays at the municipality.',
  schema: transferredSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-06-01T09:00:00Z',
    fromUserId: 'regisseur-17',
    fromOrganisationId: 'gemeente-rotterdam',
    toUserId: 'regisseur-23',
    toOrganisationId: 'gemeente-rotterdam',
  },
});
