// Who the client is, as far as the chain may know: demographics without identity.
// Published when a case is opened (an integration event belongs to a case), never
// with the BSN or a name; the clientKey is a keyed hash only the municipality can
// recompute from the BSN.
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { municipalityCaseEventsTopic } from './topics';

export const paidBenefitTypes = ['wwb', 'wajong', 'wia', 'ww', 'ioaw-ioaz', 'bbz'] as const;
export const benefitTypes = [...paidBenefitTypes, 'none'] as const;
export type BenefitTypeCode = (typeof benefitTypes)[number];

const schema = eventData({
  municipalityId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The municipality where the client is registered.' })),
  // Demographics are quasi-identifiers: together they can single a person out.
  birthYear: field('identifying', Type.Integer({ minimum: 1900, maximum: 2100 })),
  sex: field('identifying', stringEnum(['female', 'male', 'x'])),
  housing: field('identifying', stringEnum(['independent', 'with-parents', 'supported-housing', 'shelter', 'homeless', 'other'], { description: 'Woonsituatie.' })),
  education: field('work', stringEnum(['low', 'mid', 'high'], { description: 'Opleidingsniveau: low/none, middle, high.' })),
  benefitType: field('financial', stringEnum(benefitTypes, { description: 'WWB is bijstand (Participatiewet); none when the client has no benefit.' })),
  benefitMonthlyAmountCents: field('financial', Type.Integer({ minimum: 0, description: 'Monthly benefit in euro cents; 0 without a benefit.' })),
});

export type ClientRegisteredV1 = Static<typeof schema>;

export const clientRegisteredV1 = defineIntegrationEvent({
  name: 'ClientRegistered',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'The client of a newly opened case, as registered by the municipality: demographics and benefit, keyed by the pseudonymous client key. Never a BSN or a name.',
  schema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-03T09:00:00Z',
    municipalityId: 'gemeente-rotterdam',
    birthYear: 1990,
    sex: 'female',
    housing: 'independent',
    education: 'low',
    benefitType: 'wwb',
    benefitMonthlyAmountCents: 123456,
  },
});
