// A client's job from start to end, as the municipality needs it to adjust the benefit:
// hours, wage and contract type, and nothing else about the person. Job loss is not
// the end of the case: matching reopens and the next job takes the next sequence.
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { addresseeField, defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { employerNetworkCaseEventsTopic, employerNetworkToInsurerTopic } from './topics';

/** Report 002 Figure 7, plus the klimopbaan (work while keeping the benefit) and the proefplaatsing. */
export const placementContractTypes = ['permanent', 'temporary-6m', 'temporary-12m', 'zero-hours', 'work-with-benefit', 'trial-placement'] as const;
export type PlacementContractType = (typeof placementContractTypes)[number];

export const placementReviewMonths = [1, 3, 6, 12] as const;
export type PlacementReviewMonth = (typeof placementReviewMonths)[number];

/** Work-related issues only; there is deliberately no code for sickness absence, which is health data. */
export const placementIssueCodes = ['task-mismatch', 'hours-mismatch', 'conflict-at-work', 'travel', 'more-guidance-needed', 'wage-or-contract', 'other'] as const;
export type PlacementIssueCode = (typeof placementIssueCodes)[number];

/**
 * Why a job ended, as published. There is no 'health': that reason is itself health
 * data and is published as 'other'. No free-text reason is published either, so
 * 'other' cannot be told apart from health by a missing text.
 */
export const publishedPlacementEndReasons = ['contract-not-renewed', 'dismissed', 'resigned', 'employer-closed', 'other'] as const;
export type PublishedPlacementEndReason = (typeof publishedPlacementEndReasons)[number];

const hours = (description: string) => Type.Number({ minimum: 0, maximum: 48, multipleOf: 0.5, description });

const placement = {
  organisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The employer-network organisation that placed the client.' })),
  placementId: field('administrative', Type.String({ format: 'uuid' })),
};

/** The municipality whose referral the placement answers: the addressee of PlacementStarted and PlacementEnded. */
const referringMunicipality = { addressedTo: addresseeField('The referring municipality, to which the placement is reported.') };

const startedSchema = eventData({
  ...placement,
  ...referringMunicipality,
  sequence: field('work', Type.Integer({ minimum: 1, description: '1 for the first job of the case, 2 for the job after the first job loss, …' })),
  employerId: field('administrative', Type.String({ format: 'uuid' })),
  employerName: field('work', Type.String({ minLength: 1, maxLength: 200 })),
  role: field('work', Type.String({ minLength: 1, maxLength: 200 })),
  contractType: field('work', stringEnum(placementContractTypes)),
  hoursPerWeek: field('work', hours('Contract hours per week (expected hours for a zero-hours contract).')),
  grossHourlyWageCents: field('financial', Type.Integer({ minimum: 0, description: 'Gross hourly wage in euro cents.' })),
  wageValuePercent: Type.Optional(field('work', Type.Integer({ minimum: 0, maximum: 100, description: 'Loonwaarde: productivity as a percentage of the norm, when assessed.' }))),
  wageSubsidy: field('financial', Type.Boolean({ description: 'The employer receives wage-cost subsidy (loonkostensubsidie).' })),
  jobCoach: field('work', Type.Boolean({ description: 'A job coach supports the client at work.' })),
  startDate: field('work', Type.String({ format: 'date' })),
});

export type PlacementStartedV1 = Static<typeof startedSchema>;

export const placementStartedV1 = defineIntegrationEvent({
  name: 'PlacementStarted',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'employer-network',
  topic: employerNetworkCaseEventsTopic,
  // The insurer gets ClientStartedWork instead: that a job started and when, nothing of the employer, role or wage.
  audiences: { municipality: { to: (placement) => placement.addressedTo } },
  description: 'The client started a job (the sequence-th of the case): employer, role, contract type, hours and wage, so the benefit can be adjusted.',
  schema: startedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-04-01T09:00:00Z',
    organisationId: 'wsp-rijnmond',
    addressedTo: 'gemeente-rotterdam',
    placementId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    sequence: 1,
    employerId: '7d1c3c4e-2f7b-4c0a-9d55-1a2b3c4d5e6f',
    employerName: 'Bakkerij De Korenschoof',
    role: 'Baker assistant',
    contractType: 'temporary-6m',
    hoursPerWeek: 24,
    grossHourlyWageCents: 1416,
    wageValuePercent: 70,
    wageSubsidy: true,
    jobCoach: true,
    startDate: '2025-04-01',
  },
});

const reviewedSchema = eventData({
  ...placement,
  reviewMonth: field('administrative', Type.Unsafe<PlacementReviewMonth>({ type: 'integer', enum: [...placementReviewMonths], description: 'Months after the start.' })),
  reviewedOn: field('administrative', Type.String({ format: 'date' })),
  stillWorking: field('work', Type.Boolean()),
  hoursPerWeek: field('work', hours('Hours per week worked now.')),
  issues: Type.Optional(field('work', Type.Array(stringEnum(placementIssueCodes), { uniqueItems: true, description: 'Work-related issues raised.' }))),
});

export type PlacementReviewedV1 = Static<typeof reviewedSchema>;

export const placementReviewedV1 = defineIntegrationEvent({
  name: 'PlacementReviewed',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'employer-network',
  topic: employerNetworkCaseEventsTopic,
  description: 'Follow-up of a placement at 1, 3, 6 or 12 months: still working, hours now, work-related issues.',
  schema: reviewedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-07-01T10:00:00Z',
    organisationId: 'wsp-rijnmond',
    placementId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    reviewMonth: 3,
    reviewedOn: '2025-07-01',
    stillWorking: true,
    hoursPerWeek: 28,
    issues: ['more-guidance-needed'],
  },
});

const endedSchema = eventData({
  ...placement,
  ...referringMunicipality,
  endDate: field('work', Type.String({ format: 'date' })),
  reason: field('work', stringEnum(publishedPlacementEndReasons, { description: "Why the job ended. A health reason is published as 'other'." })),
});

export type PlacementEndedV1 = Static<typeof endedSchema>;

export const placementEndedV1 = defineIntegrationEvent({
  name: 'PlacementEnded',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'employer-network',
  topic: employerNetworkCaseEventsTopic,
  audiences: { municipality: { to: (placement) => placement.addressedTo } },
  description: "Job loss: the placement ended on endDate for a reason (health reasons are published as 'other'). Matching reopens.",
  schema: endedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-10-01T16:00:00Z',
    organisationId: 'wsp-rijnmond',
    addressedTo: 'gemeente-rotterdam',
    placementId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    endDate: '2025-09-30',
    reason: 'contract-not-renewed',
  },
});

// The insurer's copies of a placement's start and end, on its own audience topic: whether a
// funded client reached work and for how long is what outcome-based contracts and the
// insurer's cost-benefit analysis need (report 002 ch. 5); the employer, role, hours, wage
// and the reason a job ended are not. The full events stay on the chain topic.
const startedWorkSchema = eventData({
  ...placement,
  startDate: field('work', Type.String({ format: 'date' })),
});

export type ClientStartedWorkV1 = Static<typeof startedWorkSchema>;

export const clientStartedWorkV1 = defineIntegrationEvent({
  name: 'ClientStartedWork',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'employer-network',
  topic: employerNetworkToInsurerTopic,
  // Every insurer's deployment reads these: the employer network does not know the client's
  // insurer and must not learn it (which insurer funds care says the client is in care),
  // and no party that knows both routes them (see README, "Topics per audience"). What
  // travels is minimal: a placement id and dates, no employer, role, hours, wage or reason.
  audiences: {
    insurer: { toEveryOrganisation: "The employer network does not know, and must not learn, which insurer funds the client's care; the event says only that a job started or ended and when." },
  },
  description: "The client started a job on startDate: the insurer's copy of PlacementStarted, without employer, role, hours or wage.",
  schema: startedWorkSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-07-01T10:00:00Z',
    organisationId: 'wsp-rijnmond',
    placementId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    startDate: '2025-07-01',
  },
});

const leftWorkSchema = eventData({
  ...placement,
  endDate: field('work', Type.String({ format: 'date' })),
});

export type ClientLeftWorkV1 = Static<typeof leftWorkSchema>;

export const clientLeftWorkV1 = defineIntegrationEvent({
  name: 'ClientLeftWork',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'employer-network',
  topic: employerNetworkToInsurerTopic,
  // Every insurer's deployment reads these: the employer network does not know the client's
  // insurer and must not learn it (which insurer funds care says the client is in care),
  // and no party that knows both routes them (see README, "Topics per audience"). What
  // travels is minimal: a placement id and dates, no employer, role, hours, wage or reason.
  audiences: {
    insurer: { toEveryOrganisation: "The employer network does not know, and must not learn, which insurer funds the client's care; the event says only that a job started or ended and when." },
  },
  description: "The client's job ended on endDate: the insurer's copy of PlacementEnded, without the reason.",
  schema: leftWorkSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-10-01T16:00:00Z',
    organisationId: 'wsp-rijnmond',
    placementId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    endDate: '2025-09-30',
  },
});
