// Given/when/then for deciders in unit tests: events so far, a command, then the
// events decided or the error refused.
import { isDomainError, type Command, type DomainError, type CommandMetadata, type Decider, type DomainEvent, type OrganisationType } from '@wcc/domain-kit';
import { expect } from 'vitest';

export const NOW = '2025-03-10T09:00:00Z';

export function metadataFor(organisationId: string, organisationType: OrganisationType = 'care-provider', commandId = 'c0ffee00-0000-4000-8000-000000000001'): CommandMetadata {
  return { commandId, now: NOW, correlationId: commandId, causationId: null, actor: { userId: 'u-1', organisationId, organisationType } };
}

export function decideGiven<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, given: readonly E[], command: C, metadata: CommandMetadata) {
  const state = given.reduce((s, e) => decider.evolve(s, e), decider.initialState());
  return decider.decide(command, state, metadata);
}

export function stateAfter<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, given: readonly E[]): S {
  return given.reduce((s, e) => decider.evolve(s, e), decider.initialState());
}

export function expectEvents<E>(result: readonly E[] | DomainError): readonly E[] {
  if (isDomainError(result)) throw new Error(`expected events, got ${result.category} ${result.code}: ${result.message}`);
  return result;
}

export function expectRefusal(result: unknown, category: string, code: string, field?: string): void {
  expect(isDomainError(result)).toBe(true);
  expect(result).toMatchObject({ category, code, ...(field !== undefined ? { field } : {}) });
}
