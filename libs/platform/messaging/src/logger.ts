// The relay and consumers report through this small seam so a service can hand in
// its own logger (pino, Nest) without this library depending on one.
export interface MessagingLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Warnings and errors to stderr; progress stays quiet unless a logger is given. */
export const defaultLogger: MessagingLogger = {
  info: () => undefined,
  warn: (message, fields) => console.warn(`[messaging] ${message}`, fields ?? ''),
  error: (message, fields) => console.error(`[messaging] ${message}`, fields ?? ''),
};

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Exponential backoff: initial · 2^(attempt−1), capped. `attempt` counts from 1. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
}
