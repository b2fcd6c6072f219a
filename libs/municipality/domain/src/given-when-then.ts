// Given/when/then for deciders: given these past events, when this command, then
// these new events (or this refusal). Used by the specs only; not exported.
import { expect } from 'vitest';
import { isDomainError, type Actor, type Command, type CommandMetadata, type Decider, type DomainError, type DomainEvent } from '@wcc/domain-kit';

export const NOW = '2025-03-03T09:00:00.000Z';

export function metadataFor(actor: Actor, now = NOW): CommandMetadata {
  return { commandId: '00000000-0000-4000-8000-000000000001', now, correlationId: 'corr-1', causationId: null, actor };
}

export function specFor<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return (given: readonly E[]) => ({
    when(command: C, metadata: CommandMetadata) {
      const state = given.reduce((s, e) => decider.evolve(s, e), decider.initialState());
      const result = decider.decide(command, state, metadata);
      return {
        then(expected: readonly E[]): void {
          if (isDomainError(result)) expect.fail(`expected events, got refusal ${result.code}: ${result.message}`);
          expect(result).toEqual(expected);
        },
        thenRefused(expected: Partial<DomainError> & Pick<DomainError, 'category' | 'code'>): void {
          if (!isDomainError(result)) expect.fail(`expected refusal ${expected.code}, got ${JSON.stringify(result)}`);
          expect(result).toMatchObject(expected);
        },
      };
    },
  });
}
