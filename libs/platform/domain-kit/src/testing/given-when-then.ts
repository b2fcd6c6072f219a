// The one given/when/then for deciders (STYLE.md, "Tests" and "One way per job"): given
// these past events, when this command with this metadata, then exactly these new events,
// or this refusal. It asserts with vitest's `expect`, so it lives behind the separate entry
// `@wcc/domain-kit/testing` and production code never loads vitest.
import { expect } from 'vitest';
import { isDomainError, type Command, type Decider, type DomainError, type DomainEvent } from '../decider';
import type { Actor, CommandMetadata } from '../metadata';

/** What a refusal must match: its code alone, or any part of the DomainError (category, code, field, …). */
export type ExpectedRefusal = string | Partial<DomainError>;

export interface When<E extends DomainEvent> {
  /** What the decider answered, for assertions the helper does not make. */
  readonly result: readonly E[] | DomainError;
  /** The events decided; fails with the refusal's code and message when the decider refused. */
  readonly events: readonly E[];
  /** Exactly these events, in this order (deep equality). */
  then(expected: readonly E[]): void;
  /** A refusal that matches `expected`; fails naming the events when the decider decided instead. */
  thenRefused(expected: ExpectedRefusal): void;
}

export interface Given<C extends Command, E extends DomainEvent, S> {
  /** The state the given events fold to. */
  readonly state: S;
  /** Decides `command`; `metadata` defaults to the spec's own (see `deciderSpec`). */
  when(command: C, metadata?: CommandMetadata): When<E>;
}

/**
 * `const given = deciderSpec(caseDecider);` then, in a test:
 * `given([opened]).when(assignRegie, clientManager).then([regieAssigned]);`
 * A spec whose commands mostly come from one actor passes `{ metadata }` and may omit it in `when`.
 */
export function deciderSpec<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, defaults: { readonly metadata?: CommandMetadata } = {}): (given: readonly E[]) => Given<C, E, S> {
  return (given) => {
    const state = given.reduce((s, e) => decider.evolve(s, e), decider.initialState());
    return {
      state,
      when(command, metadata = defaults.metadata) {
        if (metadata === undefined) throw new Error(`when(${command.type}): no metadata, and deciderSpec(decider) was given none to default to`);
        const result = decider.decide(command, state, metadata);
        const scene = `given [${given.map((e) => e.type).join(', ')}] when ${command.type}`;
        const events = (): readonly E[] => {
          if (isDomainError(result)) throw new Error(`${scene}: expected events, got refusal ${result.category} ${result.code}: ${result.message}`);
          return result;
        };
        return {
          result,
          get events() {
            return events();
          },
          then(expected) {
            expect(events(), scene).toEqual(expected);
          },
          thenRefused(expected) {
            if (!isDomainError(result)) expect.fail(`${scene}: expected refusal ${JSON.stringify(expected)}, got events [${result.map((e) => e.type).join(', ')}]`);
            expect(result, scene).toMatchObject(typeof expected === 'string' ? { code: expected } : expected);
          },
        };
      },
    };
  };
}

/** The time `commandMetadata` gives a command unless a spec sets its own. */
export const NOW = '2025-03-03T09:00:00.000Z';

/** Command metadata for a spec: fixed ids and time unless a spec needs its own (time and ids come in here, never from the clock). */
export function commandMetadata(actor: Actor, overrides: Partial<Omit<CommandMetadata, 'actor'>> = {}): CommandMetadata {
  return { commandId: '00000000-0000-4000-8000-000000000001', now: NOW, correlationId: 'corr-1', causationId: null, actor, ...overrides };
}
