// The insurer's answer to a care provider's funding request (report 002 §3.3.2, §5.1.4:
// e.g. the first 8 IPS intake sessions at €92, €736 per client). Only financial and
// administrative facts: the insurer knows no diagnosis and says nothing clinical back.
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { addresseeField, defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { careFundingInstruments } from '../care-provider/care-funding';
import { insurerCaseEventsTopic } from './topics';

export const fundingRefusalReasons = [
  'not-covered',
  'not-insured',
  'insufficient-justification',
  'duplicate-request',
  'budget-exhausted',
  // Job coaching under report 002 §5.1.4: no job stated, a contract under 6 months or under 12 hours a week, a period outside the job's first three years.
  'job-details-missing',
  'contract-too-short',
  'contract-hours-too-low',
  'outside-coaching-years',
  'other',
] as const;
export type FundingRefusalReason = (typeof fundingRefusalReasons)[number];

const decision = {
  fundingRequestId: field('administrative', Type.String({ format: 'uuid', description: "The care provider's funding request this answers." })),
  insurerId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The deciding health insurer.' })),
  addressedTo: addresseeField('The care provider that asked, to which the decision goes.'),
  instrument: field('financial', stringEnum(careFundingInstruments)),
};

const grantedSchema = eventData({
  ...decision,
  grantedUnits: field('financial', Type.Integer({ minimum: 1, description: 'Sessions, hours or care products funded.' })),
  grantedAmountCents: field('financial', Type.Integer({ minimum: 0, description: 'Funded amount in euro cents.' })),
  unitPriceCents: Type.Optional(field('financial', Type.Integer({ minimum: 0, description: 'Tariff per unit in euro cents, when the instrument has one.' }))),
  tariffVersion: field('administrative', Type.String({ minLength: 1, maxLength: 32, description: 'Version of the tariff table the grant was checked against.' })),
  periodFrom: field('administrative', Type.String({ format: 'date', description: 'First day care may be claimed for.' })),
  periodTo: field('administrative', Type.String({ format: 'date', description: 'Last day care may be claimed for.' })),
});

export type CareFundingGrantedV1 = Static<typeof grantedSchema>;

export const careFundingGrantedV1 = defineIntegrationEvent({
  name: 'CareFundingGranted',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'insurer',
  topic: insurerCaseEventsTopic,
  audiences: { 'care-provider': { to: (decision) => decision.addressedTo } },
  description: 'The health insurer granted care funding: instrument, units, amount and the period claims may fall in.',
  schema: grantedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-20T10:00:00Z',
    fundingRequestId: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    insurerId: 'achmea',
    addressedTo: 'ggz-vip-amsterdam',
    instrument: 'ips-intake',
    grantedUnits: 8,
    grantedAmountCents: 73600,
    unitPriceCents: 9200,
    tariffVersion: '2015',
    periodFrom: '2025-03-20',
    periodTo: '2025-09-30',
  },
});

const refusedSchema = eventData({
  ...decision,
  reasonCode: field('administrative', stringEnum(fundingRefusalReasons)),
  reason: field('administrative', Type.String({ minLength: 1, maxLength: 500, description: 'Explanation for the care provider. Nothing clinical.' })),
});

export type CareFundingRefusedV1 = Static<typeof refusedSchema>;

export const careFundingRefusedV1 = defineIntegrationEvent({
  name: 'CareFundingRefused',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'insurer',
  topic: insurerCaseEventsTopic,
  audiences: { 'care-provider': { to: (decision) => decision.addressedTo } },
  description: 'The health insurer refused a funding request; the reason goes back to the care provider.',
  schema: refusedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-20T10:00:00Z',
    fundingRequestId: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    insurerId: 'achmea',
    addressedTo: 'ggz-vip-amsterdam',
    instrument: 'job-coaching',
    reasonCode: 'not-covered',
    reason: 'Job coaching is funded by the municipality under this contract, not by the insurer.',
  },
});
