// The client's consent to share data within the chain, registered by the
// municipality. Withdrawal takes effect at once for every view, so it repeats the
// scope: a consumer holding no consent state can still act on it.
//
// Who receives: `recipients` names organisations (by id, with their type). Without it the
// consent is for *the case team* of the named organisation types: resolved at each
// disclosure to the organisations taking part in the case at that moment (the case view's
// case team), never to every organisation of a type. That is also how every consent
// granted before `recipients` existed is read — narrowed, never widened. The organisation
// types remain the ceiling: every named recipient's type is among them.
import { type Static, Type } from '@sinclair/typebox';
import { dataCategories, field } from '../core/data-category';
import { defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { municipalityCaseEventsTopic } from './topics';

export const consentPurposes = ['chain-coordination', 'care', 'research'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const partnerOrganisationTypes = ['municipality', 'care-provider', 'insurer', 'employer-network'] as const;
export type PartnerOrganisationType = (typeof partnerOrganisationTypes)[number];

const scope = {
  consentId: field('administrative', Type.String({ format: 'uuid' })),
  purpose: field('administrative', stringEnum(consentPurposes)),
  organisationTypes: field('administrative', Type.Array(stringEnum(partnerOrganisationTypes), { minItems: 1, uniqueItems: true, description: 'Which partner categories may receive the data.' })),
  dataCategories: field('administrative', Type.Array(stringEnum(dataCategories), { minItems: 1, uniqueItems: true, description: 'Which data categories they may receive.' })),
  recipients: Type.Optional(
    field(
      'administrative',
      Type.Array(
        Type.Object(
          {
            organisationId: Type.String({ minLength: 1, maxLength: 64 }),
            organisationType: stringEnum(partnerOrganisationTypes),
          },
          { additionalProperties: false, description: 'One named recipient organisation.' },
        ),
        {
          minItems: 1,
          maxItems: 20,
          description: 'The organisations that may receive the data. Absent: the case team of the listed organisation types, resolved at each disclosure.',
        },
      ),
    ),
  ),
  disclosesIpsParticipation: Type.Optional(
    field(
      'administrative',
      Type.Boolean({
        description: "The client's own choice (IPS practice): the named employer-network recipients may know that the client takes part in IPS — that, and nothing more about their care.",
      }),
    ),
  ),
};

const grantedSchema = eventData({
  ...scope,
  validFrom: field('administrative', Type.String({ format: 'date' })),
  validTo: Type.Optional(field('administrative', Type.String({ format: 'date', description: 'Absent: until withdrawn.' }))),
});

export type ConsentGrantedV1 = Static<typeof grantedSchema>;

export const consentGrantedV1 = defineIntegrationEvent({
  name: 'ConsentGranted',
  revealsCareInvolvement: 'depends-on-data',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'The client consented that the listed partner categories receive the listed data categories for one purpose.',
  schema: grantedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-03T09:00:00Z',
    consentId: 'c2d9e8f1-3b4a-4c5d-8e6f-7a8b9c0d1e2f',
    purpose: 'chain-coordination',
    organisationTypes: ['municipality', 'care-provider', 'employer-network'],
    dataCategories: ['administrative', 'work'],
    recipients: [
      { organisationId: 'gemeente-rotterdam', organisationType: 'municipality' },
      { organisationId: 'ggz-delfland', organisationType: 'care-provider' },
      { organisationId: 'werkgeversservicepunt-rijnmond', organisationType: 'employer-network' },
    ],
    validFrom: '2025-03-03',
    validTo: '2026-03-03',
  },
});

const withdrawnSchema = eventData(scope);

export type ConsentWithdrawnV1 = Static<typeof withdrawnSchema>;

export const consentWithdrawnV1 = defineIntegrationEvent({
  name: 'ConsentWithdrawn',
  revealsCareInvolvement: 'depends-on-data',
  version: 1,
  producer: 'municipality',
  topic: municipalityCaseEventsTopic,
  description: 'The client withdrew a consent; from occurredAt on, nothing it covered may be received or shown.',
  schema: withdrawnSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-06-10T14:30:00Z',
    consentId: 'c2d9e8f1-3b4a-4c5d-8e6f-7a8b9c0d1e2f',
    purpose: 'chain-coordination',
    organisationTypes: ['municipality', 'care-provider', 'employer-network'],
    dataCategories: ['administrative', 'work'],
  },
});
