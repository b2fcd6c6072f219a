// The W3C trace context of the work in hand (an HTTP request or one consumed
// CloudEvent), kept in AsyncLocalStorage so every log line and every command issued
// during that work carry the same trace and span, without passing them around.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

export interface TraceContext {
  readonly traceId: string;
  /** This service's span for the work in hand. */
  readonly spanId: string;
  /** `00-<traceId>-<spanId>-01`, what commands record and the relay passes on. */
  readonly traceparent: string;
  /** The CloudEvent id when the work is the handling of a consumed event. */
  readonly eventId?: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const storage = new AsyncLocalStorage<TraceContext>();

/** A child span of the incoming trace, or a new trace when none (or a malformed one) came in. */
export function childTraceOf(incoming: string | undefined): TraceContext {
  const match = incoming ? TRACEPARENT.exec(incoming) : null;
  const traceId = match?.[1] && !/^0+$/.test(match[1]) ? match[1] : randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

/** Runs `work` with `trace` as the current trace context (also across its awaits). */
export function runWithTrace<T>(trace: TraceContext, work: () => T): T {
  return storage.run(trace, work);
}

/** The trace context of the request or event in hand; undefined outside one. */
export function currentTrace(): TraceContext | undefined {
  return storage.getStore();
}
