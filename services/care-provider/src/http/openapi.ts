// The responses every command route shares, so OpenAPI lists each refusal it can give
// (the problem body and Idempotency-Key are nest-kit's, the same in every service).
import { applyDecorators } from '@nestjs/common';
import { ApiIdempotencyKey, ApiProblem } from '@wcc/nest-kit';

/** 401 and 403 for every authenticated route. */
export function AuthResponses() {
  return applyDecorators(ApiProblem(401, 'No bearer token, or one that is expired or not valid.'), ApiProblem(403, 'The caller is not a care provider, or lacks the role this needs.'));
}

/** The refusals of a command on an existing item, and its Idempotency-Key. */
export function CommandResponses(conflict: string) {
  return applyDecorators(
    AuthResponses(),
    ApiIdempotencyKey(),
    ApiProblem(400, 'A field is missing, unknown, of the wrong type or out of range; `errors` names each.'),
    ApiProblem(404, "No such item for the caller's organisation (another provider's items are not shown)."),
    ApiProblem(409, conflict),
  );
}

export function ResultSchema(properties: Record<string, { type: string; format?: string }>) {
  return { type: 'object', properties: { ...properties, version: { type: 'integer', description: 'Stream version after the command.' } } };
}
