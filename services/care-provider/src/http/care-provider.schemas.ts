// Request bodies, as JSON Schema: validated at the edge (400 naming every bad field,
// unknown fields refused) and documented in OpenAPI by @SchemaBody. Rules that need
// today's date or the stream's state (review date after today, end not before start)
// are the deciders'; they answer 400 naming the field too.
import { type Static, Type } from '@sinclair/typebox';
import {
  ADVISED_ROUTES,
  CARE_FUNDING_INSTRUMENTS,
  DECLINE_REASONS,
  DISCHARGE_REASONS,
  DIAGNOSIS_CODE_SYSTEMS,
  FUNCTIONAL_LIMITATION_CODES,
  IPS_INTAKE_SESSIONS,
  MAX_CONTRACT_MONTHS,
  MAX_HOURS_PER_WEEK,
  TREATMENT_END_REASONS,
} from '@wcc/care-provider-domain';
import { addressableOrganisationIdPattern } from '@wcc/contracts';
import { outboundText } from '@wcc/nest-kit';

const closed = { additionalProperties: false } as const;
const date = (description?: string) => Type.String({ format: 'date', ...(description ? { description } : {}) });
const oneOf = <V extends readonly string[]>(values: V, description?: string) => Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const hours = (description: string) => Type.Number({ minimum: 0, maximum: 40, multipleOf: 0.5, description });

export const AcceptReferralBody = Type.Object({ plannedStart: Type.Optional(date('First appointment, when already known; today or later.')) }, closed);
export type AcceptReferralBody = Static<typeof AcceptReferralBody>;

export const DeclineReferralBody = Type.Object(
  {
    reasonCode: oneOf(DECLINE_REASONS),
    // Crosses in ReferralDeclined to the referring municipality.
    reason: outboundText(Type.String({ minLength: 1, maxLength: 500, description: 'Goes back to the referrer: no clinical detail.' })),
  },
  closed,
);
export type DeclineReferralBody = Static<typeof DeclineReferralBody>;

export const ClinicalFindingsBody = Type.Object(
  {
    diagnoses: Type.Array(
      Type.Object(
        {
          system: oneOf(DIAGNOSIS_CODE_SYSTEMS),
          code: Type.String({ minLength: 1, maxLength: 16, description: 'ICD-10 (F32.1) or DSM-5 (F43.10, 296.21).' }),
        },
        closed,
      ),
      { maxItems: 20 },
    ),
    notes: Type.Optional(Type.String({ maxLength: 10_000, description: 'Clinical notes. Stay in this service.' })),
  },
  { ...closed, description: 'Private to the care provider: never published, never shown to another organisation.' },
);
export type ClinicalFindingsBody = Static<typeof ClinicalFindingsBody>;

export const ScreeningAdviceBody = Type.Object(
  {
    advisedRoute: oneOf(ADVISED_ROUTES),
    workCapacityHoursPerWeek: hours('Hours per week the client can work now, in half hours.'),
    recommendedHoursPerWeek: Type.Optional(hours('Hours per week to start with; at most the work capacity.')),
    functionalLimitations: Type.Array(oneOf(FUNCTIONAL_LIMITATION_CODES), { uniqueItems: true, description: 'UWV FML sections and items.' }),
    contraIndications: Type.Boolean({ description: 'Care gives reasons to hold back on work now; no detail why.' }),
    reviewDate: date('After today.'),
  },
  closed,
);
export type ScreeningAdviceBody = Static<typeof ScreeningAdviceBody>;

export const AssignJobCoachBody = Type.Object({ jobCoachId: Type.String({ minLength: 1, maxLength: 128, description: "The IPS job coach's user id." }) }, closed);
export type AssignJobCoachBody = Static<typeof AssignJobCoachBody>;

export const IntakeSessionBody = Type.Object(
  {
    sessionNumber: Type.Integer({ minimum: 1, maximum: IPS_INTAKE_SESSIONS, description: 'Which of the eight IPS intake sessions.' }),
    heldOn: date('Not after today.'),
  },
  closed,
);
export type IntakeSessionBody = Static<typeof IntakeSessionBody>;

export const StartTreatmentEpisodeBody = Type.Object({ startDate: date() }, closed);
export type StartTreatmentEpisodeBody = Static<typeof StartTreatmentEpisodeBody>;

export const EndTreatmentEpisodeBody = Type.Object({ endDate: date('Not before the start date.'), endReason: oneOf(TREATMENT_END_REASONS) }, closed);
export type EndTreatmentEpisodeBody = Static<typeof EndTreatmentEpisodeBody>;

export const DischargeClientBody = Type.Object(
  { dischargedOn: date('Not after today, not before the last treatment episode ended.'), reasonCode: oneOf(DISCHARGE_REASONS, 'Administrative; published as a care summary.') },
  closed,
);
export type DischargeClientBody = Static<typeof DischargeClientBody>;

const quantity = {
  instrument: oneOf(CARE_FUNDING_INSTRUMENTS, 'ips-intake (per session), dbc-care-product, job-coaching (per hour).'),
  units: Type.Integer({ minimum: 1 }),
  amountCents: Type.Integer({ minimum: 0, description: 'Euro cents.' }),
  periodFrom: date(),
  periodTo: date('Not before periodFrom.'),
};

// Job coaching is funded by the job's contract hours and year (report 002 §5.1.4): the
// request states the job. Required for job coaching, refused for the other instruments
// (the decider says so, naming /job); whether the job qualifies, the insurer answers.
const CoachedJobBody = Type.Object(
  {
    hoursPerWeek: Type.Number({ minimum: 0, maximum: MAX_HOURS_PER_WEEK, multipleOf: 0.5, description: 'Contract hours per week, in half hours.' }),
    contractMonths: Type.Integer({ minimum: 1, maximum: MAX_CONTRACT_MONTHS, description: 'Length of the employment contract in months (an open-ended contract: 12 or more).' }),
    startDate: date('First day of the job; which year of the job the coaching falls in follows from it. Not after periodTo.'),
  },
  { ...closed, description: 'Job coaching only: the job the coaching is for.' },
);

// The insurer's own topic carries the request (wcc.care-provider.to-insurer.<insurerId>.v1): an id that cannot be addressed is refused here.
export const RequestCareFundingBody = Type.Object(
  {
    insurerId: Type.String({ pattern: addressableOrganisationIdPattern, description: 'The health insurer asked to pay (its organisation id).' }),
    ...quantity,
    job: Type.Optional(CoachedJobBody),
  },
  closed,
);
export type RequestCareFundingBody = Static<typeof RequestCareFundingBody>;

export const SubmitCareClaimBody = Type.Object(quantity, closed);
export type SubmitCareClaimBody = Static<typeof SubmitCareClaimBody>;
