// The referral loop across two real services over the real broker: the municipality
// refers a client to the GGZ care provider, the provider screens and advises, and the
// advice (route and hours, never the diagnosis or the notes) lands on the municipality's
// case. Each service runs as its own Node process with its own database; they share
// nothing but the topics (one namespace for both).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { careProviderCaseEventsTopic, findIntegrationEvent, referralAcceptedV1, referralDeclinedV1, screeningAdviceSubmittedV1, screeningStartedV1 } from '@wcc/contracts';
import { signDevelopmentToken } from '@wcc/nest-kit';
import {
  callJson,
  eventually,
  inDays,
  generateBsn,
  personalDataIn,
  personalFieldNameReason,
  readTopicsToEnd,
  printServiceOutput,
  startServiceProcesses,
  testKafka,
  testNamespace,
  type JsonResponse,
  type ServiceProcess,
} from '@wcc/testing';

const MUNICIPALITY = 'gemeente-utrecht';
const CARE_PROVIDER = 'ggz-altrecht';
const DIAGNOSIS = 'F20.0';
const CLINICAL_NOTE = 'Auditieve hallucinaties sinds voorjaar, medicatietrouw wisselend; psycho-educatie gestart.';
const DECLINE_REASON = 'Geen screeningscapaciteit vóór de reactietermijn; graag opnieuw verwijzen na 1 maart.';

const ns = testNamespace();
let municipality: ServiceProcess;
let careProvider: ServiceProcess;
let clientManager: string;
let screener: string;

function ok(response: JsonResponse, what: string, status = [200, 201]): Record<string, unknown> {
  if (!status.includes(response.status)) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const asMunicipality = {
  get: (path: string) => callJson(municipality.baseUrl, 'GET', path, { token: clientManager }),
  post: (path: string, body: unknown) => callJson(municipality.baseUrl, 'POST', path, { token: clientManager, body }),
};
const asScreener = {
  get: (path: string) => callJson(careProvider.baseUrl, 'GET', path, { token: screener }),
  post: (path: string, body: unknown = {}) => callJson(careProvider.baseUrl, 'POST', path, { token: screener, body }),
};

/** Registers a client with a fresh elfproef-valid BSN, opens a case, records chain consent and refers them to the care provider. */
async function referredClient(reason: string): Promise<{ clientKey: string; caseId: string; referralId: string }> {
  const registered = ok(
    await asMunicipality.post('/clients', {
      bsn: generateBsn(),
      name: 'Sanne de Boer',
      birthYear: 1994,
      sex: 'female',
      education: 'mid',
      benefitType: 'wwb',
      benefitMonthlyAmountCents: 112_000,
      housing: 'independent',
    }),
    'register the client',
  );
  const clientKey = registered['clientKey'] as string;
  const caseId = ok(await asMunicipality.post('/cases', { clientKey }), 'open the case')['caseId'] as string;
  ok(
    await asMunicipality.post(`/cases/${caseId}/consents`, {
      purpose: 'chain-coordination',
      organisationTypes: ['care-provider'],
      dataCategories: ['administrative', 'work', 'care-summary'],
      validFrom: inDays(-1),
      validTo: inDays(365),
    }),
    'grant consent',
  );
  const referralId = ok(
    await asMunicipality.post(`/cases/${caseId}/referrals`, {
      toOrganisationId: CARE_PROVIDER,
      toOrganisationType: 'care-provider',
      route: 'ggz-screening',
      reason,
      replyDeadline: inDays(14),
    }),
    'refer to the care provider',
  )['referralId'] as string;
  return { clientKey, caseId, referralId };
}

/** Waits for the referral in the screener's inbox (GET /referrals), as it arrived over Kafka. */
function inInbox(referralId: string): Promise<Record<string, unknown>> {
  return eventually(
    async () => {
      const inbox = ok(await asScreener.get('/referrals'), 'read the inbox');
      return (inbox['items'] as Record<string, unknown>[]).find((item) => item['referralId'] === referralId);
    },
    `referral ${referralId} in the care provider's inbox`,
    45_000,
  );
}

/** Waits until the municipality's case file satisfies `until`. */
function caseFileWhen(caseId: string, until: (file: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>> {
  return eventually(
    async () => {
      const file = ok(await asMunicipality.get(`/cases/${caseId}`), 'read the case');
      return until(file) ? file : undefined;
    },
    what,
    45_000,
  );
}

type ReferralOnCase = { referralId: string; status: string; plannedStart?: string; declineReasonCode?: string; declineReason?: string; overdue: boolean };
const referralOn = (file: Record<string, unknown>, referralId: string) => (file['referrals'] as ReferralOnCase[]).find((r) => r.referralId === referralId);

/** Every property name in a JSON value, with its path. */
function propertyNames(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => propertyNames(item, `${path}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, child]) => [`${path}/${name}`, ...propertyNames(child, `${path}/${name}`)]);
}

beforeAll(async () => {
  [municipality, careProvider] = (await startServiceProcesses([
    { service: 'municipality', namespace: ns },
    { service: 'care-provider', namespace: ns, env: { CARE_PROVIDER_ORGANISATION_IDS: CARE_PROVIDER } },
  ])) as [ServiceProcess, ServiceProcess];
  clientManager = await signDevelopmentToken({ userId: 'klantmanager-12', organisationId: MUNICIPALITY, organisationType: 'municipality', roles: ['client-manager'] });
  screener = await signDevelopmentToken({ userId: 'screener-3', organisationId: CARE_PROVIDER, organisationType: 'care-provider', roles: ['screener'] });
});

// A failing test shows what the services said; they run as processes, so nothing else would.
beforeEach(({ onTestFailed }) => {
  onTestFailed(() => printServiceOutput([municipality, careProvider]));
});

afterAll(async () => {
  await Promise.all([municipality?.stop(), careProvider?.stop()]);
});

describe('referral → screening advice, municipality and care provider over Kafka', () => {
  let accepted: { clientKey: string; caseId: string; referralId: string };
  let declined: { clientKey: string; caseId: string; referralId: string };

  it('delivers the referral to the care provider, whose screening advice — and only that — reaches the case', async () => {
    accepted = await referredClient('Vastgelopen re-integratie; screening gevraagd of werk haalbaar is.');

    const arrived = await inInbox(accepted.referralId);
    expect(arrived).toMatchObject({
      referralId: accepted.referralId,
      caseId: accepted.caseId,
      clientKey: accepted.clientKey,
      fromOrganisationId: MUNICIPALITY,
      route: 'ggz-screening',
      replyDeadline: inDays(14),
      status: 'received',
    });

    const { referralId } = accepted;
    ok(await asScreener.post(`/referrals/${referralId}/accept`, { plannedStart: inDays(7) }), 'accept');
    ok(await asScreener.post(`/referrals/${referralId}/screening/start`), 'start screening');
    ok(await asScreener.post(`/referrals/${referralId}/screening/clinical-findings`, { diagnoses: [{ system: 'icd-10', code: DIAGNOSIS }], notes: CLINICAL_NOTE }), 'record findings');
    const advice = {
      advisedRoute: 'ips',
      workCapacityHoursPerWeek: 16,
      recommendedHoursPerWeek: 12,
      functionalLimitations: ['social-functioning.dealing-with-conflicts', 'working-hours.night-work'],
      contraIndications: false,
      reviewDate: inDays(90),
    };
    const adviceId = ok(await asScreener.post(`/referrals/${referralId}/screening/advice`, advice), 'submit advice')['adviceId'] as string;

    // The findings exist at the care provider — so their absence at the municipality means something.
    const findings = JSON.stringify(ok(await asScreener.get(`/referrals/${referralId}/screening/clinical-findings`), 'read findings'));
    expect(findings).toContain(DIAGNOSIS);
    expect(findings).toContain(CLINICAL_NOTE);

    const file = await caseFileWhen(
      accepted.caseId,
      (f) => referralOn(f, referralId)?.status === 'accepted' && (f['latestAdvice'] as { adviceId?: string } | undefined)?.adviceId === adviceId,
      'the acceptance and the advice on the municipality case',
    );
    expect(referralOn(file, referralId)).toMatchObject({ status: 'accepted', plannedStart: inDays(7), overdue: false, toOrganisationId: CARE_PROVIDER });
    expect(file['latestAdvice']).toMatchObject({
      adviceId,
      referralId,
      organisationId: CARE_PROVIDER,
      advisedRoute: 'ips',
      workCapacityHoursPerWeek: 16,
      recommendedHoursPerWeek: 12,
      functionalLimitations: advice.functionalLimitations,
      contraIndications: false,
      reviewDate: advice.reviewDate,
    });

    // Nothing clinical on the case: no diagnosis code, no note, no field named for them.
    const text = JSON.stringify(file);
    expect(text).not.toContain(DIAGNOSIS);
    expect(text).not.toContain('F20');
    expect(text).not.toContain(CLINICAL_NOTE);
    expect(text).not.toContain('hallucinaties');
    expect(propertyNames(file).filter((path) => /diagnos|clinical|icd|dsm|\/notes?$|findings/i.test(path))).toEqual([]);
  });

  it('puts the accept, the screening and the advice on the bus as contract events, without the findings', async () => {
    const snapshot = await readTopicsToEnd(testKafka('referral-loop-reader'), [ns.topic(careProviderCaseEventsTopic)], { timeoutMs: 30_000 });
    expect(snapshot.unfinished).toEqual([]);
    const ofCase = snapshot.messages.filter((m) => m.key === accepted.caseId);
    expect(ofCase.map((m) => m.headers['ce_type'])).toEqual([referralAcceptedV1.type, screeningStartedV1.type, screeningAdviceSubmittedV1.type]);
    for (const message of ofCase) {
      const definition = findIntegrationEvent(String(message.headers['ce_type']));
      expect(definition?.validate(JSON.parse(message.value ?? 'null')).ok, message.value ?? '').toBe(true);
      expect(personalDataIn(message), message.value ?? '').toEqual([]);
      expect(message.value).not.toContain(CLINICAL_NOTE);
      expect(message.value).not.toContain(DIAGNOSIS);
    }
    // The scan would see a diagnosis and a field named for one.
    expect(personalDataIn({ key: null, headers: {}, value: JSON.stringify({ reason: `code ${DIAGNOSIS}` }) })).not.toEqual([]);
    expect(personalFieldNameReason('diagnosisCode')).toBeDefined();
  });

  it('returns a decline and its reason to the municipality case', async () => {
    declined = await referredClient('Screening gevraagd na uitval bij eerdere werkplek.');
    await inInbox(declined.referralId);
    ok(await asScreener.post(`/referrals/${declined.referralId}/decline`, { reasonCode: 'no-capacity', reason: DECLINE_REASON }), 'decline');

    const file = await caseFileWhen(declined.caseId, (f) => referralOn(f, declined.referralId)?.status === 'declined', 'the decline on the municipality case');
    expect(referralOn(file, declined.referralId)).toMatchObject({ status: 'declined', declineReasonCode: 'no-capacity', declineReason: DECLINE_REASON, overdue: false });
    expect(file['latestAdvice']).toBeUndefined();

    const inbox = ok(await asScreener.get('/referrals?status=declined'), 'declined referrals');
    expect((inbox['items'] as { referralId: string }[]).map((i) => i.referralId)).toEqual([declined.referralId]);
    const snapshot = await readTopicsToEnd(testKafka('referral-loop-reader'), [ns.topic(careProviderCaseEventsTopic)], { timeoutMs: 30_000 });
    expect(snapshot.messages.filter((m) => m.key === declined.caseId).map((m) => m.headers['ce_type'])).toEqual([referralDeclinedV1.type]);
  });
});
