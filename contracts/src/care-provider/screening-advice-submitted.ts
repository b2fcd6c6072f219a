// The work-oriented outcome of a GGZ screening: what the chain may act on. The
// diagnosis and clinical notes stay in the care provider's own stream; the privacy
// guard refuses such fields here.
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { addresseeField, defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { careProviderCaseEventsTopic } from './topics';

export const advisedRoutes = ['ips', 'reintegration', 'care-first', 'not-now'] as const;
export type AdvisedRoute = (typeof advisedRoutes)[number];

/**
 * Functional limitations by section of the UWV Functionele Mogelijkhedenlijst (FML):
 * what the client can and cannot do at work, not why. A section code says "limited
 * somewhere in this section"; the `<section>.<item>` codes name the item, for the
 * sections a GGZ screening assesses (I personal and II social functioning, VI working
 * hours). Items were added after the first release; the section codes stay valid.
 */
export const functionalLimitationCodes = [
  'personal-functioning',
  'social-functioning',
  'physical-environment',
  'dynamic-actions',
  'static-postures',
  'working-hours',
  'personal-functioning.concentration',
  'personal-functioning.divided-attention',
  'personal-functioning.memory',
  'personal-functioning.insight-own-abilities',
  'personal-functioning.purposeful-action',
  'personal-functioning.independent-action',
  'personal-functioning.pace',
  'personal-functioning.deadlines-and-peaks',
  'personal-functioning.personal-risk',
  'social-functioning.following-rules',
  'social-functioning.adapting-to-change',
  'social-functioning.dealing-with-problems',
  'social-functioning.dealing-with-conflicts',
  'social-functioning.cooperation',
  'social-functioning.contact-with-colleagues',
  'social-functioning.managing-others',
  'social-functioning.emotional-problems-of-others',
  'social-functioning.customer-contact',
  'working-hours.evening-work',
  'working-hours.night-work',
  'working-hours.hours-per-day',
  'working-hours.hours-per-week',
] as const;
export type FunctionalLimitationCode = (typeof functionalLimitationCodes)[number];

const schema = eventData({
  adviceId: field('administrative', Type.String({ format: 'uuid' })),
  referralId: field('administrative', Type.String({ format: 'uuid' })),
  organisationId: field('administrative', Type.String({ minLength: 1, maxLength: 64, description: 'The screening care provider.' })),
  addressedTo: addresseeField('The referring municipality, to which the advice goes.'),
  advisedRoute: field('care-summary', stringEnum(advisedRoutes)),
  workCapacityHoursPerWeek: field('care-summary', Type.Number({ minimum: 0, maximum: 40, description: 'Hours per week the client can work now.' })),
  recommendedHoursPerWeek: Type.Optional(field('care-summary', Type.Number({ minimum: 0, maximum: 40, description: 'Hours per week to start with.' }))),
  functionalLimitations: field('care-summary', Type.Array(stringEnum(functionalLimitationCodes), { uniqueItems: true })),
  contraIndications: field('care-summary', Type.Boolean({ description: 'Care gives reasons to hold back on work now; no detail why.' })),
  reviewDate: field('care-summary', Type.String({ format: 'date', description: 'When the advice is to be reviewed.' })),
});

export type ScreeningAdviceSubmittedV1 = Static<typeof schema>;

export const screeningAdviceSubmittedV1 = defineIntegrationEvent({
  name: 'ScreeningAdviceSubmitted',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'care-provider',
  topic: careProviderCaseEventsTopic,
  audiences: { municipality: { to: (advice) => advice.addressedTo } },
  description: 'The care provider submitted work-oriented screening advice: route, work capacity and functional limitations. Never a diagnosis.',
  schema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-14T15:45:00Z',
    adviceId: '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4',
    referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
    organisationId: 'ggz-delfland',
    addressedTo: 'gemeente-rotterdam',
    advisedRoute: 'ips',
    workCapacityHoursPerWeek: 16,
    recommendedHoursPerWeek: 12,
    functionalLimitations: ['social-functioning', 'working-hours'],
    contraIndications: false,
    reviewDate: '2025-06-14',
  },
});
