// OpenAPI pieces every service documents the same way: the RFC 9457 problem body, a
// refusal response, and the Idempotency-Key that every command route honours (the
// command path, handleWithDecider, replays the first answer).
import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

export const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', description: 'A URN naming the kind of problem (urn:wcc:problem:<code>).' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'The refusal’s code, stable for clients to act on.' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: {
          field: { type: 'string', description: 'JSON Pointer into the body (`/deadline`), or a parameter or header name.' },
          reason: { type: 'string' },
          reasonNl: { type: 'string', description: 'The reason in Dutch, where given.' },
        },
      },
    },
  },
};

/** One refusal a route can give, as application/problem+json. */
export function ApiProblem(status: number, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, content: { 'application/problem+json': { schema: problemSchema } } });
}

/** A service's refusals with what each status means there: `const ApiProblems = problemResponses({ 404: '…' })`. */
export function problemResponses<S extends number>(meaning: Readonly<Record<S, string>>) {
  return (...statuses: S[]): MethodDecorator & ClassDecorator => applyDecorators(...statuses.map((status) => ApiProblem(status, meaning[status])));
}

/** Every command route: a retry with the same key answers the first result; the key reused for another request is 422. */
export function ApiIdempotencyKey(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', format: 'uuid' },
      description: 'UUID. Repeating a request with the same key returns the first result instead of acting twice; the same key with another request (or by another user) is refused with 422.',
    }),
    ApiProblem(422, 'The Idempotency-Key was already used for a different request.'),
  );
}

/** A small JSON object in the response. */
export function objectSchema(properties: Record<string, { type: string; format?: string }>): { type: 'object'; properties: typeof properties } {
  return { type: 'object', properties };
}
