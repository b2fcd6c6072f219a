// One whole trajectory across the running chain: every service as its own Node process
// (its own database, the real broker, one topic namespace), driven only over HTTP as
// the users of each organisation would. After each step the shared case view is read as
// a municipality, a care, an employer and an insurer user — each must see exactly what
// it may — and the exchange log (as the chain auditor) must have protocolled the
// crossing. The time from a command's answer to its effect in the case view is measured
// and printed as a table (p50/p95). Then, on the same running chain, a poison message on
// every topic any service consumes: each consuming group dead-letters it with its reason
// and goes on with the next message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevelopmentToken, type Role } from '@wcc/nest-kit';
import type { OrganisationType } from '@wcc/domain-kit';
import { randomUUID } from 'node:crypto';
import { consumedTopicsFor, consumedTopicsOf, deadLetterTopicOf, integrationEvents, type IntegrationEventDefinition } from '@wcc/contracts';
import { encodeCloudEvent } from '@wcc/messaging';
import { readTopicsToEnd } from '@wcc/runtime';
import { connectedTestProducer } from '@wcc/service-testing';
import {
  bsnLikeNumbersIn,
  callJson,
  eventually,
  generateBsn,
  inDays,
  reportFault,
  startServiceProcess,
  testKafka,
  testNamespace,
  testOrganisations,
  type JsonResponse,
  type ServiceProcess,
} from '@wcc/testing';

const SERVICES = ['municipality', 'care-provider', 'employer-network', 'insurer', 'case-view', 'exchange-log', 'outcomes'] as const;
type ServiceName = (typeof SERVICES)[number];

const MUNICIPALITY = 'gemeente-amsterdam';
const CARE_PROVIDER = 'ggz-vip-amsterdam';
const EMPLOYER_NETWORK = 'wsp-amsterdam';
const INSURER = 'achmea';
const DIAGNOSIS = 'F20.0';
const CLINICAL_NOTE = 'Eerste psychose, stemmen horen sinds de zomer; antipsychotica gestart.';
const VISIBLE_WITHIN_MS = 30_000;

const ns = testNamespace();
const running = new Map<ServiceName, ServiceProcess>();
const url = (service: ServiceName) => running.get(service)!.baseUrl;

type Token = string;
const tokens = {} as Record<'municipality' | 'care' | 'employer' | 'insurer' | 'auditor', Token>;
const token = (userId: string, organisationId: string, organisationType: OrganisationType, roles: Role[]) => signDevelopmentToken({ userId, organisationId, organisationType, roles });

/** Today in Amsterdam, as the services count it. */
const today = inDays(0);

let commandsSent = 0;
/** A command: POST with an Idempotency-Key; anything but 200/201 fails the test with the problem+json. */
async function command(service: ServiceName, path: string, as: Token, body: unknown = {}): Promise<Record<string, unknown>> {
  const answer = await callJson(url(service), 'POST', path, { token: as, body, headers: { 'idempotency-key': crypto.randomUUID() } });
  commandsSent++;
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`${service} POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function read(service: ServiceName, path: string, as: Token): Promise<JsonResponse> {
  return callJson(url(service), 'GET', path, { token: as });
}

// ---------------------------------------------------------------------------------
// The case view as each organisation sees it

interface Summary {
  clientKey: string | null;
  phase: string | null;
  referrals: { referralId: string; toOrganisationId: string | null; route: string | null; status: string }[];
  screeningAdvice: { advisedRoute: string | null } | null;
  zrm: unknown;
  ladder: unknown;
  ips: unknown;
  matching: { status: string | null } | null;
  placements: { placementId: string; sequence: number | null; status: string; lastReviewMonth: number | null; endReason: string | null }[];
  funding: { status: string; requests: { fundingRequestId: string; decision: string }[] };
  benefit: { status: string; endReasonCode: string | null } | null;
  ending: { kind: string; reasonCode: string | null } | null;
  consents: { consentId: string; status: string }[];
  reviews: { reviewId: string; status: string; decisionCount: number | null }[];
  actions: { actionId: string; ownerOrganisationId: string | null; status: string }[];
}

interface CaseViewAnswer {
  status: number;
  summary?: Summary;
  raw: string;
}

async function caseView(caseId: string, as: Token, asRole?: string): Promise<CaseViewAnswer> {
  const answer = await read('case-view', `/cases/${caseId}${asRole ? `?asRole=${asRole}` : ''}`, as);
  return { status: answer.status, ...(answer.status === 200 ? { summary: answer.body['summary'] as Summary } : {}), raw: JSON.stringify(answer.body) };
}

// ---------------------------------------------------------------------------------
// Latency: command answered → effect visible in the case view (as the municipality)

const latencies: { step: string; ms: number }[] = [];

/** Runs the step's commands, then polls the case view as the municipality until `visible` holds; records the time from the last command's answer. */
async function step(name: string, run: () => Promise<void>, caseId: () => string, visible: (s: Summary) => boolean): Promise<Summary> {
  await run();
  const answered = performance.now();
  const summary = await eventually(
    async () => {
      const view = await caseView(caseId(), tokens.municipality);
      return view.summary && visible(view.summary) ? view.summary : undefined;
    },
    `${name} to show in the case view`,
    VISIBLE_WITHIN_MS,
    25,
  );
  latencies.push({ step: name, ms: performance.now() - answered });
  return summary;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

function latencyTable(): string {
  const rows = latencies.map((l) => `| ${l.step.padEnd(34)} | ${l.ms.toFixed(0).padStart(8)} |`);
  const sorted = latencies.map((l) => l.ms).sort((a, b) => a - b);
  return [
    'command → visible in case view (as the municipality)',
    `| ${'step'.padEnd(34)} | ${'ms'.padStart(8)} |`,
    `| ${'-'.repeat(34)} | ${'-'.repeat(8)} |`,
    ...rows,
    `| ${'p50'.padEnd(34)} | ${percentile(sorted, 50).toFixed(0).padStart(8)} |`,
    `| ${'p95'.padEnd(34)} | ${percentile(sorted, 95).toFixed(0).padStart(8)} |`,
    `| ${'max'.padEnd(34)} | ${sorted.at(-1)!.toFixed(0).padStart(8)} |`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------
// The exchange log, as the chain auditor

interface DisclosureRecord {
  name: string;
  recipient_organisation_id: string;
  disclosure_kind: string;
  status_code: string;
}

async function disclosuresOf(clientKey: string): Promise<{ records: DisclosureRecord[]; raw: string }> {
  const answer = await read('exchange-log', `/disclosures?dataSubject=${encodeURIComponent(clientKey)}&limit=500`, tokens.auditor);
  expect(answer.status).toBe(200);
  return { records: answer.body['records'] as DisclosureRecord[], raw: JSON.stringify(answer.body) };
}

/** Waits until the exchange log holds at least `count` records named `name` to `recipient`. */
async function protocolled(clientKey: string, name: string, recipient: string, count = 1): Promise<DisclosureRecord[]> {
  return eventually(
    async () => {
      const { records } = await disclosuresOf(clientKey);
      return records.filter((r) => r.name === name && r.recipient_organisation_id === recipient).length >= count ? records : undefined;
    },
    `'${name}' to ${recipient} in the exchange log`,
    VISIBLE_WITHIN_MS,
  );
}

// ---------------------------------------------------------------------------------

beforeAll(async () => {
  const started = await Promise.allSettled(SERVICES.map((service) => startServiceProcess({ service, namespace: ns, startTimeoutMs: 240_000 })));
  started.forEach((result, i) => {
    if (result.status === 'fulfilled') running.set(SERVICES[i]!, result.value);
  });
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  tokens.municipality = await token('km-e2e-01', MUNICIPALITY, 'municipality', ['client-manager']);
  tokens.care = await token('screener-e2e-01', CARE_PROVIDER, 'care-provider', ['screener', 'ips-worker']);
  tokens.employer = await token('am-e2e-01', EMPLOYER_NETWORK, 'employer-network', ['account-manager']);
  tokens.insurer = await token('cm-e2e-01', INSURER, 'insurer', ['contract-manager']);
  tokens.auditor = await token('auditor-e2e-01', 'keten-werk-en-zorg', 'chain', ['auditor']);
}, 300_000);

afterAll(async () => {
  await Promise.all([...running.values()].map((service) => service.stop()));
});

describe('one trajectory across the whole chain, as processes over HTTP and Kafka', () => {
  it('runs from registration to a closed case, each organisation seeing exactly what it may, every crossing protocolled', async () => {
    const bsn = generateBsn();
    let clientKey = '';
    let caseId = '';
    const id = () => caseId;

    // What every organisation may never see, whatever the step.
    const invariants = async (stepName: string) => {
      const care = await caseView(caseId, tokens.care, 'screener');
      const employer = await caseView(caseId, tokens.employer);
      const insurer = await caseView(caseId, tokens.insurer);
      const municipality = await caseView(caseId, tokens.municipality);
      for (const [who, view] of [
        ['municipality', municipality],
        ['care', care],
        ['employer', employer],
        ['insurer', insurer],
      ] as const) {
        // Diagnoses and clinical notes never leave the care provider, not even to itself through the shared view; no BSN anywhere.
        expect(view.raw, `${who} after ${stepName}`).not.toContain(DIAGNOSIS);
        expect(view.raw, `${who} after ${stepName}`).not.toContain('stemmen horen');
        expect(bsnLikeNumbersIn(view.raw), `${who} after ${stepName}`).toEqual([]);
      }
      // An employer never sees health data: no advice, no ZRM, no IPS, no referral route, no funding of care.
      if (employer.summary) {
        expect(employer.summary.screeningAdvice, `employer after ${stepName}`).toBeNull();
        expect(employer.summary.zrm, `employer after ${stepName}`).toBeNull();
        expect(employer.summary.ips, `employer after ${stepName}`).toBeNull();
        expect(
          employer.summary.referrals.every((r) => r.route === null),
          `employer after ${stepName}`,
        ).toBe(true);
        expect(employer.summary.funding.requests, `employer after ${stepName}`).toEqual([]);
      }
      // The insurer funds care: who and how much, never the advice or the work.
      if (insurer.summary) {
        expect(insurer.summary.screeningAdvice, `insurer after ${stepName}`).toBeNull();
        expect(insurer.summary.zrm, `insurer after ${stepName}`).toBeNull();
        expect(insurer.summary.placements, `insurer after ${stepName}`).toEqual([]);
      }
      return { municipality, care, employer, insurer };
    };

    const noPersonalDataInLog = async () => {
      const { raw } = await disclosuresOf(clientKey);
      expect(raw).not.toContain(bsn);
      expect(raw).not.toContain(DIAGNOSIS);
      expect(raw).not.toContain(clientKey); // the data subject id is stored encrypted
    };

    // 1. Register the client and open the case.
    await step(
      'register + open case',
      async () => {
        const registered = await command('municipality', '/clients', tokens.municipality, {
          bsn,
          name: 'Jesse van Dam',
          birthYear: Number(today.slice(0, 4)) - 24,
          sex: 'male',
          education: 'mid',
          benefitType: 'wwb',
          benefitMonthlyAmountCents: 125_000,
          housing: 'with-parents',
        });
        clientKey = registered['clientKey'] as string;
        caseId = (await command('municipality', '/cases', tokens.municipality, { clientKey }))['caseId'] as string;
        await command('municipality', `/cases/${caseId}/regie`, tokens.municipality, { userId: 'regisseur-e2e-01' });
      },
      id,
      (s) => s.clientKey === clientKey,
    );
    let views = await invariants('register');
    // Nobody but the municipality takes part yet: to the others the case does not exist.
    expect(views.employer.status, 'the employer network is not in the case team yet').toBe(404);
    expect(views.care.status, 'the care provider is not in the case team yet').toBe(404);
    expect(views.insurer.status, 'the insurer is not in the case team yet').toBe(404);
    await protocolled(clientKey, 'deliver CaseOpened', 'wcc-case-view');

    // 2. Consent: care provider and insurer may receive, the municipality may see what they report.
    let careConsentId = '';
    let summary = await step(
      'consent',
      async () => {
        careConsentId = (
          await command('municipality', `/cases/${caseId}/consents`, tokens.municipality, {
            purpose: 'chain-coordination',
            organisationTypes: ['municipality', 'care-provider', 'insurer'],
            dataCategories: ['identifying', 'work', 'care-summary', 'financial', 'administrative'],
            validFrom: today,
          })
        )['consentId'] as string;
        await command('municipality', `/cases/${caseId}/measurements`, tokens.municipality, {
          moment: 'baseline',
          measuredOn: today,
          ladderRung: 2,
          growthPotential: true,
          zrm: {
            finances: 2,
            'daytime-activities': 2,
            housing: 4,
            'domestic-relations': 4,
            'mental-health': 2,
            'physical-health': 4,
            addiction: 5,
            'daily-living-skills': 4,
            'social-network': 3,
            'community-participation': 2,
            justice: 5,
          },
        });
      },
      id,
      (s) => s.consents.some((c) => c.consentId === careConsentId && c.status === 'granted') && s.zrm !== null,
    );
    views = await invariants('consent');
    // A consent names who may receive; it does not make a stranger part of the case.
    expect(views.care.status, 'consent alone does not open the case to the care provider').toBe(404);
    expect(views.employer.status).toBe(404);
    await protocolled(clientKey, 'deliver ConsentGranted', 'wcc-case-view');

    // 3. Refer to the GGZ provider (first psychosis).
    let careReferralId = '';
    summary = await step(
      'refer to GGZ',
      async () => {
        careReferralId = (
          await command('municipality', `/cases/${caseId}/referrals`, tokens.municipality, {
            toOrganisationId: CARE_PROVIDER,
            toOrganisationType: 'care-provider',
            route: 'first-psychosis',
            reason: 'Jongere uit het VIP-team wil werken; graag screening en IPS.',
            replyDeadline: inDays(14),
          })
        )['referralId'] as string;
      },
      id,
      (s) => s.referrals.some((r) => r.referralId === careReferralId && r.status === 'open'),
    );
    views = await invariants('refer to GGZ');
    expect(views.care.status, 'the referral makes the care provider part of the case').toBe(200);
    expect(views.care.summary!.zrm, 'the care provider may see the ZRM (care summary) on consent').not.toBeNull();
    expect(views.care.summary!.referrals.find((r) => r.referralId === careReferralId)?.route, 'the care provider sees how the client came').toBe('first-psychosis');
    await protocolled(clientKey, 'deliver ClientReferred', CARE_PROVIDER);

    // 4. The care provider accepts (once the referral reached its inbox over Kafka).
    summary = await step(
      'GGZ accepts',
      async () => {
        await eventually(
          async () => ((await read('care-provider', `/referrals/${careReferralId}`, tokens.care)).status === 200 ? true : undefined),
          'the referral in the GGZ inbox',
          VISIBLE_WITHIN_MS,
        );
        await command('care-provider', `/referrals/${careReferralId}/accept`, tokens.care);
      },
      id,
      (s) => s.referrals.some((r) => r.referralId === careReferralId && r.status === 'accepted'),
    );
    await invariants('GGZ accepts');
    await protocolled(clientKey, 'deliver ReferralAccepted', MUNICIPALITY);

    // 5. Screening: clinical findings stay at the provider, the advice (IPS) goes out.
    summary = await step(
      'screening advice (IPS)',
      async () => {
        await command('care-provider', `/referrals/${careReferralId}/screening/start`, tokens.care);
        await command('care-provider', `/referrals/${careReferralId}/screening/clinical-findings`, tokens.care, { diagnoses: [{ system: 'icd-10', code: DIAGNOSIS }], notes: CLINICAL_NOTE });
        await command('care-provider', `/referrals/${careReferralId}/screening/advice`, tokens.care, {
          advisedRoute: 'ips',
          workCapacityHoursPerWeek: 20,
          recommendedHoursPerWeek: 16,
          functionalLimitations: ['personal-functioning.concentration', 'working-hours.night-work'],
          contraIndications: false,
          reviewDate: inDays(90),
        });
      },
      id,
      (s) => s.screeningAdvice?.advisedRoute === 'ips',
    );
    views = await invariants('screening advice');
    expect(views.care.summary!.screeningAdvice?.advisedRoute).toBe('ips');
    await protocolled(clientKey, 'deliver ScreeningAdviceSubmitted', MUNICIPALITY);

    // 6. IPS intake funded by the insurer (8 sessions × €92).
    let fundingRequestId = '';
    summary = await step(
      'funding granted',
      async () => {
        fundingRequestId = (
          await command('care-provider', `/referrals/${careReferralId}/funding-requests`, tokens.care, {
            insurerId: INSURER,
            instrument: 'ips-intake',
            units: 8,
            amountCents: 73_600,
            periodFrom: today,
            periodTo: inDays(182),
          })
        )['fundingRequestId'] as string;
        await eventually(
          async () => ((await read('insurer', `/care-fundings/${fundingRequestId}`, tokens.insurer)).status === 200 ? true : undefined),
          'the funding request at the insurer',
          VISIBLE_WITHIN_MS,
        );
        await command('insurer', `/care-fundings/${fundingRequestId}/grant`, tokens.insurer, { grantedUnits: 8, periodFrom: today, periodTo: inDays(182) });
      },
      id,
      (s) => s.funding.status === 'granted',
    );
    views = await invariants('funding granted');
    expect(views.insurer.summary!.funding.requests.map((r) => [r.fundingRequestId, r.decision])).toEqual([[fundingRequestId, 'granted']]);
    await protocolled(clientKey, 'deliver CareFundingRequested', INSURER);
    await protocolled(clientKey, 'deliver CareFundingGranted', CARE_PROVIDER);

    // 7. Refer to the employer network for matching, with the client's consent for work data only.
    let matchingReferralId = '';
    summary = await step(
      'refer to employer network',
      async () => {
        await command('municipality', `/cases/${caseId}/consents`, tokens.municipality, {
          purpose: 'chain-coordination',
          organisationTypes: ['employer-network'],
          dataCategories: ['identifying', 'work', 'administrative'],
          validFrom: today,
        });
        matchingReferralId = (
          await command('municipality', `/cases/${caseId}/referrals`, tokens.municipality, {
            toOrganisationId: EMPLOYER_NETWORK,
            toOrganisationType: 'employer-network',
            route: 'matching',
            reason: 'Trajectbegeleider schat cliënt matchbaar in; zoekt 16 tot 20 uur.',
            replyDeadline: inDays(10),
          })
        )['referralId'] as string;
      },
      id,
      (s) => s.referrals.some((r) => r.referralId === matchingReferralId),
    );
    views = await invariants('refer to employer network');
    expect(views.employer.status, 'the employer network now sees the case, without health data').toBe(200);
    await protocolled(clientKey, 'deliver ClientReferred', EMPLOYER_NETWORK);

    // 8. The employer network accepts and places the client.
    const employerId = (
      await command('employer-network', '/employers', tokens.employer, {
        name: 'Logistiek Centrum Westpoort',
        sector: 'logistiek',
        size: 'large',
        contact: { person: 'Murat Keskin', email: 'werving@lc-westpoort.example' },
      })
    )['employerId'] as string;
    const vacancyId = (await command('employer-network', `/employers/${employerId}/vacancies`, tokens.employer, { role: 'Orderpicker', hoursPerWeek: 20, taskDemands: ['scanner gebruiken'] }))[
      'vacancyId'
    ] as string;
    summary = await step(
      'matching accepted',
      async () => {
        await eventually(
          async () => ((await read('employer-network', `/matchings/${caseId}/placements`, tokens.employer)).status === 200 ? true : undefined),
          'the referral in the matching list',
          VISIBLE_WITHIN_MS,
        );
        await command('employer-network', `/matchings/${caseId}/accept`, tokens.employer);
      },
      id,
      (s) => s.referrals.some((r) => r.referralId === matchingReferralId && r.status === 'accepted'),
    );
    await protocolled(clientKey, 'deliver ReferralAccepted', MUNICIPALITY, 2);

    const placement = (startDate: string) => ({
      employerId,
      vacancyId,
      role: 'Orderpicker',
      contractType: 'temporary-6m',
      hoursPerWeek: 20,
      grossHourlyWageCents: 1_450,
      wageSubsidy: false,
      jobCoach: true,
      startDate,
    });
    let firstPlacementId = '';
    summary = await step(
      'placement',
      async () => {
        firstPlacementId = (await command('employer-network', `/matchings/${caseId}/placements`, tokens.employer, placement(inDays(-120))))['placementId'] as string;
      },
      id,
      (s) => s.placements.some((p) => p.placementId === firstPlacementId && p.status === 'working'),
    );
    views = await invariants('placement');
    expect(views.employer.summary!.placements.map((p) => p.placementId)).toEqual([firstPlacementId]);
    expect(
      views.care.summary!.placements.map((p) => p.placementId),
      'the care provider follows the work on consent',
    ).toEqual([firstPlacementId]);
    await protocolled(clientKey, 'deliver PlacementStarted', MUNICIPALITY);
    await protocolled(clientKey, 'deliver PlacementStarted', INSURER);

    // 9. The 3-month review.
    summary = await step(
      '3-month review',
      async () => {
        await command('employer-network', `/matchings/${caseId}/placements/${firstPlacementId}/reviews`, tokens.employer, {
          reviewMonth: 3,
          reviewedOn: inDays(-28),
          stillWorking: true,
          hoursPerWeek: 20,
          issues: ['more-guidance-needed'],
        });
      },
      id,
      (s) => s.placements.some((p) => p.placementId === firstPlacementId && p.lastReviewMonth === 3),
    );
    await invariants('3-month review');
    // A review goes to no partner's service: the municipality reads it in the case view (protocolled as a view).
    await protocolled(clientKey, 'deliver PlacementReviewed', 'wcc-case-view');

    // 10. Job loss for health reasons: kept at the employer network, the chain hears 'other'.
    summary = await step(
      'job loss',
      async () => {
        await command('employer-network', `/matchings/${caseId}/placements/${firstPlacementId}/end`, tokens.employer, { endDate: inDays(-20), reason: 'health' });
      },
      id,
      (s) => s.placements.some((p) => p.placementId === firstPlacementId && p.status === 'ended'),
    );
    views = await invariants('job loss');
    for (const view of [views.municipality, views.care, views.employer]) {
      expect(view.summary!.placements.find((p) => p.placementId === firstPlacementId)?.endReason).toBe('other');
      expect(view.raw).not.toContain('"health"');
    }
    await protocolled(clientKey, 'deliver PlacementEnded', MUNICIPALITY);

    // 11. A second job.
    let secondPlacementId = '';
    summary = await step(
      'second placement',
      async () => {
        secondPlacementId = (await command('employer-network', `/matchings/${caseId}/placements`, tokens.employer, placement(inDays(-5))))['placementId'] as string;
      },
      id,
      (s) => s.placements.some((p) => p.placementId === secondPlacementId && p.sequence === 2 && p.status === 'working'),
    );
    await invariants('second placement');
    await protocolled(clientKey, 'deliver PlacementStarted', MUNICIPALITY, 2);

    // 12. The MDT reviews the case, with the employer network at the table (so no care summary), and agrees an action.
    let reviewId = '';
    summary = await step(
      'MDT review with action',
      async () => {
        reviewId = (await command('municipality', `/cases/${caseId}/reviews`, tokens.municipality, { scheduledFor: new Date(Date.now() + 3_600_000).toISOString(), chairUserId: 'regisseur-e2e-01' }))[
          'reviewId'
        ] as string;
        await command('municipality', `/reviews/${reviewId}/held`, tokens.municipality, {
          heldOn: today,
          attendees: [
            { userId: 'regisseur-e2e-01', organisationId: MUNICIPALITY, organisationType: 'municipality' },
            { userId: 'ips-coach-e2e-01', organisationId: CARE_PROVIDER, organisationType: 'care-provider' },
            { userId: 'am-e2e-01', organisationId: EMPLOYER_NETWORK, organisationType: 'employer-network' },
          ],
          dataCategoriesDiscussed: ['work', 'administrative'],
          decisions: ['Tweede plaatsing loopt; jobcoaching afbouwen na de 3-maandsevaluatie.'],
        });
        await command('municipality', `/reviews/${reviewId}/actions`, tokens.municipality, {
          description: 'Evaluatie met werkgever en jobcoach plannen',
          ownerUserId: 'am-e2e-01',
          ownerOrganisationId: EMPLOYER_NETWORK,
          dueDate: inDays(21),
        });
      },
      id,
      (s) => s.reviews.some((r) => r.reviewId === reviewId && r.status === 'held') && s.actions.length === 1,
    );
    expect(summary.actions[0]!.ownerOrganisationId).toBe(EMPLOYER_NETWORK);
    views = await invariants('MDT review');
    expect(views.municipality.raw, 'decision texts stay at the municipality').not.toContain('jobcoaching afbouwen');
    expect(
      views.employer.summary!.actions.map((a) => a.ownerOrganisationId),
      'the employer network sees the action it owns',
    ).toEqual([EMPLOYER_NETWORK]);
    // …but not the review itself: a care provider sat at the table, and that is care data.
    expect(views.employer.summary!.reviews, 'the review with a care provider at the table').toEqual([]);
    // The meeting disclosed work data to each partner at the table; the action's owner reads it in the case view.
    await protocolled(clientKey, 'deliver CaseReviewHeld', CARE_PROVIDER);
    await protocolled(clientKey, 'deliver CaseReviewHeld', EMPLOYER_NETWORK);
    await protocolled(clientKey, 'deliver ReviewActionAssigned', 'wcc-case-view');

    // 13. Outflow to work: the benefit ends, the case closes.
    summary = await step(
      'benefit ended (work)',
      async () => {
        await command('municipality', `/cases/${caseId}/benefit/end`, tokens.municipality, { reasonCode: 'employee', endedOn: today });
      },
      id,
      (s) => s.benefit?.status === 'ended' && s.benefit.endReasonCode === 'employee',
    );
    await invariants('benefit ended');
    await protocolled(clientKey, 'deliver BenefitEnded', 'wcc-case-view');

    summary = await step(
      'case closed',
      async () => {
        await command('municipality', `/cases/${caseId}/close`, tokens.municipality, { reasonCode: 'outflow-to-work' });
      },
      id,
      (s) => s.ending?.kind === 'closed',
    );
    expect(summary.ending?.reasonCode).toBe('outflow-to-work');
    views = await invariants('case closed');
    // The closure goes to no partner's service; the partners read it in the case view.
    await protocolled(clientKey, 'deliver CaseClosed', 'wcc-case-view');

    // Every view of another organisation's data was itself protocolled, and the log holds no BSN, diagnosis or clear client key.
    const { records } = await disclosuresOf(clientKey);
    for (const viewer of [CARE_PROVIDER, EMPLOYER_NETWORK, INSURER]) {
      expect(
        records.some((r) => r.disclosure_kind === 'viewed' && r.recipient_organisation_id === viewer && r.status_code === 'OK'),
        `views by ${viewer}`,
      ).toBe(true);
    }
    expect(
      records.some((r) => r.disclosure_kind === 'access-refused' && r.recipient_organisation_id === EMPLOYER_NETWORK),
      'the employer network was refused before consent',
    ).toBe(true);
    await noPersonalDataInLog();

    console.log(`\n${latencyTable()}\n(${commandsSent} commands, ${latencies.length} measured steps)`);
    expect(latencies.every((l) => l.ms < VISIBLE_WITHIN_MS)).toBe(true);
  }, 600_000);
});

describe('a poison message on every topic a service consumes, on the same running chain', () => {
  it('is dead-lettered with its reason by every group that reads the topic, and each group processes the message after it', async () => {
    // Every topic the bus lets a service consume (declared once in contracts/src/bus-access.ts),
    // with a good message for it: a contract event whose example travels on it. Topics
    // delivered per organisation are taken for the organisation the example addresses, one
    // of those the processes serve (testOrganisations).
    const served = (service: ServiceName): readonly string[] => {
      const variable = `${service.toUpperCase().replace(/-/g, '_')}_ORGANISATION_IDS` as keyof typeof testOrganisations;
      return testOrganisations[variable] ?? [];
    };
    const readers = SERVICES.flatMap((service) =>
      consumedTopicsOf(service).map((declared) => {
        const physical = new Set(consumedTopicsFor(declared, served(service)));
        const definition = integrationEvents.find((d) => d.topicsOf(d.example).some((t) => physical.has(t)));
        expect(definition, `a contract event whose example travels on ${declared} to ${service}`).toBeDefined();
        return { service, topic: definition!.topicsOf(definition!.example).find((t) => physical.has(t))!, definition: definition! };
      }),
    );
    const topics = new Map<string, IntegrationEventDefinition>(readers.map((r) => [r.topic, r.definition]));
    const producer = await connectedTestProducer('poison-producer');
    const sent = new Map<string, { poisonId: string; goodId: string; partition: number; goodOffset: bigint }>();
    try {
      for (const [topic, definition] of topics) {
        const caseId = randomUUID();
        const data = { ...(definition.example as Record<string, unknown>), caseId };
        const good = encodeCloudEvent(
          {
            specversion: '1.0',
            id: randomUUID(),
            source: 'urn:nld:oin:00000001823288444000:systeem:poison-test',
            type: definition.type,
            time: new Date().toISOString(),
            datacontenttype: 'application/json',
            data,
          },
          caseId,
        );
        // The poison: the same headers, a body that is not JSON. Same key, so the same partition, just before the good one.
        const poisonId = randomUUID();
        const poison = { key: caseId, value: Buffer.from('{"caseId": "' + caseId + '", truncated'), headers: { ...good.headers, ce_id: poisonId } };
        const [result] = await producer.send({ topic: ns.topic(topic), acks: -1, messages: [poison, good] });
        sent.set(topic, { poisonId, goodId: String(good.headers!['ce_id']), partition: result!.partition, goodOffset: BigInt(result!.baseOffset!) + 1n });
      }
    } finally {
      await producer.disconnect();
    }

    const kafka = testKafka('poison-check');
    const admin = kafka.admin();
    await admin.connect();
    const rows: string[] = [];
    try {
      for (const { service, topic } of readers) {
        const { poisonId, goodId, partition, goodOffset } = sent.get(topic)!;
        const groupPrefix = `${ns.groupPrefix}${service}.`;
        const letter = await eventually(
          async () => {
            const { messages } = await readTopicsToEnd(kafka, [ns.topic(deadLetterTopicOf(topic))], { timeoutMs: 10_000 });
            return messages.find((m) => m.headers['ce_id'] === poisonId && String(m.headers['dlq_consumer_group']).startsWith(groupPrefix));
          },
          `${service}'s dead letter of the poison on ${topic}`,
          60_000,
        );
        const reason = String(letter.headers['dlq_reason']);
        expect(reason, `${service} on ${topic}: a reason a person can act on`).toMatch(/JSON|parse|decode/i);
        expect(letter.headers['dlq_original_topic']).toBe(ns.topic(topic));
        const groupId = String(letter.headers['dlq_consumer_group']);
        // The group moved past the good message, and did not dead-letter it.
        await eventually(
          async () => {
            const [offsets] = await admin.fetchOffsets({ groupId, topics: [ns.topic(topic)] });
            const committed = BigInt(offsets?.partitions.find((p) => p.partition === partition)?.offset ?? '-1');
            return committed > goodOffset ? committed : undefined;
          },
          `${groupId} to process the message after the poison on ${topic}`,
          60_000,
        );
        const { messages } = await readTopicsToEnd(kafka, [ns.topic(deadLetterTopicOf(topic))], { timeoutMs: 10_000 });
        expect(
          messages.filter((m) => m.headers['ce_id'] === goodId && m.headers['dlq_consumer_group'] === groupId),
          `${groupId} dead-lettered the good message`,
        ).toEqual([]);
        rows.push(`| ${service.padEnd(16)} | ${topic.padEnd(40)} | ${reason.slice(0, 60).padEnd(60)} |`);
      }
    } finally {
      await admin.disconnect();
    }
    console.log(`\n[poison] ${readers.length} (service, topic) pairs: poison dead-lettered with its reason, the next message processed\n${rows.join('\n')}`);
    reportFault({
      fault: `a poison message before a good one on each of ${readers.length} (service, topic) pairs`,
      test: 'tests/e2e/trajectory.e2e.spec.ts',
      acknowledged: topics.size,
      events: topics.size * 2,
      lost: 0,
      duplicatedEffects: 0,
      redelivered: 0,
      recoveredMs: null,
    });
    expect(rows.length).toBe(readers.length);
  }, 300_000);
});
