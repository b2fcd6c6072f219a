import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
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
