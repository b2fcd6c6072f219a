// A case (trajectory) from opening to closure, and dropout on the way (report 000
// Tables 10–11: dropout by phase and reason).
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { municipalityCaseEventsTopic } from './topics';

const openedSchema = eventData({
  municipalityId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The municipality that holds the case and its regie.' })),
});

export type CaseOpenedV1 = Static<typeof openedSchema>;

export const caseOpenedV1 = defineIntegrationEvent({
  name: 'CaseOpened',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'The municipality opened a case (trajectory) for a client. Published right after ClientRegistered for the same case.',
  schema: openedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-03T09:00:00Z',
    municipalityId: 'gemeente-rotterdam',
  },
});

export const trajectoryPhases = ['before-start', 'screening', 'assessment', 'trial-placement', 'placement', 'aftercare'] as const;
export const dropoutReasons = ['care-advice', 'motivation', 'illness', 'detention', 'childcare', 'moved', 'own-request', 'returned-to-municipality', 'other'] as const;

const droppedOutSchema = eventData({
  phase: field('administrative', stringEnum(trajectoryPhases, { description: 'The trajectory phase the client dropped out of.' })),
  // Care advice and illness say something about health.
  reasonCode: field('care-summary', stringEnum(dropoutReasons, { description: "Fixed list; the free text of 'other' stays at the municipality." })),
  droppedOutOn: field('administrative', Type.String({ format: 'date' })),
});

export type DroppedOutV1 = Static<typeof droppedOutSchema>;

export const droppedOutV1 = defineIntegrationEvent({
  name: 'DroppedOut',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'The client dropped out of the trajectory in a phase, for a reason from the fixed list.',
  schema: droppedOutSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-05-20T10:00:00Z',
    phase: 'assessment',
    reasonCode: 'care-advice',
    droppedOutOn: '2025-05-19',
  },
});

export const caseClosureReasons = ['outflow-to-work', 'outflow-to-education', 'completed', 'dropped-out', 'moved', 'other'] as const;

const closedSchema = eventData({
  reasonCode: field('administrative', stringEnum(caseClosureReasons)),
});

export type CaseClosedV1 = Static<typeof closedSchema>;

export const caseClosedV1 = defineIntegrationEvent({
  name: 'CaseClosed',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'The municipality closed the case. Nothing further happens in it except a consent withdrawal.',
  schema: closedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2026-03-01T16:00:00Z',
    reasonCode: 'outflow-to-work',
  },
});
