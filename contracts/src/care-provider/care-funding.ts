// The care provider asks a health insurer to fund care for a client and then claims
// what it delivered (report 002 §5: the eight IPS intake sessions, 8 × €92 = €736,
// paid from a special budget or within a DBC; job coaching at about €92 an hour).
// The insurer answers with CareFundingGranted/Refused and CareClaimRejected/Settled.
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { careProviderCaseEventsTopic } from './topics';

/** What is funded: IPS intake phase (per session), a DBC care product, job coaching (per hour). */
export const careFundingInstruments = ['ips-intake', 'dbc-care-product', 'job-coaching'] as const;
export type CareFundingInstrument = (typeof careFundingInstruments)[number];

const organisationId = field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The requesting care provider.' }));
const insurerId = field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The health insurer asked to pay.' }));
const instrument = field('financial', stringEnum(careFundingInstruments));
const period = {
  periodFrom: field('administrative', Type.String({ format: 'date' })),
  periodTo: field('administrative', Type.String({ format: 'date', description: 'Inclusive; never before periodFrom.' })),
};

// Job coaching is funded as a share of the job's contract hours, by the year of the job,
// only for contracts of at least 6 months and 12 hours a week (report 002 §5.1.4): the
// insurer needs these three facts of the job, and nothing else about it (no employer, no role).
const job = field(
  'work',
  Type.Object(
    {
      hoursPerWeek: Type.Number({ minimum: 0, maximum: 48, multipleOf: 0.5, description: 'Contract hours per week.' }),
      contractMonths: Type.Integer({ minimum: 1, maximum: 120, description: 'Length of the employment contract in months (an open-ended contract: 12 or more).' }),
      startDate: Type.String({ format: 'date', description: 'First day of the job; which year of the job the period falls in follows from it.' }),
    },
    { additionalProperties: false, description: 'Job coaching only (the insurer refuses job coaching without it): the job the coaching is for.' },
  ),
);

const requestedSchema = eventData({
  fundingRequestId: field('administrative', Type.String({ format: 'uuid' })),
  organisationId,
  insurerId,
  instrument,
  requestedUnits: field('financial', Type.Integer({ minimum: 1, description: 'Sessions, care products or hours, by instrument.' })),
  requestedAmountCents: field('financial', Type.Integer({ minimum: 0, description: 'Euro cents.' })),
  ...period,
  job: Type.Optional(job),
});

export type CareFundingRequestedV1 = Static<typeof requestedSchema>;

export const careFundingRequestedV1 = defineIntegrationEvent({
  name: 'CareFundingRequested',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'care-provider',
  topic: careProviderCaseEventsTopic,
  audiences: { insurer: { to: (request) => request.insurerId } },
  description: 'The care provider asked a health insurer to fund an instrument for a client over a period; for job coaching, with the job it is for.',
  schema: requestedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-20T09:30:00Z',
    fundingRequestId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
    organisationId: 'ggz-delfland',
    insurerId: 'zilveren-kruis',
    instrument: 'ips-intake',
    requestedUnits: 8,
    requestedAmountCents: 73_600,
    periodFrom: '2025-04-01',
    periodTo: '2025-06-30',
  },
});

const claimSchema = eventData({
  claimId: field('administrative', Type.String({ format: 'uuid' })),
  fundingRequestId: field('administrative', Type.String({ format: 'uuid' })),
  organisationId,
  insurerId,
  instrument,
  units: field('financial', Type.Integer({ minimum: 1 })),
  amountCents: field('financial', Type.Integer({ minimum: 0, description: 'Euro cents.' })),
  ...period,
});

export type CareClaimSubmittedV1 = Static<typeof claimSchema>;

export const careClaimSubmittedV1 = defineIntegrationEvent({
  name: 'CareClaimSubmitted',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'care-provider',
  topic: careProviderCaseEventsTopic,
  audiences: { insurer: { to: (request) => request.insurerId } },
  description: 'The care provider claimed delivered care against a funding request.',
  schema: claimSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-07-02T12:00:00Z',
    claimId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
    fundingRequestId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
    organisationId: 'ggz-delfland',
    insurerId: 'zilveren-kruis',
    instrument: 'ips-intake',
    units: 8,
    amountCents: 73_600,
    periodFrom: '2025-04-01',
    periodTo: '2025-06-30',
  },
});
