// The refusals every command route documents, as RFC 9457 problem+json.
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const problems: Record<number, string> = {
  400: 'Invalid request: problem+json naming each bad or unknown field.',
  401: 'No bearer token, or not a valid one.',
  403: 'Not an account manager of an employer-network organisation, or not the organisation that holds this employer or case.',
  404: 'No such employer, vacancy, case or placement.',
  409: 'Impossible in the current state (answered twice, placement already active, review month recorded, …) or changed concurrently.',
};

export function ProblemResponses(...statuses: (keyof typeof problems)[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: problems[status], content: { 'application/problem+json': {} } })));
}
