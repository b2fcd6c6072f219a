// The emmett decider shape: decide(command, state) -> events | DomainError and
// evolve(state, event) -> state, both pure. One decider per stream type.
import type { CommandMetadata } from './metadata';

export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** A refused command, as a value. Adapters map it to problem+json or a dead letter. */
export interface DomainError {
  readonly kind: 'domain-error';
  /** Stable, machine-readable: 'referral-already-answered', 'regie-owner-exists', … */
  readonly code: string;
  /** A sentence a case worker understands. */
  readonly message: string;
  /** not-found: the stream does not exist; conflict: the transition is impossible; invalid: bad input. */
  readonly category: 'not-found' | 'conflict' | 'invalid' | 'forbidden';
  /** The input field at fault, when one is. */
  readonly field?: string;
}

export function domainError(category: DomainError['category'], code: string, message: string, field?: string): DomainError {
  return field === undefined ? { kind: 'domain-error', category, code, message } : { kind: 'domain-error', category, code, message, field };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'domain-error';
}

export interface Decider<C extends Command, E extends DomainEvent, S> {
  /** The stream type, the first part of its stream ids: `<streamType>-<id>`. */
  readonly streamType: string;
  initialState(): S;
  decide(command: C, state: S, metadata: CommandMetadata): readonly E[] | DomainError;
  evolve(state: S, event: E): S;
}

export function streamId(streamType: string, id: string): string {
  return `${streamType}-${id}`;
}

/** Exhaustiveness guard for `switch` statements on discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
