// The withdrawal guarantee, across real processes over the real broker: once the
// municipality has answered a consent withdrawal (publishedToChain: true), the very next
// read of the shared case view — no waiting, no retry — shows nothing the consent
// covered. Granted, seen, withdrawn, read at once: a hundred times on one case.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signDevelopmentToken } from '@wcc/nest-kit';
import { callJson, eventually, generateBsn, inDays, printServiceOutput, startServiceProcesses, testNamespace, type JsonResponse, type ServiceProcess } from '@wcc/testing';

const MUNICIPALITY = 'gemeente-utrecht';
const CARE_PROVIDER = 'ggz-altrecht';
const ROUNDS = 100;

const ns = testNamespace();
let municipality: ServiceProcess;
let caseView: ServiceProcess;
let clientManager: string;
let screener: string;

function ok(response: JsonResponse, what: string): Record<string, unknown> {
  if (response.status !== 200 && response.status !== 201) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const post = (path: string, body: unknown) => callJson(municipality.baseUrl, 'POST', path, { token: clientManager, body });
const timelineNames = async (caseId: string): Promise<string[]> => {
  const timeline = ok(await callJson(caseView.baseUrl, 'GET', `/cases/${caseId}/timeline?limit=200`, { token: screener }), 'read the timeline');
  return (timeline['items'] as { name: string }[]).map((i) => i.name);
};
const percentile = (values: readonly number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

beforeAll(async () => {
  [municipality, caseView] = (await startServiceProcesses([
    { service: 'municipality', namespace: ns },
    { service: 'case-view', namespace: ns },
  ])) as [ServiceProcess, ServiceProcess];
  clientManager = await signDevelopmentToken({ userId: 'klantmanager-12', organisationId: MUNICIPALITY, organisationType: 'municipality', roles: ['client-manager'] });
  screener = await signDevelopmentToken({ userId: 'screener-3', organisationId: CARE_PROVIDER, organisationType: 'care-provider', roles: ['screener'] });
}, 300_000);

beforeEach(({ onTestFailed }) => {
  onTestFailed(() => printServiceOutput([municipality, caseView]));
});

afterAll(async () => {
  await Promise.all([municipality?.stop(), caseView?.stop()]);
});

describe('consent withdrawal takes effect before its answer', () => {
  it(`shows nothing the withdrawn consent covered on the first read after the answer, ${ROUNDS} times`, async () => {
    const clientKey = ok(
      await post('/clients', { bsn: generateBsn(), birthYear: 1991, sex: 'male', education: 'low', benefitType: 'wwb', benefitMonthlyAmountCents: 112_000, housing: 'independent' }),
      'register',
    )['clientKey'] as string;
    const caseId = ok(await post('/cases', { clientKey }), 'open the case')['caseId'] as string;
    // A standing consent that lets the care provider in on the case (the referral), not its work data.
    ok(
      await post(`/cases/${caseId}/consents`, { purpose: 'chain-coordination', organisationTypes: ['care-provider'], dataCategories: ['administrative', 'identifying'], validFrom: inDays(-1) }),
      'standing consent',
    );
    ok(
      await post(`/cases/${caseId}/referrals`, {
        toOrganisationId: CARE_PROVIDER,
        toOrganisationType: 'care-provider',
        route: 'ggz-screening',
        reason: 'Screening gevraagd.',
        replyDeadline: inDays(14),
      }),
      'refer',
    );
    ok(
      await post(`/cases/${caseId}/measurements`, {
        moment: 'baseline',
        measuredOn: inDays(0),
        ladderRung: 3,
        growthPotential: true,
        // As a client of the HTTP API writes it: the 11 ZRM domains.
        zrm: Object.fromEntries(
          [
            'finances',
            'daytime-activities',
            'housing',
            'domestic-relations',
            'mental-health',
            'physical-health',
            'addiction',
            'daily-living-skills',
            'social-network',
            'community-participation',
            'justice',
          ].map((d) => [d, 3]),
        ),
      }),
      'measure the ladder',
    );
    // The ladder is work data: the care provider sees it only while a consent names it for work.
    await eventually(async () => ((await timelineNames(caseId)).includes('ClientReferred') ? true : undefined), 'the referral in the case view', 60_000);
    expect(await timelineNames(caseId)).not.toContain('ParticipationMeasured');

    const answered: number[] = [];
    const firstRead: number[] = [];
    let shownAfterAnswer = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const consentId = ok(
        await post(`/cases/${caseId}/consents`, {
          purpose: 'chain-coordination',
          organisationTypes: ['care-provider'],
          dataCategories: ['work'],
          recipients: [{ organisationId: CARE_PROVIDER, organisationType: 'care-provider' }],
          validFrom: inDays(-1),
        }),
        `grant consent ${round}`,
      )['consentId'] as string;
      await eventually(async () => ((await timelineNames(caseId)).includes('ParticipationMeasured') ? true : undefined), `round ${round}: the ladder shown by consent`, 30_000, 20);

      const started = performance.now();
      const withdrawn = ok(await post(`/cases/${caseId}/consents/${consentId}/withdraw`, {}), `withdraw consent ${round}`);
      answered.push(performance.now() - started);
      expect(withdrawn['publishedToChain'], `round ${round}: the withdrawal reached the broker before the answer`).toBe(true);

      const readStarted = performance.now();
      const names = await timelineNames(caseId);
      firstRead.push(performance.now() - readStarted);
      if (names.includes('ParticipationMeasured')) shownAfterAnswer += 1;
      const summary = ok(await callJson(caseView.baseUrl, 'GET', `/cases/${caseId}`, { token: screener }), 'read the summary')['summary'] as { ladder: unknown };
      expect(summary.ladder, `round ${round}: the summary's ladder after the withdrawal`).toBeNull();
    }
    console.log(
      `[consent withdrawal] ${ROUNDS} rounds: withdrawal answered p50 ${percentile(answered, 50).toFixed(0)} ms, p95 ${percentile(answered, 95).toFixed(0)} ms, max ${Math.max(...answered).toFixed(0)} ms; ` +
        `first read after it p50 ${percentile(firstRead, 50).toFixed(0)} ms, p95 ${percentile(firstRead, 95).toFixed(0)} ms; withdrawn items shown on that read: ${shownAfterAnswer}`,
    );
    expect(shownAfterAnswer).toBe(0);
  }, 600_000);
});
