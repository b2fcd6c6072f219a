// Per request: continue (or start) the W3C trace from `traceparent`, keep it as the
// trace context for everything the request does, and write one line when the
// response is done: method, path, status, duration. Never the body, the query string
// or headers: they may hold a BSN or a token.
import type { NextFunction, Request, Response } from 'express';
import { childTraceOf, runWithTrace } from './trace-context';
import type { ServiceLogger } from './service-logger';

/** First middleware: opens the request's trace context and logs the request when it ends. */
export function requestTracing(logger: ServiceLogger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const incoming = request.headers['traceparent'];
    const trace = childTraceOf(Array.isArray(incoming) ? incoming[0] : incoming);
    // Callers (and tests) can find this request's lines by the trace id.
    response.setHeader('traceparent', trace.traceparent);
    const started = process.hrtime.bigint();
    response.once('close', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      runWithTrace(trace, () =>
        logger.info(
          {
            method: request.method,
            path: request.originalUrl.split('?')[0],
            status: response.statusCode,
            duration_ms: Math.round(durationMs * 10) / 10,
            ...(response.writableFinished ? {} : { aborted: true }),
          },
          'request completed',
        ),
      );
    });
    runWithTrace(trace, next);
  };
}
