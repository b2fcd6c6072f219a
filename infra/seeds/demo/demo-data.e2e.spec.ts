// The demo data set of `npm start`, loaded into a fresh chain of service processes
// through the public HTTP APIs, twice: the first run loads all 30 clients, the second
// must neither fail nor duplicate anything. Guards the loader against the services'
// rules moving under it (npm start would otherwise be the only place it runs). Then the
// shared case view is probed over the whole data set as an outsider and as an employer
// network would: need-to-know, not only along the paths the code expects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callJson, startServiceProcess, testNamespace, type ServiceProcess } from '@wcc/testing';
import { signDevelopmentToken } from '@wcc/nest-kit';
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

let firstLoad: Promise<DemoLoadResult> | undefined;
/** The first load of the data set into this chain, whichever test asks first. */
const loadedOnce = () => (firstLoad ??= loadDemoData({ urls: Object.fromEntries(SERVICES.map((s) => [s, url(s)])) }));

describe('the demo data set of npm start', () => {
  it('loads 30 clients through the HTTP APIs, and a second run fails nothing and duplicates nothing', async () => {
    const urls = Object.fromEntries(SERVICES.map((s) => [s, url(s)])) as Record<DemoServiceName, string>;
    const first: DemoLoadResult = await loadedOnce();
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
    const planned = first.plan.clients.filter((c) => c.employerNetwork.organisationId === organisations.wspAmsterdam).flatMap((c) => c.steps.filter((s) => s.kind === 'start-placement')).length;
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

  it('shows an organisation outside a case nothing of it, and the employer network no sign of GGZ care, on every case, page and filter', async () => {
    const first = await loadedOnce();
    expect(first.failed).toEqual([]);
    const caseIds = new Set<string>();
    for (const user of [demoUsers.amsterdamClientManager, demoUsers.rotterdamClientManager]) {
      for (const c of (await get('municipality', '/cases', await tokenFor(user)))['cases'] as { caseId: string }[]) caseIds.add(c.caseId);
    }
    expect(caseIds.size).toBe(30);
    const filters = [
      '',
      'overdueReferral=true',
      'overdueReferral=false',
      'openAction=true',
      'openAction=false',
      ...['registered', 'referred', 'screening', 'advised', 'matching', 'working', 'dropped-out', 'closed'].map((p) => `phase=${p}`),
      `municipality=${organisations.amsterdam}`,
      `municipality=${organisations.rotterdam}`,
    ];
    const listAll = async (token: string, filter: string) => {
      const ids: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = (await get('case-view', `/cases?limit=100&offset=${offset}${filter ? `&${filter}` : ''}`, token))['cases'] as { caseId: string }[];
        ids.push(...page.map((c) => c.caseId));
        if (page.length < 100) return ids;
      }
    };

    // One organisation of every type that takes part in no case of the demo.
    const outsiders = [
      { userId: 'km-utrecht-01', organisationId: 'gemeente-utrecht', organisationType: 'municipality' as const, roles: ['client-manager' as const] },
      { userId: 'screener-altrecht-01', organisationId: 'ggz-altrecht', organisationType: 'care-provider' as const, roles: ['screener' as const, 'ips-worker' as const] },
      { userId: 'cm-zk-01', organisationId: 'zilveren-kruis', organisationType: 'insurer' as const, roles: ['contract-manager' as const] },
      { userId: 'am-wsp-midden-utrecht-01', organisationId: 'wsp-midden-utrecht', organisationType: 'employer-network' as const, roles: ['account-manager' as const] },
    ];
    let outsiderProbes = 0;
    for (const outsider of outsiders) {
      const token = await signDevelopmentToken(outsider);
      for (const filter of filters) {
        expect(await listAll(token, filter), `${outsider.organisationId} lists ${filter || 'all'}`).toEqual([]);
        outsiderProbes += 1;
      }
      for (const caseId of caseIds) {
        for (const path of [`/cases/${caseId}`, `/cases/${caseId}/timeline`, `/cases/${caseId}/timeline?limit=1&offset=3`]) {
          const answer = await callJson(url('case-view'), 'GET', path, { token });
          expect(answer.status, `${outsider.organisationId} GET ${path}`).toBe(404);
          outsiderProbes += 1;
        }
      }
    }

    // The employer networks of the demo: what they see reveals no GGZ involvement.
    const careSigns: string[] = [];
    let itemsSeen = 0;
    let casesSeen = 0;
    for (const user of [demoUsers.wspAmsterdamAccountManager, demoUsers.wspRijnmondAccountManager]) {
      const token = await tokenFor(user);
      const mine = new Set(await listAll(token, ''));
      for (const filter of filters.slice(1)) for (const id of await listAll(token, filter)) expect(mine.has(id), `${filter} lists no case outside the full list`).toBe(true);
      for (const caseId of caseIds) {
        const summary = await callJson(url('case-view'), 'GET', `/cases/${caseId}`, { token });
        if (!mine.has(caseId)) {
          // Not its case (not referred to it, or another network's): not there at all.
          expect(summary.status, `${user.organisationId} on a case it has no part in`).toBe(404);
          continue;
        }
        casesSeen += 1;
        const s = summary.body['summary'] as Record<string, unknown>;
        if (s['screeningAdvice'] !== null) careSigns.push(`${caseId}: summary.screeningAdvice`);
        if (s['inTreatment'] !== null) careSigns.push(`${caseId}: summary.inTreatment`);
        if ((s['funding'] as { status: string }).status !== 'none') careSigns.push(`${caseId}: summary.funding`);
        for (let offset = 0; ; offset += 200) {
          const page = (await get('case-view', `/cases/${caseId}/timeline?limit=200&offset=${offset}`, token))['items'] as {
            name: string;
            organisation: { type: string };
            data: Record<string, unknown>;
            categoriesShown: string[];
          }[];
          for (const item of page) {
            itemsSeen += 1;
            const where = `${caseId} ${item.organisation.type}:${item.name}`;
            if (item.organisation.type === 'care-provider' || item.organisation.type === 'insurer') careSigns.push(where);
            if (item.name === 'ClientReferred' && item.data['toOrganisationType'] !== 'employer-network') careSigns.push(`${where} to ${String(item.data['toOrganisationType'])}`);
            if (item.name === 'ConsentGranted' || item.name === 'ConsentWithdrawn') if (JSON.stringify(item.data).includes('care-provider')) careSigns.push(`${where} names care providers`);
            if (/Review|Action/.test(item.name) && JSON.stringify(item.data).includes('care-provider')) careSigns.push(`${where} with a care provider`);
            if (item.categoriesShown.includes('care-summary')) careSigns.push(`${where} shows care-summary fields`);
          }
          if (page.length < 200) break;
        }
      }
    }
    console.log(
      `[need-to-know] ${outsiders.length} outsiders × (${filters.length} list filters + ${caseIds.size} cases × 3 reads) = ${outsiderProbes} probes, all empty or 404; employer networks read ${casesSeen} cases, ${itemsSeen} timeline items: ${careSigns.length} sign(s) of care`,
    );
    expect(casesSeen).toBeGreaterThan(0);
    expect(careSigns).toEqual([]);
  }, 900_000);
});
