// The page talks only to the portal: /api/services/<service>/<path>, with the session
// cookie the browser sends by itself. State-changing calls carry the portal header (see
// the portal's SessionGuard) and a fresh Idempotency-Key, as the services expect.
export type ServiceName = 'municipality' | 'care-provider' | 'employer-network' | 'insurer' | 'case-view' | 'exchange-log' | 'outcomes';

export interface FieldIssue {
  readonly field: string;
  readonly reason: string;
  readonly reasonNl?: string;
}

export interface Problem {
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code?: string;
  readonly errors?: readonly FieldIssue[];
}

export type Answer<T> = { readonly ok: true; readonly status: number; readonly body: T } | { readonly ok: false; readonly status: number; readonly problem: Problem };

async function call<T>(url: string, method: 'GET' | 'POST', body?: unknown): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['x-wcc-portal'] = '1';
    headers['content-type'] = 'application/json';
    headers['idempotency-key'] = crypto.randomUUID();
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', ...(method !== 'GET' ? { body: JSON.stringify(body ?? {}) } : {}) });
  } catch (err) {
    return { ok: false, status: 0, problem: { title: 'Network error', status: 0, detail: err instanceof Error ? err.message : String(err) } };
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (response.ok) return { ok: true, status: response.status, body: parsed as T };
  const problem = (parsed as Problem | undefined) ?? { title: response.statusText, status: response.status, detail: text };
  if (response.status === 401 && !url.endsWith('/api/session')) window.dispatchEvent(new Event('wcc-signed-out'));
  return { ok: false, status: response.status, problem };
}

export const serviceGet = <T>(service: ServiceName, path: string) => call<T>(`/api/services/${service}${path}`, 'GET');
export const servicePost = <T>(service: ServiceName, path: string, body: unknown = {}) => call<T>(`/api/services/${service}${path}`, 'POST', body);
export const portalGet = <T>(path: string) => call<T>(`/api${path}`, 'GET');
export const portalPost = <T>(path: string, body: unknown = {}) => call<T>(`/api${path}`, 'POST', body);

/** Today in Amsterdam (YYYY-MM-DD), plus `days`. */
export function amsterdamDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
