// The loader talks to the services only through their public HTTP APIs, as a user of
// each organisation would. A little client: bearer token, Idempotency-Key, problem+json
// turned into readable errors, retries on transient failures, and polling.
import { setTimeout as sleep } from 'node:timers/promises';

export class ApiError extends Error {
  constructor(
    readonly service: string,
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    const problem = body as { title?: string; detail?: string; code?: string; errors?: { field: string; reason: string }[] } | undefined;
    const fields = problem?.errors?.map((e) => `${e.field}: ${e.reason}`).join('; ');
    super(`${service} ${method} ${path} → ${status}${problem?.code ? ` ${problem.code}` : ''}: ${problem?.detail ?? problem?.title ?? JSON.stringify(body)}${fields ? ` (${fields})` : ''}`);
    this.name = 'ApiError';
  }
}

export interface Answer<T> {
  readonly status: number;
  readonly body: T;
}

export class ServiceClient {
  constructor(
    readonly service: string,
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** One request; 5xx and network errors are retried a few times, everything else is returned. */
  async request<T>(method: 'GET' | 'POST', path: string, options: { body?: unknown; idempotencyKey?: string } = {}): Promise<Answer<T>> {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${this.token}`,
            accept: 'application/json',
            ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
          },
          ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await response.text();
        const body = (text ? JSON.parse(text) : {}) as T;
        if (response.status >= 500 && attempt < 4) {
          await sleep(250 * attempt);
          continue;
        }
        return { status: response.status, body };
      } catch (err) {
        if (attempt >= 4) throw new Error(`${this.service} ${method} ${path}: ${err instanceof Error ? err.message : String(err)}`);
        await sleep(250 * attempt);
      }
    }
  }

  async get<T>(path: string): Promise<T> {
    const answer = await this.request<T>('GET', path);
    if (answer.status !== 200) throw new ApiError(this.service, 'GET', path, answer.status, answer.body);
    return answer.body;
  }

  /** GET that answers undefined on 404 (not there yet). */
  async find<T>(path: string): Promise<T | undefined> {
    const answer = await this.request<T>('GET', path);
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw new ApiError(this.service, 'GET', path, answer.status, answer.body);
    return answer.body;
  }

  async post<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
    const answer = await this.request<T>('POST', path, { body, idempotencyKey });
    if (answer.status !== 200 && answer.status !== 201) throw new ApiError(this.service, 'POST', path, answer.status, answer.body);
    return answer.body;
  }
}

/** Polls until `probe` returns a value; asynchronous steps (Kafka between services) take a moment. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, intervalMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}
