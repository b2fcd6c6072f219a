// The demo data set of `npm start`, loaded into a fresh chain of service processes
// through the public HTTP APIs, twice: the first run loads all 30 clients, the second
// must neither fail nor duplicate anything. Guards the loader against the services'
// rules moving under it (npm start would otherwise be the only place it runs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callJson, startServiceProcess, testNamespace, type ServiceProcess } from '@wcc/testing';
import { demoUsers, loadDemoData, organisations, tokenFor, type DemoLoadResult, type DemoServiceName } from './index';

const SERVICES: readonly DemoServiceName[] = ['municipality', 'care-provider', 'employer-network', 'insurer', 'case-view', 'exchange-log'];

const ns = testNamespace();
const running = new Map<DemoServiceName, ServiceProcess>();
const url = (service: DemoServiceName) => running.get(service)!.baseUrl;

beforeAll(async () => {
  const started = await Promise.allSettled(SERVICES.map((service) => startServiceProcess({ service, namespace: ns, startTimeoutMs: 240_000 })));
  started.forEach((result, i) => {
    if (result.status === 'fulfilled') running.set(SERVICES[i]!, result.value);
  });
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}, 300_000);

afterAll(async () => {
  await Promise.all([...running.values()].map((service) => service.stop()));
});

async function get(service: DemoServiceName, path: string, token: string): Promise<Record<string, unknown>> {
  const answer = await callJson(url(service), 'GET', path, { token });
  if (answer.status !== 200) throw new Error(`${service} GET ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

describe('the demo data set of npm start', () => {
  it('loads 30 clients through the HTTP APIs, and a second run fails nothing and duplicates nothing', async () => {
    const urls = Object.fromEntries(SERVICES.map((s) => [s, url(s)])) as Record<DemoServiceName, string>;
    const first: DemoLoadResult = await loadDemoData({ urls });
    expect(first.failed).toEqual([]);
    expect(first.loaded).toBe(30);
    expect(first.showcase?.visibleInCaseView).toBe(true);

    const second = await loadDemoData({ urls });
    expect(second.failed).toEqual([]);
    expect(second.showcase?.caseId).toBe(first.showcase?.caseId);

    const amsterdam = await tokenFor(demoUsers.amsterdamClientManager);
    const rotterdam = await tokenFor(demoUsers.rotterdamClientManager);
    const wspAmsterdam = await tokenFor(demoUsers.wspAmsterdamAccountManager);
    const casesOf = async (token: string) => ((await get('municipality', '/cases', token))['cases'] as unknown[]).length;
    expect(await casesOf(amsterdam)).toBe(first.plan.clients.filter((c) => c.municipalityId === organisations.amsterdam).length);
    expect(await casesOf(rotterdam)).toBe(first.plan.clients.filter((c) => c.municipalityId === organisations.rotterdam).length);
    expect(await get('employer-network', '/employers', wspAmsterdam)).toHaveLength(first.plan.employers.filter((e) => e.networkId === organisations.wspAmsterdam).length);

    // Placements as planned (the matching list counts each case's jobs): none more after the second run.
    const planned = first.plan.clients
      .filter((c) => c.employerNetwork.organisationId === organisations.wspAmsterdam)
      .flatMap((c) => c.steps.filter((s) => s.kind === 'start-placement')).length;
    const matchings = (await get('employer-network', '/matchings', wspAmsterdam)) as unknown as { placements: number }[];
    expect(matchings.reduce((sum, m) => sum + m.placements, 0)).toBe(planned);
    expect(planned).toBeGreaterThanOrEqual(5);

    // The showcase in the shared view: the whole trajectory, the municipality seeing the care provider's reports on consent.
    const view = (await get('case-view', `/cases/${first.showcase!.caseId}`, amsterdam))['summary'] as {
      placements: unknown[];
      screeningAdvice: { advisedRoute: string } | null;
      funding: { status: string };
      reviews: unknown[];
      actions: unknown[];
      benefit: { status: string } | null;
      ending: { kind: string } | null;
    };
    expect(view.placements).toHaveLength(2);
    expect(view.screeningAdvice?.advisedRoute).toBe('ips');
    expect(['granted', 'claimed', 'settled']).toContain(view.funding.status);
    expect(view.reviews).toHaveLength(1);
    expect(view.actions).toHaveLength(1);
    expect(view.benefit?.status).toBe('ended');
    expect(view.ending?.kind).toBe('closed');

    const employerView = (await get('case-view', `/cases/${first.showcase!.caseId}`, wspAmsterdam))['summary'] as { screeningAdvice: unknown; zrm: unknown };
    expect(employerView.screeningAdvice).toBeNull();
    expect(employerView.zrm).toBeNull();
  }, 900_000);
});
