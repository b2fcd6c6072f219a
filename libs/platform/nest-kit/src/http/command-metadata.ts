// Builds the command metadata from an HTTP request: who (from the token), when,
// correlation and W3C trace context: the request's (or consumed event's) span from the
// trace context the logging middleware keeps, so commands and log lines share it.
import { randomUUID } from 'node:crypto';
import { uuidV5, type Actor, type CommandMetadata } from '@wcc/domain-kit';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import { actorOf, type AuthenticatedUser } from '../auth/authenticated-user';
import { childTraceOf, currentTrace } from '../logging/trace-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A child span of the incoming trace, or a new trace when none came in. */
export function continueTrace(incoming: string | undefined): { traceparent: string } {
  return { traceparent: childTraceOf(incoming).traceparent };
}

export function commandMetadataFrom(request: { headers: Record<string, string | string[] | undefined> }, user: AuthenticatedUser, now: Date = new Date()): CommandMetadata {
  const idempotencyKey = header(request.headers, 'idempotency-key');
  const commandId = idempotencyKey && UUID.test(idempotencyKey) ? idempotencyKey.toLowerCase() : randomUUID();
  const correlation = header(request.headers, 'x-correlation-id');
  return {
    commandId,
    now: now.toISOString(),
    correlationId: correlation && correlation.length <= 100 ? correlation : commandId,
    causationId: null,
    actor: actorOf(user),
    // Inside a request the middleware has already continued the trace: use that span,
    // so the command's trace is the one on the request's log lines.
    trace: { traceparent: currentTrace()?.traceparent ?? continueTrace(header(request.headers, 'traceparent')).traceparent },
  };
}

/**
 * Command metadata for a command a consumer issues on receiving another context's
 * event: the command id derives from the CloudEvent id (a redelivery issues the same
 * command), the event is the cause, and its trace continues.
 */
export function commandMetadataFromEvent(event: ReceivedIntegrationEvent, actor: Actor, purpose: string): CommandMetadata {
  const ce = event.cloudEvent;
  return {
    commandId: uuidV5(`${ce.id}:${purpose}`),
    now: ce.time ?? new Date().toISOString(),
    correlationId: ce.correlationid ?? ce.id,
    causationId: ce.id,
    actor,
    trace: { traceparent: traceOfHandling(ce.id) ?? continueTrace(ce.traceparent).traceparent },
  };
}

/** The span MessagingModule opened for handling this very event, if we are inside it. */
function traceOfHandling(eventId: string): string | undefined {
  const trace = currentTrace();
  return trace?.eventId === eventId ? trace.traceparent : undefined;
}
