// Funded clients who reached work: granted funding (insurer's own events) joined with
// the employer network's PlacementStarted/PlacementEnded consumed from Kafka.
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  careFundingRequestedV1,
  clientLeftWorkV1,
  clientStartedWorkV1,
  employerNetworkToInsurerTopic,
  placementEndedV1,
  placementStartedV1,
  type CareFundingRequestedV1,
  type PlacementStartedV1,
} from '@wcc/contracts';
import { readTopicsToEnd, testKafka, testNamespace, useTestDatabase } from '@wcc/testing';
import { connectedProducer, contractManager, produceCloudEvent, startInsurerApp, tokenFor, waitFor } from '../testing/insurer-test-kit';

const db = useTestDatabase();
const ns = testNamespace();
const CARE_PROVIDER_SOURCE = 'urn:nld:oin:ggz-delfland:systeem:care-provider';
const EMPLOYER_NETWORK_SOURCE = 'urn:nld:oin:wsp-rijnmond:systeem:employer-network';

let app: NestExpressApplication;
let baseUrl: string;
let producer: Producer;

interface Client {
  readonly caseId: string;
  readonly clientKey: string;
}

const newClient = (): Client => ({ caseId: randomUUID(), clientKey: `ck_${randomUUID().replace(/-/g, '').slice(0, 16)}` });

async function get(path: string, token?: string) {
  const response = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function funded(client: Client, insurerId: string, decide: 'grant' | 'none'): Promise<void> {
  const request: CareFundingRequestedV1 = {
    ...client,
    occurredAt: '2025-03-20T09:30:00Z',
    fundingRequestId: randomUUID(),
    organisationId: 'ggz-delfland',
    insurerId,
    instrument: 'ips-intake',
    requestedUnits: 8,
    requestedAmountCents: 73_600,
    periodFrom: '2025-04-01',
    periodTo: '2025-09-30',
  };
  await produceCloudEvent(producer, ns, careFundingRequestedV1, request, CARE_PROVIDER_SOURCE);
  const token = await tokenFor(contractManager(insurerId));
  await waitFor('the funding request', async () => ((await get(`/care-fundings/${request.fundingRequestId}`, token)).status === 200 ? true : undefined));
  if (decide === 'none') return;
  const response = await fetch(`${baseUrl}/care-fundings/${request.fundingRequestId}/grant`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ grantedUnits: 8, periodFrom: '2025-04-01', periodTo: '2025-09-30' }),
  });
  expect(response.status).toBe(201);
}

/** A placement as the employer network's relay publishes it: the full event (chain and municipality) and the insurer's copy. */
async function placed(client: Client, startDate: string): Promise<string> {
  const started: PlacementStartedV1 = { ...placementStartedV1.example, ...client, placementId: randomUUID(), startDate, occurredAt: `${startDate}T09:00:00Z` };
  await produceCloudEvent(producer, ns, placementStartedV1, started, EMPLOYER_NETWORK_SOURCE);
  const { caseId, clientKey, occurredAt, organisationId, placementId } = started;
  await produceCloudEvent(producer, ns, clientStartedWorkV1, { caseId, clientKey, occurredAt, organisationId, placementId, startDate }, EMPLOYER_NETWORK_SOURCE);
  return started.placementId;
}

async function ended(client: Client, placementId: string, endDate: string): Promise<void> {
  const occurredAt = `${endDate}T16:00:00Z`;
  await produceCloudEvent(producer, ns, placementEndedV1, { ...placementEndedV1.example, ...client, placementId, endDate, occurredAt }, EMPLOYER_NETWORK_SOURCE);
  await produceCloudEvent(producer, ns, clientLeftWorkV1, { ...clientLeftWorkV1.example, ...client, placementId, endDate, occurredAt }, EMPLOYER_NETWORK_SOURCE);
}

beforeAll(async () => {
  ({ app, baseUrl } = await startInsurerApp(db, ns));
  producer = await connectedProducer();
});

afterAll(async () => {
  await producer?.disconnect();
  await app?.close();
});

describe('GET /funded-clients', () => {
  it("counts and lists my insurer's funded clients who reached work, with first placement date and current status", async () => {
    const working = newClient();
    const jobLost = newClient();
    const notYet = newClient();
    const onlyRequested = newClient();
    const otherInsurers = newClient();
    await funded(working, 'achmea', 'grant');
    await funded(jobLost, 'achmea', 'grant');
    await funded(notYet, 'achmea', 'grant');
    await funded(onlyRequested, 'achmea', 'none');
    await funded(otherInsurers, 'cz', 'grant');

    await placed(working, '2025-06-02');
    await placed(working, '2025-08-01');
    const lost = await placed(jobLost, '2025-05-01');
    await ended(jobLost, lost, '2025-07-31');
    await placed(onlyRequested, '2025-05-15');
    await placed(otherInsurers, '2025-05-20');

    const achmea = await tokenFor(contractManager('achmea'));
    const view = await waitFor('the funded-clients view to settle', async () => {
      const { body } = await get('/funded-clients', achmea);
      const clients = body['clients'] as { clientKey: string; status: string; placements: number }[];
      // Every placement sent has arrived: the job loss, and the working client's second job.
      const ready =
        body['fundedClients'] === 3 &&
        clients.find((c) => c.clientKey === jobLost.clientKey)?.status === 'work-ended' &&
        clients.find((c) => c.clientKey === working.clientKey)?.placements === 2 &&
        body['currentlyWorking'] === 1;
      return ready ? body : undefined;
    });
    expect(view).toMatchObject({ fundedClients: 3, reachedWork: 2, currentlyWorking: 1 });
    const byKey = new Map((view['clients'] as { clientKey: string }[]).map((c) => [c.clientKey, c]));
    expect(byKey.get(working.clientKey)).toMatchObject({ reachedWork: true, firstPlacementOn: '2025-06-02', placements: 2, status: 'working', grantedAmountCents: 73_600, caseIds: [working.caseId] });
    expect(byKey.get(jobLost.clientKey)).toMatchObject({ reachedWork: true, firstPlacementOn: '2025-05-01', status: 'work-ended' });
    expect(byKey.get(notYet.clientKey)).toMatchObject({ reachedWork: false, firstPlacementOn: null, status: 'not-in-work' });
    expect(byKey.has(onlyRequested.clientKey)).toBe(false);
    expect(byKey.has(otherInsurers.clientKey)).toBe(false);

    const reached = await get('/funded-clients?reachedWork=true', achmea);
    expect((reached.body['clients'] as { clientKey: string }[]).map((c) => c.clientKey).sort()).toEqual([working.clientKey, jobLost.clientKey].sort());
    expect(reached.body['fundedClients']).toBe(3);

    // The last placement published: its consumer may still be on it.
    const czToken = await tokenFor(contractManager('cz'));
    const cz = await waitFor('the other insurer’s client in work', async () => {
      const answer = await get('/funded-clients', czToken);
      return answer.body['reachedWork'] === 1 ? answer : undefined;
    });
    expect(cz.body).toMatchObject({ fundedClients: 1, reachedWork: 1, clients: [{ clientKey: otherInsurers.clientKey }] });
  });

  it('keeps of a placement only that it started and ended: no employer, role, hours or wage', async () => {
    const { rows } = await db.pool.query<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'insurer_client_placements' order by column_name`);
    expect(rows.map((r) => r.column_name)).toEqual(['case_id', 'client_key', 'ended_on', 'placement_id', 'started_on', 'updated_at']);
    const { rows: stored } = await db.pool.query('select * from insurer_client_placements');
    expect(JSON.stringify(stored)).not.toContain(placementStartedV1.example.employerName);
    // Nor does it ever receive them: its topic carries the start and end dates only.
    const onItsTopic = await readTopicsToEnd(testKafka('insurer-placements-reader'), [ns.topic(employerNetworkToInsurerTopic)], { timeoutMs: 30_000 });
    expect(onItsTopic.messages.length).toBeGreaterThan(0);
    expect(new Set(onItsTopic.messages.map((m) => m.headers['ce_type']))).toEqual(new Set([clientStartedWorkV1.type, clientLeftWorkV1.type]));
    for (const forbidden of [placementStartedV1.example.employerName, placementStartedV1.example.role, 'grossHourlyWageCents', 'reason']) {
      expect(onItsTopic.messages.map((m) => m.value).join('\n')).not.toContain(forbidden);
    }
  });

  it('answers 400 for a bad filter, 401 without a token and 403 to other organisations', async () => {
    const achmea = await tokenFor(contractManager('achmea'));
    expect(await get('/funded-clients?reachedWork=maybe', achmea)).toMatchObject({ status: 400, body: { errors: [{ field: 'reachedWork' }] } });
    expect((await get('/funded-clients')).status).toBe(401);
    const employer = await tokenFor({ userId: 'am-1', organisationId: 'wsp-rijnmond', organisationType: 'employer-network', roles: ['account-manager'] });
    expect((await get('/funded-clients', employer)).status).toBe(403);
  });
});
