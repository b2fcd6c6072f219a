// Request bodies as JSON Schema (TypeBox): validated at the edge, every bad or unknown
// field named in a 400, and the same schemas document the API in OpenAPI.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  benefitEndReasons,
  benefitTypes,
  caseClosureReasons,
  consentDataCategories,
  consentOrganisationTypes,
  consentPurposes,
  dropoutReasons,
  educationLevels,
  housingSituations,
  measurementMoments,
  referralRoutes,
  referralTargets,
  reviewActionOutcomes,
  reviewAttendeeOrganisationTypes,
  reviewCancellationReasons,
  sexes,
  trajectoryPhases,
  zrmDomains,
  type ZrmDomain,
} from '@wcc/municipality-domain';
import { outboundText } from '@wcc/nest-kit';

/** A plain `enum` (clearer errors and docs than an anyOf of constants). */
function oneOf<const V extends readonly string[]>(values: V, description?: string) {
  return Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}

const closed = <P extends Record<string, TSchema>>(properties: P, description?: string) => Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });

const date = (description?: string) => Type.String({ format: 'date', ...(description ? { description } : {}) });
const text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });
const cents = (description: string) => Type.Integer({ minimum: 0, maximum: 100_000_000, description });

export const RegisterClientBody = closed({
  bsn: Type.String({ pattern: '^[0-9]{8,9}$', description: 'Burgerservicenummer: 9 digits passing the elfproef (8 digits get a leading 0). Stored encrypted, never published.' }),
  name: Type.Optional(text(200, 'How the client manager knows the client. Stored encrypted, shown only to client managers, never published.')),
  birthYear: Type.Integer({ minimum: 1900, maximum: 2100 }),
  sex: oneOf(sexes),
  education: oneOf(educationLevels, 'Opleidingsniveau: low/none, middle, high.'),
  benefitType: oneOf(benefitTypes, 'WWB is bijstand (Participatiewet).'),
  benefitMonthlyAmountCents: cents('Monthly benefit in euro cents; 0 when benefitType is none.'),
  housing: oneOf(housingSituations),
});
export type RegisterClientBody = Static<typeof RegisterClientBody>;

export const LookupClientBody = closed({ bsn: RegisterClientBody.properties.bsn });
export type LookupClientBody = Static<typeof LookupClientBody>;

export const OpenCaseBody = closed({ clientKey: Type.String({ pattern: '^ck_[A-Za-z0-9_-]{43}$', description: 'The client key returned at registration.' }) });
export type OpenCaseBody = Static<typeof OpenCaseBody>;

const userId = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._@:-]+$', description: 'Account id of a case worker of this municipality.' });

export const AssignRegieBody = closed({ userId });
export type AssignRegieBody = Static<typeof AssignRegieBody>;

export const TransferRegieBody = closed({ toUserId: userId, reason: text(500) });
export type TransferRegieBody = Static<typeof TransferRegieBody>;

export const GrantConsentBody = closed({
  purpose: oneOf(consentPurposes),
  organisationTypes: Type.Array(oneOf(consentOrganisationTypes), { minItems: 1, uniqueItems: true, description: 'Which partner categories may receive the data.' }),
  dataCategories: Type.Array(oneOf(consentDataCategories), { minItems: 1, uniqueItems: true, description: 'Which data categories they may receive.' }),
  recipients: Type.Optional(
    Type.Array(
      closed({
        organisationId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
        organisationType: oneOf(consentOrganisationTypes),
      }),
      {
        minItems: 1,
        maxItems: 20,
        description:
          'The organisations that may receive the data, each of one of organisationTypes. Absent: the case team — the organisations of those types that take part in the case at the moment of each disclosure (never every organisation of a type).',
      },
    ),
  ),
  disclosesIpsParticipation: Type.Optional(
    Type.Boolean({
      description:
        "The client's own choice (IPS practice): the named employer-network recipients may know that the client takes part in IPS, and nothing more about their care. Needs recipients, all of type employer-network.",
    }),
  ),
  validFrom: date(),
  validTo: Type.Optional(date('On or after validFrom; absent: until withdrawn.')),
});
export type GrantConsentBody = Static<typeof GrantConsentBody>;

export const ReferClientBody = closed({
  toOrganisationId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
  toOrganisationType: oneOf(referralTargets),
  route: oneOf(referralRoutes, "How the client came to be referred; 'matching' for the employer network."),
  // Crosses in ClientReferred to the care provider or employer network; the client's name is refused too, and for the
  // employer network any word that reveals GGZ care (client-name-guard.ts, contracts' care-vocabulary.ts).
  reason: outboundText(
    text(
      500,
      "Why, in words the receiver may read. No clinical detail, and not the client's name. To the employer network: no word that reveals GGZ care either (GGZ, psychose, depressie, behandeling, diagnose, opname, psychiater, IPS, …).",
    ),
  ),
  replyDeadline: date('Without an answer by this date the referral is overdue.'),
});
export type ReferClientBody = Static<typeof ReferClientBody>;

const zrmScore = Type.Unsafe<1 | 2 | 3 | 4 | 5>(Type.Integer({ minimum: 1, maximum: 5 }));
export const RecordParticipationBody = closed({
  moment: oneOf(measurementMoments),
  measuredOn: date(),
  ladderRung: Type.Unsafe<1 | 2 | 3 | 4 | 5 | 6>(Type.Integer({ minimum: 1, maximum: 6, description: 'Participatieladder rung 1–6.' })),
  growthPotential: Type.Boolean({ description: 'Whether the client can climb a rung.' }),
  zrm: closed(
    Object.fromEntries(zrmDomains.map((d) => [d, zrmScore])) as Record<ZrmDomain, typeof zrmScore>,
    'Zelfredzaamheid-Matrix: each of the 11 domains scored 1 (acute problems) … 5 (fully self-reliant).',
  ),
});
export type RecordParticipationBody = Static<typeof RecordParticipationBody>;

export const AdjustBenefitBody = closed({
  benefitType: oneOf(benefitTypes),
  monthlyAmountCents: cents('New monthly amount in euro cents.'),
  effectiveFrom: date(),
  reason: text(500, 'Why; stays at the municipality.'),
});
export type AdjustBenefitBody = Static<typeof AdjustBenefitBody>;

export const EndBenefitBody = closed({
  reasonCode: oneOf(benefitEndReasons),
  reasonText: Type.Optional(text(500, "Required when reasonCode is 'other'; stays at the municipality.")),
  endedOn: date(),
});
export type EndBenefitBody = Static<typeof EndBenefitBody>;

export const ReapplyBenefitBody = closed({ benefitType: oneOf(benefitTypes), monthlyAmountCents: cents('Monthly amount in euro cents.'), reappliedOn: date() });
export type ReapplyBenefitBody = Static<typeof ReapplyBenefitBody>;

export const RecordDropoutBody = closed({
  phase: oneOf(trajectoryPhases),
  reasonCode: oneOf(dropoutReasons),
  reasonText: Type.Optional(text(500, "Required when reasonCode is 'other'; stays at the municipality.")),
  droppedOutOn: date(),
});
export type RecordDropoutBody = Static<typeof RecordDropoutBody>;

export const CloseCaseBody = closed({ reasonCode: oneOf(caseClosureReasons), note: Type.Optional(text(1000, 'Stays at the municipality.')) });
export type CloseCaseBody = Static<typeof CloseCaseBody>;

// MDT case reviews

const organisationId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
const professional = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._@:-]+$', description: 'Account id of a professional (never a client).' });

export const ScheduleCaseReviewBody = closed({
  scheduledFor: Type.String({ format: 'date-time', description: 'When the team meets; today or later.' }),
  chairUserId: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._@:-]+$', description: 'The case worker of this municipality who chairs the meeting (usually the regisseur).' }),
});
export type ScheduleCaseReviewBody = Static<typeof ScheduleCaseReviewBody>;

export const RecordCaseReviewBody = closed({
  heldOn: date('The day of the meeting; not in the future.'),
  attendees: Type.Array(closed({ userId: professional, organisationId, organisationType: oneOf(reviewAttendeeOrganisationTypes) }, 'A professional at the table.'), {
    minItems: 1,
    maxItems: 50,
    description: 'Everyone who attended, with organisation and organisation type. Partners other than this municipality need a chain-coordination consent covering every category discussed.',
  }),
  dataCategoriesDiscussed: Type.Array(oneOf(consentDataCategories), {
    minItems: 1,
    uniqueItems: true,
    description: 'Which data categories of the client were discussed. care-summary never with the employer network at the table.',
  }),
  decisions: Type.Array(text(500), { maxItems: 50, description: 'Short decision texts as minuted. They stay at the municipality; the chain hears only how many.' }),
});
export type RecordCaseReviewBody = Static<typeof RecordCaseReviewBody>;

export const AssignReviewActionBody = closed({
  description: text(500, 'What is to be done. Stays at the municipality.'),
  ownerUserId: professional,
  ownerOrganisationId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'This municipality or an organisation that attended the review.' }),
  dueDate: date('On or after the day the review was held. Open after this date: overdue.'),
});
export type AssignReviewActionBody = Static<typeof AssignReviewActionBody>;

export const CloseReviewActionBody = closed({
  closedOn: date('Not in the future, not before the review.'),
  outcome: oneOf(reviewActionOutcomes),
  note: Type.Optional(text(1000, 'Stays at the municipality.')),
});
export type CloseReviewActionBody = Static<typeof CloseReviewActionBody>;

export const CancelCaseReviewBody = closed({
  reasonCode: oneOf(reviewCancellationReasons),
  reasonText: Type.Optional(text(500, "Required when reasonCode is 'other'; stays at the municipality.")),
});
export type CancelCaseReviewBody = Static<typeof CancelCaseReviewBody>;
