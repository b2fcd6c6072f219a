// MDT case reviews (ExIT's weekly interdisciplinary meeting, IDO; report 002 §2.3):
// the municipality, which holds regie, schedules the review, records who of which
// organisation sat at the table and which data categories were discussed, and follows
// the actions up. What the chain receives is the structure, never the words: decision
// texts and action descriptions are free text minuted while a GGZ professional speaks,
// no field category can vouch for their content, and the case view filters by field
// category; so they stay at the municipality (decisionCount says how many there were).
// Adding an optional text field later is a compatible change; taking one back is not.
import { type Static, Type } from '@sinclair/typebox';
import { dataCategories, field } from '../core/data-category';
import { defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { partnerOrganisationTypes } from './consent';
import { municipalityCaseEventsTopic } from './topics';

const reviewId = field('administrative', Type.String({ format: 'uuid', description: 'The review; one case has many.' }));
const actionId = field('administrative', Type.String({ format: 'uuid' }));
const userId = Type.String({ minLength: 1, maxLength: 128, description: 'Account id of a professional (not a client).' });
const organisationId = Type.String({ minLength: 1, maxLength: 64 });
const organisationType = stringEnum(partnerOrganisationTypes);

export const reviewActionOutcomes = ['done', 'partly-done', 'not-done', 'no-longer-needed'] as const;
export const reviewCancellationReasons = ['rescheduled', 'client-unavailable', 'too-few-attendees', 'no-longer-needed', 'other'] as const;

const example = { caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71', clientKey: 'ck_7Qm2xV9pLr4TnB8s', reviewId: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' };

const scheduledSchema = eventData({
  reviewId,
  scheduledFor: field('administrative', Type.String({ format: 'date-time', description: 'When the team meets.' })),
  chairUserId: field('administrative', userId),
  chairOrganisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The municipality that holds regie of the case.' })),
});

export type CaseReviewScheduledV1 = Static<typeof scheduledSchema>;

export const caseReviewScheduledV1 = defineIntegrationEvent({
  name: 'CaseReviewScheduled',
  revealsCareInvolvement: 'depends-on-data',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'The municipality, holding regie, scheduled a multidisciplinary (MDT) review of the case, chaired by one of its case workers.',
  schema: scheduledSchema,
  example: { ...example, occurredAt: '2025-03-03T09:00:00Z', scheduledFor: '2025-03-10T13:00:00Z', chairUserId: 'regisseur-17', chairOrganisationId: 'gemeente-rotterdam' },
});

const heldSchema = eventData({
  reviewId,
  heldOn: field('administrative', Type.String({ format: 'date' })),
  attendees: field(
    'administrative',
    Type.Array(Type.Object({ userId, organisationId, organisationType }, { additionalProperties: false, description: 'A professional at the table.' }), {
      minItems: 1,
      maxItems: 50,
      description: 'Who of which organisation attended: the parties the case was disclosed to in the meeting.',
    }),
  ),
  dataCategoriesDiscussed: field(
    'administrative',
    Type.Array(stringEnum(dataCategories), {
      minItems: 1,
      uniqueItems: true,
      description: 'Which data categories of the client were discussed; consent covered each for every partner at the table, and never care-summary with the employer network present.',
    }),
  ),
  decisionCount: field('administrative', Type.Integer({ minimum: 0, maximum: 50, description: 'How many decisions were minuted; their texts stay at the municipality.' })),
});

export type CaseReviewHeldV1 = Static<typeof heldSchema>;

export const caseReviewHeldV1 = defineIntegrationEvent({
  name: 'CaseReviewHeld',
  revealsCareInvolvement: 'depends-on-data',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description:
    'The MDT review took place: who of which organisation attended, which data categories were discussed (a disclosure to every attendee of another organisation) and how many decisions were taken. Decision texts stay at the municipality.',
  schema: heldSchema,
  example: {
    ...example,
    occurredAt: '2025-03-10T15:00:00Z',
    heldOn: '2025-03-10',
    attendees: [
      { userId: 'regisseur-17', organisationId: 'gemeente-rotterdam', organisationType: 'municipality' },
      { userId: 'psy-4', organisationId: 'ggz-delfland', organisationType: 'care-provider' },
    ],
    dataCategoriesDiscussed: ['work', 'care-summary'],
    decisionCount: 2,
  },
});

const assignedSchema = eventData({
  reviewId,
  actionId,
  ownerUserId: field('administrative', userId),
  ownerOrganisationId: field('administrative', organisationId),
  ownerOrganisationType: field('administrative', organisationType),
  dueDate: field('administrative', Type.String({ format: 'date', description: 'Open after this date: overdue.' })),
});

export type ReviewActionAssignedV1 = Static<typeof assignedSchema>;

export const reviewActionAssignedV1 = defineIntegrationEvent({
  name: 'ReviewActionAssigned',
  revealsCareInvolvement: 'depends-on-data',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description:
    'An action agreed in an MDT review, owned by a professional of the municipality or of an organisation that attended, due on or after the review. What the action is stays at the municipality.',
  schema: assignedSchema,
  example: {
    ...example,
    occurredAt: '2025-03-10T15:05:00Z',
    actionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    ownerUserId: 'psy-4',
    ownerOrganisationId: 'ggz-delfland',
    ownerOrganisationType: 'care-provider',
    dueDate: '2025-03-17',
  },
});

const closedSchema = eventData({
  reviewId,
  actionId,
  closedOn: field('administrative', Type.String({ format: 'date' })),
  outcome: field('administrative', stringEnum(reviewActionOutcomes, { description: 'The note that may come with it stays at the municipality.' })),
});

export type ReviewActionClosedV1 = Static<typeof closedSchema>;

export const reviewActionClosedV1 = defineIntegrationEvent({
  name: 'ReviewActionClosed',
  revealsCareInvolvement: 'depends-on-data',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'An action from an MDT review was closed, with its outcome.',
  schema: closedSchema,
  example: { ...example, occurredAt: '2025-03-14T10:00:00Z', actionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', closedOn: '2025-03-14', outcome: 'done' },
});

const cancelledSchema = eventData({
  reviewId,
  reasonCode: field('administrative', stringEnum(reviewCancellationReasons, { description: "The text of 'other' stays at the municipality." })),
});

export type CaseReviewCancelledV1 = Static<typeof cancelledSchema>;

export const caseReviewCancelledV1 = defineIntegrationEvent({
  name: 'CaseReviewCancelled',
  revealsCareInvolvement: 'depends-on-data',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'A scheduled MDT review will not take place. A review that was held is never cancelled.',
  schema: cancelledSchema,
  example: { ...example, occurredAt: '2025-03-07T08:30:00Z', reasonCode: 'rescheduled' },
});
