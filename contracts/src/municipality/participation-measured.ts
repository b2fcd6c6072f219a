// Participatieladder and Zelfredzaamheid-Matrix at baseline, 6 and 12 months (report
// 002 §4.1). ZRM scores include mental health and addiction, so they travel as a care
// summary: an employer never receives them.
import { type Static, Type } from '@sinclair/typebox';
import { field } from '../core/data-category';
import { defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { municipalityCaseEventsTopic } from './topics';

export const measurementMoments = ['baseline', '6-months', '12-months'] as const;

/** The 11 domains of the ZRM version used by the monitor (GGD Amsterdam). */
export const zrmDomains = [
  'finances',
  'daytime-activities',
  'housing',
  'domestic-relations',
  'mental-health',
  'physical-health',
  'addiction',
  'daily-living-skills',
  'social-network',
  'community-participation',
  'justice',
] as const;

const score = Type.Integer({ minimum: 1, maximum: 5 });
const zrm = Type.Object(Object.fromEntries(zrmDomains.map((domain) => [domain, score])) as Record<(typeof zrmDomains)[number], typeof score>, {
  additionalProperties: false,
  description: 'ZRM score per domain: 1 acute problems … 5 fully self-reliant.',
});

const schema = eventData({
  moment: field('administrative', stringEnum(measurementMoments)),
  measuredOn: field('administrative', Type.String({ format: 'date' })),
  ladderRung: field(
    'work',
    Type.Integer({
      minimum: 1,
      maximum: 6,
      description: 'Participatieladder: 1 isolated, 2 social contacts, 3 organised activities, 4 unpaid work, 5 paid work with support, 6 paid work.',
    }),
  ),
  growthPotential: field('work', Type.Boolean({ description: 'Whether the client can climb a rung (the ladder’s growth flag).' })),
  zrm: field('care-summary', zrm),
});

export type ParticipationMeasuredV1 = Static<typeof schema>;

export const participationMeasuredV1 = defineIntegrationEvent({
  name: 'ParticipationMeasured',
  revealsCareInvolvement: 'never',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'Participation-ladder rung, growth flag and ZRM scores of the client at a measurement moment.',
  schema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-03T10:00:00Z',
    moment: 'baseline',
    measuredOn: '2025-03-03',
    ladderRung: 2,
    growthPotential: true,
    zrm: {
      finances: 2,
      'daytime-activities': 2,
      housing: 4,
      'domestic-relations': 4,
      'mental-health': 2,
      'physical-health': 4,
      addiction: 5,
      'daily-living-skills': 4,
      'social-network': 3,
      'community-participation': 2,
      justice: 5,
    },
  },
});
