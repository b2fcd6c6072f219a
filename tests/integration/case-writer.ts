// A steady writer against a running municipality process, for the tests that fault its
// database: it registers a client and opens a case, again and again, and keeps for every
// acknowledged case when its command was sent and answered. The guarantees those tests
// prove are about what was sent while the database was gone, not about how fast the
// fault happened, so the times are what they assert on.
import { randomUUID } from 'node:crypto';
import { generateBsn } from '@wcc/testing';

export interface AcknowledgedCase {
  readonly caseId: string;
  /** When the CaseOpened command was sent and when its 201 came back (ms since epoch). */
  readonly sentAt: number;
  readonly answeredAt: number;
}

export interface CaseWriter {
  /** Every case the service answered 201 for, in the order of the answers. */
  readonly acknowledged: readonly AcknowledgedCase[];
  /** Commands refused or unanswered (the writer waits 100 ms after each). */
  refused(): number;
  /** Stops after the command in flight and resolves when it has. */
  stop(): Promise<void>;
}

async function post(baseUrl: string, token: string, route: string, body: unknown): Promise<{ status: number; body: Record<string, string> } | undefined> {
  const response = await fetch(`${baseUrl}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  }).catch(() => undefined);
  return response ? { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, string> } : undefined;
}

/** `pauseMs` between cases keeps a long fault test's backlog (and its healing) bounded. */
export function startCaseWriter(baseUrl: string, token: string, options: { readonly pauseMs?: number } = {}): CaseWriter {
  const acknowledged: AcknowledgedCase[] = [];
  let refused = 0;
  let writing = true;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
  const loop = (async () => {
    while (writing) {
      const registered = await post(baseUrl, token, '/clients', {
        bsn: generateBsn(),
        name: 'Sam de Vries',
        birthYear: 1990,
        sex: 'x',
        education: 'mid',
        benefitType: 'wwb',
        benefitMonthlyAmountCents: 110_000,
        housing: 'independent',
      });
      if (registered?.status !== 201) {
        refused += 1;
        await pause();
        continue;
      }
      const sentAt = Date.now();
      const opened = await post(baseUrl, token, '/cases', { clientKey: registered.body['clientKey'] });
      if (opened?.status === 201 && opened.body['caseId']) {
        acknowledged.push({ caseId: opened.body['caseId'], sentAt, answeredAt: Date.now() });
        if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      } else {
        refused += 1;
        await pause();
      }
    }
  })();
  return {
    acknowledged,
    refused: () => refused,
    stop: async () => {
      writing = false;
      await loop;
    },
  };
}

/** GET /health's status, 0 when the process does not answer. */
export async function healthStatus(baseUrl: string): Promise<number> {
  return (await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined))?.status ?? 0;
}
