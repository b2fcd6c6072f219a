// RFC 9457 problem details: every refusal a service gives is one of these, with the
// field at fault and the reason, and `application/problem+json` as its media type.
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { DomainError } from '@wcc/domain-kit';
import { ConcurrencyConflictError } from '@wcc/event-store';
import { CommandRefused, IdempotencyKeyReused } from '../cqrs/handle-with-decider';

export interface FieldIssue {
  /** JSON Pointer into the request body (`/deadline`) or a parameter name (`caseId`). */
  readonly field: string;
  readonly reason: string;
  /** The reason in Dutch, where the service has it (the page shows Dutch first). */
  readonly reasonNl?: string;
}

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code?: string;
  readonly errors?: readonly FieldIssue[];
}

const typeUri = (code: string): string => `urn:wcc:problem:${code}`;

export class ProblemException extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail);
  }

  static validation(errors: readonly FieldIssue[]): ProblemException {
    return new ProblemException({
      type: typeUri('invalid-request'),
      title: 'The request is not valid',
      status: 400,
      detail: errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
      code: 'invalid-request',
      errors,
    });
  }
  static unauthorized(detail: string): ProblemException {
    return new ProblemException({ type: typeUri('unauthenticated'), title: 'Not authenticated', status: 401, detail, code: 'unauthenticated' });
  }
  static forbidden(detail: string): ProblemException {
    return new ProblemException({ type: typeUri('forbidden'), title: 'Not allowed', status: 403, detail, code: 'forbidden' });
  }
  static notFound(detail: string): ProblemException {
    return new ProblemException({ type: typeUri('not-found'), title: 'Not found', status: 404, detail, code: 'not-found' });
  }
  /** The service cannot answer correctly right now (it would rather not answer wrongly). */
  static unavailable(detail: string): ProblemException {
    return new ProblemException({ type: typeUri('unavailable'), title: 'Temporarily unavailable', status: 503, detail, code: 'unavailable' });
  }
  static fromDomainError(error: DomainError): ProblemException {
    const status = { 'not-found': 404, conflict: 409, invalid: 400, forbidden: 403 }[error.category];
    return new ProblemException({
      type: typeUri(error.code),
      title: { 404: 'Not found', 409: 'Conflict', 400: 'The request is not valid', 403: 'Not allowed' }[status] ?? 'Refused',
      status,
      detail: error.message,
      code: error.code,
      ...(error.field ? { errors: [{ field: error.field, reason: error.message }] } : {}),
    });
  }
}

/** Errors raised by Express's body parser carry a `type`; these are the caller's fault. */
interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
  readonly limit?: number;
}

/** The problem of a body-parser failure (the caller's fault), or undefined for anything else. */
function bodyParserProblem(error: unknown): ProblemDetails | undefined {
  const parser = error as BodyParserError | null | undefined;
  switch (parser?.type ?? '') {
    case 'entity.parse.failed':
      return {
        type: typeUri('malformed-json'),
        title: 'The request is not valid',
        status: 400,
        detail: 'The body is not valid JSON.',
        code: 'malformed-json',
        errors: [{ field: '/', reason: 'malformed JSON' }],
      };
    case 'entity.too.large':
      return { type: typeUri('payload-too-large'), title: 'Payload too large', status: 413, detail: `The body exceeds the limit of ${parser?.limit ?? 1_048_576} bytes.`, code: 'payload-too-large' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { type: typeUri('unsupported-media-type'), title: 'Unsupported media type', status: 415, detail: 'Send the body as UTF-8 application/json.', code: 'unsupported-media-type' };
    default:
      return undefined;
  }
}

/**
 * Express error middleware right after the body parser. Nest maps a parser's
 * SyntaxError to a bare BadRequestException before any filter sees it, losing that the
 * body was malformed JSON (and the `errors` every 400 carries); this answers first.
 */
export function bodyParserProblems() {
  return (error: unknown, _request: unknown, _response: unknown, next: (error?: unknown) => void): void => {
    const problem = bodyParserProblem(error);
    next(problem ? new ProblemException(problem) : error);
  };
}

export function problemOf(error: unknown): ProblemDetails {
  if (error instanceof ProblemException) return error.problem;
  // The HTTP edge is the one place a domain refusal becomes an HTTP status.
  if (error instanceof CommandRefused) return ProblemException.fromDomainError(error.refusal).problem;
  if (error instanceof IdempotencyKeyReused) {
    // draft-ietf-httpapi-idempotency-key-header: a key reused for another payload is 422.
    return {
      type: typeUri('idempotency-key-reused'),
      title: 'Idempotency-Key reused',
      status: 422,
      detail: error.message,
      code: 'idempotency-key-reused',
      errors: [{ field: 'Idempotency-Key', reason: 'already used for a different request', reasonNl: 'al gebruikt voor een ander verzoek' }],
    };
  }
  if (error instanceof ConcurrencyConflictError) {
    return {
      type: typeUri('concurrency-conflict'),
      title: 'Conflict',
      status: 409,
      detail: 'Someone else changed this at the same moment; reload and try again.',
      code: 'concurrency-conflict',
    };
  }
  const parser = bodyParserProblem(error);
  if (parser) return parser;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { type: typeUri(`http-${status}`), title: error.name.replace(/Exception$/, ''), status, detail: error.message, code: `http-${status}` };
  }
  return { type: typeUri('internal-error'), title: 'Internal error', status: 500, detail: 'Something went wrong on our side; it has been logged.', code: 'internal-error' };
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = problemOf(error);
    if (problem.status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    const response = host.switchToHttp().getResponse<Response>();
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
