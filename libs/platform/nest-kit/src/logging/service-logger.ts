// JSON log lines (pino) for every service, the same shape everywhere:
// level, time, service, trace_id (null outside any request or consumed event),
// span_id when known, msg. The trace comes from the current trace context, so code
// that logs never passes it along.
import pino, { type DestinationStream, type Logger } from 'pino';
import { currentTrace } from './trace-context';

export type ServiceLogger = Logger;

export interface ServiceLoggerOptions {
  /** The service name, on every line. */
  readonly service: string;
  /** pino level; default LOG_LEVEL or 'info'. */
  readonly level?: string;
  /** Where lines go; default stdout. Tests hand in a stream to read them. */
  readonly destination?: DestinationStream;
}

/**
 * Fields that must never reach a log line even if someone logs a whole request or
 * command: bodies may hold a BSN, tokens are credentials.
 */
const REDACTED = ['body', '*.body', 'headers.authorization', '*.headers.authorization', 'headers.cookie', '*.headers.cookie', 'bsn', '*.bsn'];

export function createServiceLogger(options: ServiceLoggerOptions): ServiceLogger {
  const settings: pino.LoggerOptions = {
    level: options.level ?? process.env['LOG_LEVEL'] ?? 'info',
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const trace = currentTrace();
      return trace ? { trace_id: trace.traceId, span_id: trace.spanId } : { trace_id: null };
    },
    redact: { paths: REDACTED, censor: '[redacted]' },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
