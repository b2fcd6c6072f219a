// The client's benefit as the municipality decides it: adjusted, ended (with the
// outflow reason of report 000 §2.3 / report 003 Table 7) and re-applied for.
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { paidBenefitTypes } from './client-registered';
import { municipalityCaseEventsTopic } from './topics';

const example = { caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71', clientKey: 'ck_7Qm2xV9pLr4TnB8s' };
const amount = Type.Integer({ minimum: 0, description: 'Monthly benefit in euro cents.' });

const adjustedSchema = eventData({
  benefitType: field('financial', stringEnum(paidBenefitTypes)),
  benefitMonthlyAmountCents: field('financial', amount),
  effectiveFrom: field('administrative', Type.String({ format: 'date' })),
});

export type BenefitAdjustedV1 = Static<typeof adjustedSchema>;

export const benefitAdjustedV1 = defineIntegrationEvent({
  name: 'BenefitAdjusted',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'The municipality changed the type or amount of the running benefit (a municipal decision, never automatic).',
  schema: adjustedSchema,
  example: { ...example, occurredAt: '2025-04-01T08:00:00Z', benefitType: 'wwb', benefitMonthlyAmountCents: 98000, effectiveFrom: '2025-04-01' },
});

export const benefitEndReasons = ['employee', 'self-employed', 'study', 'subsidised-work', 'relationship', 'moved', 'pension', 'detention', 'other'] as const;

const endedSchema = eventData({
  reasonCode: field('financial', stringEnum(benefitEndReasons, { description: 'Outflow to work (employee, self-employed), study, subsidised work, or another reason.' })),
  endedOn: field('administrative', Type.String({ format: 'date' })),
});

export type BenefitEndedV1 = Static<typeof endedSchema>;

export const benefitEndedV1 = defineIntegrationEvent({
  name: 'BenefitEnded',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'The benefit ended, with the reason code. Outflow to work counts employee and self-employed (report 000 §2.3 definition 1), plus subsidised work (definition 2).',
  schema: endedSchema,
  example: { ...example, occurredAt: '2025-09-01T08:00:00Z', reasonCode: 'employee', endedOn: '2025-08-31' },
});

const reappliedSchema = eventData({
  benefitType: field('financial', stringEnum(paidBenefitTypes)),
  benefitMonthlyAmountCents: field('financial', amount),
  reappliedOn: field('administrative', Type.String({ format: 'date' })),
});

export type BenefitReappliedV1 = Static<typeof reappliedSchema>;

export const benefitReappliedV1 = defineIntegrationEvent({
  name: 'BenefitReapplied',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'The client re-applied for a benefit after it had ended (or first applied, having had none), for example after job loss.',
  schema: reappliedSchema,
  example: { ...example, occurredAt: '2026-01-05T08:00:00Z', benefitType: 'wwb', benefitMonthlyAmountCents: 123456, reappliedOn: '2026-01-05' },
});
