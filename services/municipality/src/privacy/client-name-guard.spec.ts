// Which case commands carry free text out of the municipality is declared twice: on the
// HTTP field (outboundText, checked by the schema pipe) and in outboundTextOf (checked for
// the client's name). They must name the same fields.
import type { TSchema } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { outboundTextFieldsOf } from '@wcc/nest-kit';
import type { CaseCommand } from '@wcc/municipality-domain';
import * as schemas from '../http/schemas';
import { outboundTextOf } from './client-name-guard';

/** The body each case command is sent with (cases.controller.ts). */
const bodies: Partial<Record<CaseCommand['type'], TSchema>> = {
  AssignRegie: schemas.AssignRegieBody,
  TransferRegie: schemas.TransferRegieBody,
  GrantConsent: schemas.GrantConsentBody,
  ReferClient: schemas.ReferClientBody,
  RecordParticipation: schemas.RecordParticipationBody,
  AdjustBenefit: schemas.AdjustBenefitBody,
  EndBenefit: schemas.EndBenefitBody,
  ReapplyBenefit: schemas.ReapplyBenefitBody,
  RecordDropout: schemas.RecordDropoutBody,
  CloseCase: schemas.CloseCaseBody,
};

/** A command of the type with every string field filled, so outboundTextOf can show its fields. */
const sample = (type: CaseCommand['type']): CaseCommand => ({ type, data: { reason: 'r', reasonText: 't', note: 'n' } }) as unknown as CaseCommand;

describe('outbound free text of case commands', () => {
  it('is the referral reason only, marked when it goes to the employer network', () => {
    expect(
      outboundTextOf({
        type: 'ReferClient',
        data: { referralId: 'r', toOrganisationId: 'o', toOrganisationType: 'care-provider', route: 'ggz-screening', reason: 'Screening.', replyDeadline: '2099-01-01' },
      }),
    ).toEqual([{ field: '/reason', text: 'Screening.', toEmployerNetwork: false }]);
    expect(
      outboundTextOf({
        type: 'ReferClient',
        data: { referralId: 'r', toOrganisationId: 'o', toOrganisationType: 'employer-network', route: 'matching', reason: 'Ready.', replyDeadline: '2099-01-01' },
      }),
    ).toEqual([{ field: '/reason', text: 'Ready.', toEmployerNetwork: true }]);
  });

  it.each(Object.entries(bodies))('names the fields the %s body declares outboundText', (type, body) => {
    expect(outboundTextOf(sample(type as CaseCommand['type'])).map((t) => t.field)).toEqual(outboundTextFieldsOf(body));
  });

  it('is declared on no MDT review body (decision texts, action descriptions and notes stay here)', () => {
    for (const body of [
      schemas.ScheduleCaseReviewBody,
      schemas.RecordCaseReviewBody,
      schemas.AssignReviewActionBody,
      schemas.CloseReviewActionBody,
      schemas.CancelCaseReviewBody,
      schemas.RegisterClientBody,
    ]) {
      expect(outboundTextFieldsOf(body)).toEqual([]);
    }
  });
});
