// W3C trace context (traceparent) as the Logboek Dataverwerkingen uses it: the trace
// id (16 bytes) ties a record to the command that caused the disclosure, the span id
// (8 bytes) names one operation. Ids the log makes itself are derived from a stable
// key, so the same disclosure always gets the same span.
import { createHash } from 'node:crypto';

export interface TraceContext {
  /** 32 lower-case hex digits (16 bytes). */
  readonly traceId: string;
  /** 16 lower-case hex digits (8 bytes): the span of the operation that sent the traceparent. */
  readonly spanId: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** Parses a version-00 traceparent; undefined when absent, malformed or all-zero. */
export function parseTraceparent(traceparent: string | undefined): TraceContext | undefined {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  if (!match || match[1] === 'ff') return undefined;
  const traceId = match[2]!;
  const spanId = match[3]!;
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return undefined;
  return { traceId, spanId };
}

function hexDigest(text: string, bytes: number): string {
  return createHash('sha256').update(text, 'utf8').digest().subarray(0, bytes).toString('hex');
}

/** An 8-byte span id derived from a stable key. */
export function derivedSpanId(key: string): string {
  return hexDigest(`span|${key}`, 8);
}

/** A 16-byte trace id for a disclosure whose cause carried no trace context. */
export function derivedTraceId(key: string): string {
  return hexDigest(`trace|${key}`, 16);
}
