// The refusals every command route documents, with what each means here (the problem
// body is nest-kit's, the same in every service).
import { problemResponses } from '@wcc/nest-kit';

export const ProblemResponses = problemResponses({
  400: 'Invalid request: problem+json naming each bad or unknown field.',
  401: 'No bearer token, or not a valid one.',
  403: 'Not an account manager of an employer-network organisation, or not the organisation that holds this employer or case.',
  404: 'No such employer, vacancy, case or placement.',
  409: 'Impossible in the current state (answered twice, placement already active, review month recorded, …) or changed concurrently.',
});
