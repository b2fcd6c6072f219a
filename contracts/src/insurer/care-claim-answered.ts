// The insurer's answer to a care claim: settled against the funding decision, or
// rejected with a reason code the care provider can act on. Financial and
// administrative only.
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { addresseeField, defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { careFundingInstruments } from '../care-provider/care-funding';
import { insurerCaseEventsTopic } from './topics';

export const claimRejectionReasons = ['not-granted', 'over-budget', 'outside-period', 'instrument-mismatch', 'above-tariff', 'invalid-period'] as const;
export type ClaimRejectionReason = (typeof claimRejectionReasons)[number];

const answer = {
  claimId: field('administrative', Type.String({ format: 'uuid' })),
  fundingRequestId: field('administrative', Type.String({ format: 'uuid', description: 'The funding the claim was made against.' })),
  insurerId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The health insurer answering the claim.' })),
  addressedTo: addresseeField('The care provider that claimed, to which the answer goes.'),
};

const settledSchema = eventData({
  ...answer,
  instrument: field('financial', stringEnum(careFundingInstruments)),
  units: field('financial', Type.Integer({ minimum: 1 })),
  amountCents: field('financial', Type.Integer({ minimum: 0, description: 'Settled amount in euro cents.' })),
  settledOn: field('administrative', Type.String({ format: 'date' })),
  remainingUnits: field('financial', Type.Integer({ minimum: 0, description: 'Units of the grant still claimable after this claim.' })),
  remainingAmountCents: field('financial', Type.Integer({ minimum: 0, description: 'Amount of the grant still claimable after this claim.' })),
});

export type CareClaimSettledV1 = Static<typeof settledSchema>;

export const careClaimSettledV1 = defineIntegrationEvent({
  name: 'CareClaimSettled',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'insurer',
  topic: insurerCaseEventsTopic,
  audiences: { 'care-provider': { to: (answer) => answer.addressedTo } },
  description: 'The health insurer settled a care claim within the granted funding.',
  schema: settledSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-04-30T16:00:00Z',
    claimId: '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918',
    fundingRequestId: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    insurerId: 'achmea',
    addressedTo: 'ggz-vip-amsterdam',
    instrument: 'ips-intake',
    units: 4,
    amountCents: 36800,
    settledOn: '2025-04-30',
    remainingUnits: 4,
    remainingAmountCents: 36800,
  },
});

const rejectedSchema = eventData({
  ...answer,
  reason: field('administrative', stringEnum(claimRejectionReasons)),
  detail: field('administrative', Type.String({ minLength: 1, maxLength: 500, description: "What was wrong, for the care provider's administration." })),
});

export type CareClaimRejectedV1 = Static<typeof rejectedSchema>;

export const careClaimRejectedV1 = defineIntegrationEvent({
  name: 'CareClaimRejected',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'insurer',
  topic: insurerCaseEventsTopic,
  audiences: { 'care-provider': { to: (answer) => answer.addressedTo } },
  description: 'The health insurer rejected a care claim: not granted, over budget, outside the funded period, …; the reason goes back to the care provider.',
  schema: rejectedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-04-30T16:00:00Z',
    claimId: '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918',
    fundingRequestId: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    insurerId: 'achmea',
    addressedTo: 'ggz-vip-amsterdam',
    reason: 'over-budget',
    detail: 'Settled 6 of 8 granted units; this claim of 4 units would exceed the grant.',
  },
});
