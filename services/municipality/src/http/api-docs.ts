// OpenAPI: the problem responses each route can give, declared once.
import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

const problemSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, reason: { type: 'string' }, reasonNl: { type: 'string', description: 'The reason in Dutch, where given.' } } } },
  },
};

const meaning: Record<number, string> = {
  400: 'Invalid request: every bad or unknown field is named in `errors`.',
  401: 'No or an invalid bearer token.',
  403: 'Wrong organisation type or role, or another municipality’s client or case.',
  404: 'No such client, case, consent or referral.',
  409: 'Impossible in the current state (for example a second regie owner, a BSN registered twice) or a concurrent change.',
};

/** Problem+json responses, each with what it means here. */
export function ApiProblems(...statuses: (400 | 401 | 403 | 404 | 409)[]): MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: meaning[status], content: { 'application/problem+json': { schema: problemSchema } } }),
    ),
  );
}

/** Commands accept an Idempotency-Key (a UUID): a retry returns the first result instead of acting twice. */
export const ApiIdempotencyKey = (): MethodDecorator =>
  ApiHeader({ name: 'Idempotency-Key', required: false, description: 'UUID; repeating a request with the same key returns the first result.' });

/** A small JSON object in the response. */
export function objectSchema(properties: Record<string, { type: string; format?: string }>): { type: 'object'; properties: typeof properties } {
  return { type: 'object', properties };
}
