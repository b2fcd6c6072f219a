// The responses every command route shares, so OpenAPI lists each refusal it can give.
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

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
} as const;

function refusal(status: number, description: string) {
  return ApiResponse({ status, description, content: { 'application/problem+json': { schema: problemSchema } } });
}

/** 401 and 403 for every authenticated route. */
export function AuthResponses() {
  return applyDecorators(
    refusal(401, 'No bearer token, or one that is expired or not valid.'),
    refusal(403, 'The caller is not a care provider, or lacks the role this needs.'),
  );
}

/** The refusals of a command on an existing item. */
export function CommandResponses(conflict: string) {
  return applyDecorators(
    AuthResponses(),
    refusal(400, 'A field is missing, unknown, of the wrong type or out of range; `errors` names each.'),
    refusal(404, "No such item for the caller's organisation (another provider's items are not shown)."),
    refusal(409, conflict),
  );
}

export function ResultSchema(properties: Record<string, { type: string; format?: string }>) {
  return { type: 'object', properties: { ...properties, version: { type: 'integer', description: 'Stream version after the command.' } } };
}
