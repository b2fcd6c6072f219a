// The case view's protocol records for the exchange log (Logboek Dataverwerkingen):
// who of which organisation, in which role, saw which data categories of which client
// (pseudonym), produced by whom, on which consent, for which purpose; and when items
// were withheld because no consent covered them, that access was refused. They carry
// categories and organisation ids, never the data that was shown.
import { type Static, Type } from '@sinclair/typebox';
import { dataCategories, field } from '../core/data-category';
import { defineIntegrationEvent, eventData, stringEnum } from '../core/integration-event';
import { consentPurposes } from '../municipality/consent';
import { caseViewCaseEventsTopic } from './topics';

/** The organisation types a viewer can belong to (the token's org_type). */
export const viewerOrganisationTypes = ['municipality', 'care-provider', 'insurer', 'employer-network', 'chain'] as const;
export type ViewerOrganisationType = (typeof viewerOrganisationTypes)[number];

/** The roles of the chain's users (the token's roles), as the case view checked them. */
export const viewerRoles = ['client-manager', 'regisseur', 'screener', 'ips-worker', 'contract-manager', 'account-manager', 'auditor', 'privacy-officer'] as const;
export type ViewerRole = (typeof viewerRoles)[number];

/** Which screen showed the data: the case list, one case's summary, or its timeline. */
export const caseViews = ['case-list', 'case-summary', 'case-timeline'] as const;
export type CaseViewKind = (typeof caseViews)[number];

const organisationId = Type.String({ minLength: 1, maxLength: 64 });
const categoryList = (description: string) => Type.Array(stringEnum(dataCategories), { minItems: 1, uniqueItems: true, description });

const viewer = {
  viewId: field('administrative', Type.String({ format: 'uuid', description: 'One request of one viewer; a case list yields one record per case under the same id.' })),
  viewerUserId: field('administrative', Type.String({ minLength: 1, maxLength: 128, description: 'Account id of the professional who viewed (not the client).' })),
  viewerOrganisationId: field('administrative', organisationId),
  viewerOrganisationType: field('administrative', stringEnum(viewerOrganisationTypes)),
  viewerRole: field('administrative', stringEnum(viewerRoles, { description: 'The role the view was filtered for.' })),
  view: field('administrative', stringEnum(caseViews)),
  purpose: field('administrative', stringEnum(consentPurposes, { description: 'The processing purpose; the case view serves chain coordination.' })),
};

const viewedSchema = eventData({
  ...viewer,
  dataCategoriesShown: field('administrative', categoryList("Categories of other organisations' data that were shown.")),
  producingOrganisationIds: field('administrative', Type.Array(organisationId, { minItems: 1, uniqueItems: true, description: 'The organisations whose data was shown.' })),
  consentIds: field(
    'administrative',
    Type.Array(Type.String({ format: 'uuid' }), {
      uniqueItems: true,
      description: "The consents relied on. Empty when everything shown had been addressed to the viewer's organisation (a referral to it, an answer to its referral).",
    }),
  ),
  itemsShown: field('administrative', Type.Integer({ minimum: 1, description: "How many of other organisations' items were shown." })),
});

export type CaseViewedV1 = Static<typeof viewedSchema>;

export const caseViewedV1 = defineIntegrationEvent({
  name: 'CaseViewed',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'case-view',
  topic: caseViewCaseEventsTopic,
  description: "A user of one organisation was shown data of a client's case that other organisations produced: which categories, whose, on which consent, for which purpose.",
  schema: viewedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-20T09:30:00Z',
    viewId: '2f1e0d9c-8b7a-4695-8483-72615f4e3d2c',
    viewerUserId: 'ips-coach-17',
    viewerOrganisationId: 'ggz-delfland',
    viewerOrganisationType: 'care-provider',
    viewerRole: 'ips-worker',
    view: 'case-summary',
    purpose: 'chain-coordination',
    dataCategoriesShown: ['administrative', 'work'],
    producingOrganisationIds: ['gemeente-rotterdam', 'wsp-rijnmond'],
    consentIds: ['c2d9e8f1-3b4a-4c5d-8e6f-7a8b9c0d1e2f'],
    itemsShown: 6,
  },
});

const refusedSchema = eventData({
  ...viewer,
  refusedDataCategories: field('administrative', categoryList('Categories that were withheld because no active consent covered them.')),
  producingOrganisationIds: field('administrative', Type.Array(organisationId, { minItems: 1, uniqueItems: true, description: 'The organisations whose items were withheld.' })),
  itemsWithheld: field('administrative', Type.Integer({ minimum: 1 })),
  reason: field('administrative', stringEnum(['no-consent'], { description: 'Why: no active chain-coordination consent covers the organisation type and category.' })),
});

export type CaseAccessRefusedV1 = Static<typeof refusedSchema>;

export const caseAccessRefusedV1 = defineIntegrationEvent({
  name: 'CaseAccessRefused',
  revealsCareInvolvement: 'always',
  version: 1,
  producer: 'case-view',
  topic: caseViewCaseEventsTopic,
  description: "Items of a client's case were withheld from a user of another organisation because no active consent covered them.",
  schema: refusedSchema,
  example: {
    caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
    clientKey: 'ck_7Qm2xV9pLr4TnB8s',
    occurredAt: '2025-03-20T09:30:00Z',
    viewId: '2f1e0d9c-8b7a-4695-8483-72615f4e3d2c',
    viewerUserId: 'am-04',
    viewerOrganisationId: 'wsp-rijnmond',
    viewerOrganisationType: 'employer-network',
    viewerRole: 'account-manager',
    view: 'case-timeline',
    purpose: 'chain-coordination',
    refusedDataCategories: ['financial'],
    producingOrganisationIds: ['gemeente-rotterdam'],
    itemsWithheld: 2,
    reason: 'no-consent',
  },
});
