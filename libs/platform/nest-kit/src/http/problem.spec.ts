import { NotFoundException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { domainError } from '@wcc/domain-kit';
import { ConcurrencyConflictError } from '@wcc/event-store';
import { problemOf, ProblemException } from './problem';

describe('problemOf', () => {
  it('maps domain errors by category', () => {
    const conflict = ProblemException.fromDomainError(domainError('conflict', 'referral-declined', 'The referral was declined.'));
    expect(problemOf(conflict)).toMatchObject({ status: 409, code: 'referral-declined', type: 'urn:wcc:problem:referral-declined' });
    const missing = ProblemException.fromDomainError(domainError('not-found', 'case-not-found', 'No such case.'));
    expect(problemOf(missing).status).toBe(404);
    const invalid = ProblemException.fromDomainError(domainError('invalid', 'dates-out-of-order', 'validTo is before validFrom.', '/validTo'));
    expect(problemOf(invalid)).toMatchObject({ status: 400, errors: [{ field: '/validTo', reason: 'validTo is before validFrom.' }] });
  });

  it('maps a concurrency conflict to 409', () => {
    expect(problemOf(new ConcurrencyConflictError('case-1', 3, 4))).toMatchObject({ status: 409, code: 'concurrency-conflict' });
  });

  it('maps body-parser failures: malformed JSON 400, too large 413', () => {
    expect(problemOf({ type: 'entity.parse.failed', status: 400 })).toMatchObject({ status: 400, code: 'malformed-json' });
    expect(problemOf({ type: 'entity.too.large', status: 413, limit: 1_048_576 })).toMatchObject({ status: 413 });
  });

  it('maps Nest HTTP exceptions and hides internal errors', () => {
    expect(problemOf(new NotFoundException('Cannot GET /nope'))).toMatchObject({ status: 404 });
    expect(problemOf(new Error('secret stack'))).toEqual(expect.objectContaining({ status: 500, detail: expect.not.stringContaining('secret') as unknown }));
  });
});
