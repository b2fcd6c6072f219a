// Request bodies of the contract manager's commands (validated and documented by @SchemaBody).
import { Type } from '@sinclair/typebox';
import { FUNDING_REFUSAL_REASONS } from '@wcc/insurer-domain';
import { outboundText } from '@wcc/nest-kit';

export const GrantCareFundingBody = Type.Object(
  {
    grantedUnits: Type.Integer({
      minimum: 1,
      description: "Sessions, hours or care products funded; at most the tariff cap (IPS intake: 8; job coaching: the report 002 §5.1.4 share of the job's contract hours in the period).",
    }),
    grantedAmountCents: Type.Optional(Type.Integer({ minimum: 0, description: 'Euro cents. Defaults to units × tariff price (at most the requested amount); required for a DBC care product.' })),
    periodFrom: Type.String({ format: 'date', description: 'First day care may be claimed for.' }),
    periodTo: Type.String({ format: 'date', description: 'Last day care may be claimed for; not before periodFrom.' }),
  },
  { additionalProperties: false },
);

export const RefuseCareFundingBody = Type.Object(
  {
    reasonCode: Type.Unsafe<(typeof FUNDING_REFUSAL_REASONS)[number]>({ type: 'string', enum: [...FUNDING_REFUSAL_REASONS] }),
    // Crosses in CareFundingRefused to the care provider that asked.
    reason: outboundText(Type.String({ minLength: 1, maxLength: 500, description: 'Sent back to the care provider. Nothing clinical.' })),
  },
  { additionalProperties: false },
);
