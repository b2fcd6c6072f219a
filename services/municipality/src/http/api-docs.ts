// OpenAPI: what each refusal means in this service; the problem body, the
// Idempotency-Key and the response helpers are nest-kit's, the same in every service.
import { problemResponses } from '@wcc/nest-kit';

export { ApiIdempotencyKey, objectSchema } from '@wcc/nest-kit';

/** Problem+json responses, each with what it means here. */
export const ApiProblems = problemResponses({
  400: 'Invalid request: every bad or unknown field is named in `errors`.',
  401: 'No or an invalid bearer token.',
  403: 'Wrong organisation type or role, or another municipality’s client or case.',
  404: 'No such client, case, consent or referral.',
  409: 'Impossible in the current state (for example a second regie owner, a BSN registered twice) or a concurrent change.',
});
