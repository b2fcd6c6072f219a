// Request bodies as JSON Schema: validated (every bad or unknown field named) and
// documented in OpenAPI from the same declaration. The code lists are the domain's.
import { Type, type Static } from '@sinclair/typebox';
import { stringEnum } from '@wcc/contracts';
import { outboundText } from '@wcc/nest-kit';
import {
  CONTRACT_TYPES,
  EMPLOYER_CONTACT_KINDS,
  EMPLOYER_SIZES,
  MATCHING_CLOSE_REASONS,
  MATCHING_DECLINE_REASONS,
  PLACEMENT_END_REASONS,
  PLACEMENT_ISSUE_CODES,
  REVIEW_MONTHS,
  VACANCY_CLOSE_REASONS,
  type ReviewMonth,
} from '@wcc/employer-network-domain';

const closed = { additionalProperties: false } as const;
const text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });
const date = (description?: string) => Type.String({ format: 'date', ...(description ? { description } : {}) });
const uuid = () => Type.String({ format: 'uuid' });
const hours = (description: string) => Type.Number({ minimum: 0, maximum: 48, multipleOf: 0.5, description });

export const RegisterEmployerBody = Type.Object(
  {
    // Crosses as employerName in PlacementStarted once a client is placed with this employer.
    name: outboundText(text(200, "The employer's trade name.")),
    sector: text(100, 'Branch, e.g. "food retail" or an SBI section.'),
    size: stringEnum(EMPLOYER_SIZES, { description: 'micro <10, small <50, medium <250, large 250+ employees.' }),
    contact: Type.Object(
      {
        person: text(200, "The employer's contact person."),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
        phone: Type.Optional(Type.String({ pattern: '^[+0-9 ()-]{6,20}$' })),
      },
      closed,
    ),
  },
  closed,
);
export type RegisterEmployerBody = Static<typeof RegisterEmployerBody>;

export const OpenVacancyBody = Type.Object(
  {
    role: text(200),
    hoursPerWeek: Type.Number({ exclusiveMinimum: 0, maximum: 48, multipleOf: 0.5 }),
    taskDemands: Type.Array(text(200), { maxItems: 20, description: 'What the work asks (taakeisen): tasks, pace, contact, physical load.' }),
  },
  closed,
);
export type OpenVacancyBody = Static<typeof OpenVacancyBody>;

export const CloseVacancyBody = Type.Object({ reason: stringEnum(VACANCY_CLOSE_REASONS) }, closed);
export type CloseVacancyBody = Static<typeof CloseVacancyBody>;

export const LogEmployerContactBody = Type.Object(
  {
    kind: stringEnum(EMPLOYER_CONTACT_KINDS),
    contactedOn: date(),
    withClient: Type.Boolean({ description: 'The client was there too.' }),
    caseId: Type.Optional(Type.String({ format: 'uuid', description: 'The case of that client; only when withClient.' })),
    summary: Type.Optional(text(1000, 'Work matters only: no health detail.')),
  },
  closed,
);
export type LogEmployerContactBody = Static<typeof LogEmployerContactBody>;

export const AcceptReferralBody = Type.Object({ plannedStart: Type.Optional(date('First meeting with the client, when known.')) }, closed);
export type AcceptReferralBody = Static<typeof AcceptReferralBody>;

export const DeclineReferralBody = Type.Object(
  // reason crosses in EmployerNetworkReferralDeclined to the referring municipality.
  { reasonCode: stringEnum(MATCHING_DECLINE_REASONS), reason: outboundText(text(500, 'Sent back to the municipality. No health detail.')) },
  closed,
);
export type DeclineReferralBody = Static<typeof DeclineReferralBody>;

export const ProposeCandidateBody = Type.Object({ employerId: uuid(), vacancyId: uuid() }, closed);
export type ProposeCandidateBody = Static<typeof ProposeCandidateBody>;

export const StartPlacementBody = Type.Object(
  {
    employerId: uuid(),
    vacancyId: Type.Optional(uuid()),
    // Crosses in PlacementStarted to the municipality, the insurer and the case view.
    role: outboundText(text(200, 'The job as the client does it, e.g. "Orderpicker".')),
    contractType: stringEnum(CONTRACT_TYPES),
    hoursPerWeek: hours('Contract hours per week (expected hours for a zero-hours contract).'),
    grossHourlyWageCents: Type.Integer({ minimum: 0, maximum: 100_000, description: 'Gross hourly wage in euro cents.' }),
    wageValuePercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'Loonwaarde, when assessed.' })),
    wageSubsidy: Type.Boolean({ description: 'Wage-cost subsidy (loonkostensubsidie) to the employer.' }),
    jobCoach: Type.Boolean(),
    startDate: date(),
  },
  { ...closed, description: 'The sequence (1st, 2nd, 3rd job of the case) is assigned by the service, never sent.' },
);
export type StartPlacementBody = Static<typeof StartPlacementBody>;

export const ReviewPlacementBody = Type.Object(
  {
    reviewMonth: Type.Unsafe<ReviewMonth>({ type: 'integer', enum: [...REVIEW_MONTHS], description: 'Months after the start: 1, 3, 6 or 12.' }),
    reviewedOn: date(),
    stillWorking: Type.Boolean(),
    hoursPerWeek: hours('Hours per week worked now.'),
    issues: Type.Optional(Type.Array(stringEnum(PLACEMENT_ISSUE_CODES), { uniqueItems: true })),
    note: Type.Optional(text(1000, 'Kept by the employer network, never published. Work matters only.')),
  },
  closed,
);
export type ReviewPlacementBody = Static<typeof ReviewPlacementBody>;

export const EndPlacementBody = Type.Object(
  {
    endDate: date('On or after the start date.'),
    reason: stringEnum(PLACEMENT_END_REASONS, { description: "'health' is kept here and published as 'other'." }),
    reasonText: Type.Optional(text(500, "Required for 'other'. Never published.")),
  },
  closed,
);
export type EndPlacementBody = Static<typeof EndPlacementBody>;

export const CloseMatchingBody = Type.Object({ reasonCode: stringEnum(MATCHING_CLOSE_REASONS) }, closed);
export type CloseMatchingBody = Static<typeof CloseMatchingBody>;
