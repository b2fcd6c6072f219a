import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { isOutboundText, outboundFreeTextKeyword, outboundText, outboundTextFieldsOf } from './outbound-text';
import { ProblemException } from './problem';
import { SchemaValidationPipe } from './schema-body';

const Referral = Type.Object(
  {
    route: Type.Union([Type.Literal('ggz-screening'), Type.Literal('matching')]),
    replyDeadline: Type.String({ format: 'date' }),
    hours: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

function issuesOf(value: unknown): unknown {
  try {
    new SchemaValidationPipe(Referral).transform(value);
    return 'accepted';
  } catch (err) {
    return err instanceof ProblemException ? { status: err.problem.status, errors: err.problem.errors } : err;
  }
}

describe('SchemaValidationPipe', () => {
  it('passes a valid body through unchanged', () => {
    const body = { route: 'matching', replyDeadline: '2026-12-01' };
    expect(new SchemaValidationPipe(Referral).transform(body)).toBe(body);
  });

  it('names every bad field at once: missing, unknown, wrong type, bad enum, bad format', () => {
    expect(issuesOf({ route: 'elsewhere', replyDeadline: '01-12-2026', hours: 'many', extra: 1 })).toEqual({
      status: 400,
      errors: expect.arrayContaining([
        { field: '/extra', reason: 'unknown field' },
        { field: '/hours', reason: 'must be integer' },
        { field: '/replyDeadline', reason: 'must match format "date"' },
      ]) as unknown,
    });
    expect(issuesOf({ route: 'matching' })).toEqual({ status: 400, errors: [{ field: '/replyDeadline', reason: 'is required' }] });
  });

  it('refuses a body that is not an object', () => {
    expect(issuesOf(undefined)).toEqual({ status: 400, errors: [{ field: '/', reason: 'a JSON object body is required' }] });
    expect(issuesOf([1, 2])).toMatchObject({ status: 400 });
  });
});

describe('SchemaValidationPipe on free text that leaves the organisation', () => {
  const Decline = Type.Object(
    {
      reason: outboundText(Type.String({ minLength: 1, maxLength: 500, description: 'Goes back to the referrer.' })),
      taskDemands: Type.Optional(Type.Array(outboundText(Type.String({ maxLength: 50 })))),
      note: Type.Optional(Type.String({ maxLength: 500, description: 'Stays here.' })),
      hours: Type.Optional(Type.Integer()),
    },
    { additionalProperties: false },
  );
  const refusal = (value: unknown) => {
    try {
      new SchemaValidationPipe(Decline).transform(value);
      return undefined;
    } catch (err) {
      if (err instanceof ProblemException) return err.problem;
      throw err;
    }
  };

  it('declares the field in the schema and its description', () => {
    expect(Decline.properties.reason).toMatchObject({
      [outboundFreeTextKeyword]: true,
      description: expect.stringMatching(/^Goes back to the referrer\. Leaves this organisation: refused when it contains a BSN/) as unknown,
    });
    expect(isOutboundText(Decline.properties.reason)).toBe(true);
    expect(isOutboundText(Decline.properties.note)).toBe(false);
    expect(outboundTextFieldsOf(Decline)).toEqual(['/reason', '/taskDemands/*']);
  });

  it.each([
    ['a BSN', 'Cliënt 111222333 heeft geen capaciteit', /looks like a BSN/],
    ['an ICD-10 code', 'Eerst behandeling voor F32.1', /ICD-10 diagnosis code/],
    ['a DSM code', 'diagnose 296.23', /DSM classification/],
    ['an e-mail address', 'Mail de cliënt op jan@example.nl', /e-mail address/],
    ['a phone number', 'Bel de cliënt: 06-12345678', /phone number/],
  ])('refuses %s in the field with a 400 naming it, in English and Dutch, without the value', (_what, text, reason) => {
    const problem = refusal({ reason: text });
    expect(problem).toMatchObject({
      status: 400,
      code: 'invalid-request',
      errors: [{ field: '/reason', reason: expect.stringMatching(reason) as unknown, reasonNl: expect.stringMatching(/^bevat /) as unknown }],
    });
    const found = /111222333|F32\.1|296\.23|jan@example\.nl|06-12345678/.exec(text)![0];
    expect(JSON.stringify(problem)).not.toContain(found);
  });

  it('names every issue at once: each kind found, in array items too, and the other schema errors', () => {
    const problem = refusal({ reason: 'BSN 111222333, tel 0612345678', taskDemands: ['tillen', 'contact: a@b.nl'], hours: 'many' });
    expect(problem?.errors?.map((e) => [e.field, e.reason.split(' at ')[0]])).toEqual(
      expect.arrayContaining([
        ['/reason', 'contains what looks like a BSN (8 or 9 digits that pass the elfproef)'],
        ['/reason', 'contains a Dutch phone number'],
        ['/taskDemands/1', 'contains an e-mail address'],
        ['/hours', 'must be integer'],
      ]),
    );
    expect(problem?.errors).toHaveLength(4);
  });

  it('lets ordinary text through, and free text that stays here is not its business', () => {
    const body = { reason: 'Geen capaciteit vóór 15-01-2026; 24 uur per week, 1011 AB Amsterdam.', note: 'BSN 111222333, F32.1', taskDemands: ['tillen'] };
    expect(new SchemaValidationPipe(Decline).transform(body)).toBe(body);
  });
});
