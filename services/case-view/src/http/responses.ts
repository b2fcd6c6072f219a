// OpenAPI descriptions of what the case view answers. Documentation only: the answers
// are built by the queries, these say their shape to the reader of /docs.
import { Type, type TSchema } from '@sinclair/typebox';
import { casePhases } from '@wcc/case-view-domain';
import { dataCategories, viewerOrganisationTypes, viewerRoles } from '@wcc/contracts';

/** A TypeBox schema handed to @nestjs/swagger, which types schemas loosely. */
const doc = (schema: TSchema): Record<string, unknown> => schema;
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const category = Type.Unsafe<string>({ type: 'string', enum: [...dataCategories] });

const viewer = Type.Object({
  userId: Type.String(),
  organisationId: Type.String(),
  organisationType: Type.Unsafe<string>({ type: 'string', enum: [...viewerOrganisationTypes] }),
  role: Type.Unsafe<string>({ type: 'string', enum: [...viewerRoles], description: 'The role the view was filtered for.' }),
});

const withheld = nullable(
  Type.Object(
    {
      categories: Type.Array(category),
      items: Type.Integer({ minimum: 1 }),
    },
    { description: 'Items or fields of other organisations withheld because no active consent covers them (only categories your role could see).' },
  ),
);

export const caseListResponse = doc(
  Type.Object({
    viewer,
    today: Type.String({ format: 'date' }),
    total: Type.Integer({ description: 'Cases matching the filters that you can see anything of.' }),
    limit: Type.Integer(),
    offset: Type.Integer(),
    cases: Type.Array(
      Type.Object({
        caseId: Type.String({ format: 'uuid' }),
        clientKey: nullable(Type.String({ description: 'Pseudonymous client key; null when identifying data is not visible to you.' })),
        municipalityId: nullable(Type.String()),
        phase: nullable(Type.Unsafe<string>({ type: 'string', enum: [...casePhases] })),
        regieOwnerUserId: nullable(Type.String()),
        latestLadderRung: nullable(Type.Integer({ minimum: 1, maximum: 6 })),
        ladderTrend: nullable(Type.String({ enum: ['up', 'down', 'same'] })),
        openReferrals: Type.Integer(),
        overdueReferrals: Type.Integer({ description: 'Open referrals past their reply deadline.' }),
        openActions: Type.Integer(),
        overdueActions: Type.Integer(),
        ending: nullable(Type.String({ enum: ['dropped-out', 'closed'] })),
        lastItemAt: nullable(Type.String({ format: 'date-time' })),
        itemsWithheldForLackOfConsent: Type.Boolean(),
      }),
    ),
  }),
);

const summary = Type.Object(
  {
    caseId: Type.String({ format: 'uuid' }),
    clientKey: nullable(Type.String()),
    municipalityId: nullable(Type.String()),
    regie: nullable(Type.Object({ ownerUserId: nullable(Type.String()), ownerOrganisationId: nullable(Type.String()), since: Type.String() })),
    phase: nullable(Type.Unsafe<string>({ type: 'string', enum: [...casePhases] })),
    ladder: nullable(Type.Object({}, { description: 'Latest participation-ladder measurement, previous rung and trend.', additionalProperties: true })),
    zrm: nullable(Type.Object({}, { description: 'Latest ZRM average, previous and trend (care summary).', additionalProperties: true })),
    referrals: Type.Array(Type.Object({}, { additionalProperties: true, description: 'Referral with reply deadline, status and overdue flag.' })),
    screeningAdvice: nullable(Type.Object({}, { additionalProperties: true })),
    ips: nullable(Type.Object({}, { additionalProperties: true })),
    inTreatment: nullable(Type.Boolean()),
    matching: nullable(Type.Object({}, { additionalProperties: true })),
    placements: Type.Array(Type.Object({}, { additionalProperties: true, description: 'Placement with sequence and status.' })),
    funding: Type.Object({ status: Type.String({ enum: ['none', 'requested', 'granted', 'refused', 'claimed', 'settled'] }), requests: Type.Array(Type.Object({}, { additionalProperties: true })) }),
    benefit: nullable(Type.Object({}, { additionalProperties: true })),
    ending: nullable(Type.Object({}, { additionalProperties: true, description: 'Dropout or closure.' })),
    consents: Type.Array(Type.Object({}, { additionalProperties: true })),
    reviews: Type.Array(Type.Object({}, { additionalProperties: true, description: 'MDT case reviews.' })),
    actions: Type.Array(Type.Object({}, { additionalProperties: true, description: 'MDT actions with owner, due date and overdue flag.' })),
    overdueReferrals: Type.Integer(),
    overdueActions: Type.Integer(),
    itemCount: Type.Integer(),
    lastItemAt: nullable(Type.String()),
  },
  { description: 'Folded only from the items you may see, with only the fields you may see.' },
);

export const caseResponse = doc(
  Type.Object({
    caseId: Type.String({ format: 'uuid' }),
    viewer,
    today: Type.String({ format: 'date' }),
    summary,
    itemsShown: Type.Integer(),
    consentIdsReliedOn: Type.Array(Type.String({ format: 'uuid' })),
    withheldForLackOfConsent: withheld,
  }),
);

export const timelineResponse = doc(
  Type.Object({
    caseId: Type.String({ format: 'uuid' }),
    viewer,
    total: Type.Integer({ description: 'Items you may see.' }),
    limit: Type.Integer(),
    offset: Type.Integer(),
    items: Type.Array(
      Type.Object({
        eventId: Type.String({ description: 'The CloudEvent id of the integration event.' }),
        occurredAt: Type.String({ format: 'date-time' }),
        type: Type.String(),
        name: Type.String(),
        organisation: Type.Object({ id: nullable(Type.String()), type: Type.String() }),
        summary: Type.Object({ nl: Type.String(), en: Type.String() }),
        data: Type.Object({}, { additionalProperties: true, description: 'The fields you may see.' }),
        categoriesShown: Type.Array(category),
        fieldsWithheldForLackOfConsent: Type.Array(category),
        basis: Type.Array(Type.String({ enum: ['own', 'addressee', 'consent'] })),
      }),
    ),
    withheldForLackOfConsent: withheld,
  }),
);

export const projectionStatusResponse = doc(
  Type.Object({
    totalLag: Type.String({ description: 'Messages not yet projected, summed over partitions (a decimal string: offsets are 64-bit).' }),
    partitions: Type.Array(
      Type.Object({
        topic: Type.String(),
        partition: Type.Integer(),
        highWatermark: Type.String(),
        committedOffset: nullable(Type.String()),
        lag: Type.String(),
        lastAppliedOffset: nullable(Type.String()),
      }),
    ),
    consumer: Type.Object({ processed: Type.Integer(), duplicates: Type.Integer(), deadLettered: Type.Integer(), retried: Type.Integer() }),
    cases: Type.Integer(),
    items: Type.Integer(),
  }),
);
