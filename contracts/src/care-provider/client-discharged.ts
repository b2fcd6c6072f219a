// The care provider discharged the client: its involvement in the case ended. The chain
// needs the fact and the date (the case team changes; the regisseur plans without GGZ
// from then on); the reason says something about the client's care, so it is a care
// summary that only those who may see care summaries read.
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { careProviderCaseEventsTopic } from './topics';

export const dischargeReasons = ['care-completed', 'client-stopped', 'referred-elsewhere', 'client-moved', 'other'] as const;
export type DischargeReason = (typeof dischargeReasons)[number];

const dischargedSchema = eventData({
  referralId: field('administrative', Type.String({ format: 'uuid' })),
  organisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The care provider that discharged the client.' })),
  dischargedOn: field('administrative', Type.String({ format: 'date' })),
  reasonCode: field('care-summary', stringEnum(dischargeReasons)),
});

export type ClientDischargedV1 = Static<typeof dischargedSchema>;

export const clientDischargedV1 = defineIntegrationEvent({
  name: 'ClientDischarged',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'care-provider',
  topic: careProviderCaseEventsTopic,
  description: 'The care provider discharged the client: its involvement in the case ended. The reason is administrative, never a diagnosis or an outcome measure.',
  schema: dischargedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-10-01T10:00:00Z',
    referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
    organisationId: 'ggz-delfland',
    dischargedOn: '2025-10-01',
    reasonCode: 'care-completed',
  },
});
