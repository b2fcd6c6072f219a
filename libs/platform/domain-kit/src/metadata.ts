// What every stored event carries besides its data. Time and ids come in from the
// caller (command metadata), never from inside a decider.

export type OrganisationType = 'municipality' | 'care-provider' | 'insurer' | 'employer-network' | 'chain';

export interface Actor {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: OrganisationType;
}

/** W3C trace context (https://www.w3.org/TR/trace-context/) of the command that caused an event. */
export interface TraceContext {
  readonly traceparent: string;
  readonly tracestate?: string;
}

export interface EventMetadata {
  /** Business time: when it happened in the world, which may differ from when it was stored. */
  readonly occurredAt: string;
  readonly correlationId: string;
  /** Id of the command or message that caused this event; null for a first cause. */
  readonly causationId: string | null;
  readonly actor: Actor;
  readonly trace?: TraceContext;
  /**
   * SHA-256 of the request that caused this event (actor and command, canonical JSON):
   * a retry with the same Idempotency-Key but another request is refused, not answered
   * with the first request's result.
   */
  readonly requestFingerprint?: string;
}

/** Everything a command handler needs from outside the domain, so deciders stay pure. */
export interface CommandMetadata {
  readonly commandId: string;
  readonly now: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  readonly trace?: TraceContext;
}
