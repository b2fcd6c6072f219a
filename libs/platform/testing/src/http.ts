// Small helpers for tests that talk to services over HTTP (processes started with
// startServiceProcess, or in-process apps): a JSON call, polling until something holds, and dates as the services count them.
import { dateInAmsterdam } from '@wcc/domain-kit';

export interface JsonResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly contentType: string | null;
}

export interface JsonRequest {
  /** Bearer token; none when undefined. */
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One HTTP call with a JSON body (when given); the answer parsed as JSON (or {} when empty). */
export async function callJson(baseUrl: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, request: JsonRequest = {}): Promise<JsonResponse> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
      ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...request.headers,
    },
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  if (text) {
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = { text };
    }
  }
  return { status: response.status, body, contentType: response.headers.get('content-type') };
}

/** Polls `probe` until it returns something other than undefined; fails naming `what` after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000, intervalMs = 200, context: () => string = () => ''): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      const more = context();
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}${more ? `\n${more}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** `eventually` for a yes/no condition, polled every 50 ms; `context` (e.g. a service's output) is added to the timeout error. */
export async function eventuallyTrue(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000, context: () => string = () => ''): Promise<void> {
  await eventually(async () => ((await condition()) ? true : undefined), what, timeoutMs, 50, context);
}

/** The calendar date `days` from today in Amsterdam, where the services decide what "today" is (YYYY-MM-DD). */
export function inDays(days: number): string {
  const today = dateInAmsterdam();
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
