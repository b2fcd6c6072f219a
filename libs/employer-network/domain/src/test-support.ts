// Given/when/then for deciders, shared by this library's specs: given past events,
// when a command (with metadata), then events or a refusal.
import type { Actor, Command, CommandMetadata, Decider, DomainError, DomainEvent } from '@wcc/domain-kit';

export const accountManager: Actor = { userId: 'am-1', organisationId: 'wsp-rijnmond', organisationType: 'employer-network' };
export const otherAccountManager: Actor = { userId: 'am-9', organisationId: 'werkgeversservicepunt-noord', organisationType: 'employer-network' };
export const clientManager: Actor = { userId: 'km-1', organisationId: 'gemeente-rotterdam', organisationType: 'municipality' };

export function metadataOf(commandId: string, actor: Actor = accountManager, now = '2025-06-02T10:00:00.000Z'): CommandMetadata {
  return { commandId, now, correlationId: `corr-${commandId}`, causationId: null, actor };
}

export function given<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, events: readonly E[]) {
  const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
  return {
    state,
    when: (command: C, metadata: CommandMetadata): readonly E[] | DomainError => decider.decide(command, state, metadata),
  };
}
