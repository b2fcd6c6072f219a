// The municipality's HTTP API against real Postgres and Kafka: success, 400 naming the
// field, 401, 403, 404, 409, nothing appended on refusal, Idempotency-Key, the BSN
// encrypted at rest and shown masked to client managers only, overdue referrals.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidV5 } from '@wcc/domain-kit';
import { PostgresEventStore } from '@wcc/event-store';
import { municipalityToEmployerNetworkTopic, organisationTopicOf } from '@wcc/contracts';
import { readTopicsToEnd, testKafka, useTestDatabase, testNamespace } from '@wcc/testing';
import { openApiLintErrors } from '@wcc/service-testing';
import {
  BSNS,
  call,
  caseWithConsent,
  consentForChain,
  eventually,
  MUNICIPALITY,
  OTHER_MUNICIPALITY,
  registration,
  startMunicipality,
  storedEventCount,
  token,
  zrm,
  type MunicipalityTestApp,
} from './testing/municipality.test-kit';

const db = useTestDatabase();
const ns = testNamespace();
let service: MunicipalityTestApp;
let base: string;
let clientManager: string;
let regisseur: string;
let otherMunicipality: string;
let employer: string;

beforeAll(async () => {
  service = await startMunicipality(db, ns);
  base = service.baseUrl;
  clientManager = await token(MUNICIPALITY, ['client-manager']);
  regisseur = await token(MUNICIPALITY, ['regisseur']);
  otherMunicipality = await token(OTHER_MUNICIPALITY, ['client-manager', 'regisseur']);
  employer = await token('wsp-rijnmond', ['account-manager'], 'employer-network');
});

afterAll(async () => {
  await service?.close();
});

/** Runs a refused call and proves it stored nothing. */
async function refused(run: () => ReturnType<typeof call>, status: number): Promise<Record<string, unknown>> {
  const before = await storedEventCount(db);
  const response = await run();
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.contentType).toMatch(/application\/problem\+json/);
  expect(await storedEventCount(db)).toBe(before);
  return response.body;
}

function fields(problem: Record<string, unknown>): string[] {
  return ((problem['errors'] as { field: string }[] | undefined) ?? []).map((e) => e.field);
}

describe('registering a client', () => {
  it('returns a pseudonymous client key and keeps the BSN and name only encrypted at rest', async () => {
    const response = await call(base, 'POST', '/clients', clientManager, registration(BSNS[0]));
    expect(response.status).toBe(201);
    expect(response.body['clientKey']).toMatch(/^ck_[A-Za-z0-9_-]{43}$/);
    expect(response.body['version']).toBe(1);
    const { rows } = await db.pool.query<{ data: string; metadata: string }>(`select data::text as data, metadata::text as metadata from event_store.events`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.data).not.toContain(BSNS[0]);
      expect(row.data).not.toContain('Fatima');
      expect(row.metadata).not.toContain(BSNS[0]);
    }
    // Sealed with the shared sealing: format s2, then the id of the key that sealed it.
    expect(rows.some((r) => /"sealedBsn": ?"s2\.[0-9a-f]{16}\./.test(r.data))).toBe(true);
  });

  it('refuses the same BSN twice with 409, also when written with 8 digits', async () => {
    await refused(() => call(base, 'POST', '/clients', clientManager, registration(BSNS[0])), 409);
    expect((await call(base, 'POST', '/clients', clientManager, registration('012345672'))).status).toBe(201);
    await refused(() => call(base, 'POST', '/clients', clientManager, registration('12345672')), 409);
  });

  it('refuses a BSN failing the elfproef with 400 naming /bsn and not echoing it', async () => {
    const problem = await refused(() => call(base, 'POST', '/clients', clientManager, registration('123456789')), 400);
    expect(fields(problem)).toEqual(['/bsn']);
    expect(JSON.stringify(problem)).not.toContain('123456789');
  });

  it('names every bad field: wrong type, invalid enum, unknown field, missing field', async () => {
    const { housing: _missing, ...withoutHousing } = registration(BSNS[1]);
    const problem = await refused(() => call(base, 'POST', '/clients', clientManager, { ...withoutHousing, birthYear: 'nineteen-ninety', benefitType: 'pension', shoeSize: 44 }), 400);
    expect(fields(problem)).toEqual(expect.arrayContaining(['/birthYear', '/benefitType', '/shoeSize', '/housing']));
  });

  it('401 without a token or with a forged one; 403 for an employer and for a regisseur', async () => {
    await refused(() => call(base, 'POST', '/clients', undefined, registration(BSNS[1])), 401);
    await refused(() => call(base, 'POST', '/clients', 'not-a-token', registration(BSNS[1])), 401);
    await refused(() => call(base, 'POST', '/clients', employer, registration(BSNS[1])), 403);
    await refused(() => call(base, 'POST', '/clients', regisseur, registration(BSNS[1])), 403);
  });
});

describe('reading a client', () => {
  let clientKey: string;
  beforeAll(async () => {
    clientKey = (await call(base, 'POST', '/clients', clientManager, registration(BSNS[2], { name: 'Johan de Vries' }))).body['clientKey'] as string;
  });

  it('shows a client manager the BSN masked except its last three digits, and the name', async () => {
    const response = await call(base, 'GET', `/clients/${clientKey}`, clientManager);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ clientKey, municipalityId: MUNICIPALITY, bsnMasked: '******990', name: 'Johan de Vries', ageBand: expect.any(String) as string });
    expect(JSON.stringify(response.body)).not.toContain(BSNS[2]);
  });

  it('never shows a regisseur the BSN or the name', async () => {
    const response = await call(base, 'GET', `/clients/${clientKey}`, regisseur);
    expect(response.status).toBe(200);
    expect(response.body['bsnMasked']).toBeUndefined();
    expect(response.body['name']).toBeUndefined();
    expect(JSON.stringify(response.body)).not.toMatch(/\d{3}990|Johan/);
  });

  it('403 for another municipality, 404 for an unknown key, 400 for a malformed one', async () => {
    expect((await call(base, 'GET', `/clients/${clientKey}`, otherMunicipality)).status).toBe(403);
    expect((await call(base, 'GET', `/clients/ck_${'A'.repeat(43)}`, clientManager)).status).toBe(404);
    expect((await call(base, 'GET', '/clients/111222333', clientManager)).status).toBe(400);
  });

  it('finds a client by BSN (in a body), only in its own municipality', async () => {
    expect(await call(base, 'POST', '/clients/lookup', clientManager, { bsn: BSNS[2] })).toMatchObject({ status: 200, body: { clientKey } });
    expect((await call(base, 'POST', '/clients/lookup', otherMunicipality, { bsn: BSNS[2] })).status).toBe(404);
    expect((await call(base, 'POST', '/clients/lookup', regisseur, { bsn: BSNS[2] })).status).toBe(403);
  });
});

describe('cases', () => {
  let clientKey: string;
  let caseId: string;

  beforeAll(async () => {
    clientKey = (await call(base, 'POST', '/clients', clientManager, registration(BSNS[3]))).body['clientKey'] as string;
  });

  it('opens a case for a registered client; another municipality cannot', async () => {
    await refused(() => call(base, 'POST', '/cases', otherMunicipality, { clientKey }), 403);
    await refused(() => call(base, 'POST', '/cases', clientManager, { clientKey: `ck_${'B'.repeat(43)}` }), 404);
    const opened = await call(base, 'POST', '/cases', regisseur, { clientKey });
    expect(opened.status).toBe(201);
    caseId = opened.body['caseId'] as string;
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    const file = await call(base, 'GET', `/cases/${caseId}`, regisseur);
    expect(file.body).toMatchObject({ caseId, clientKey, municipalityId: MUNICIPALITY, status: 'open', benefit: { status: 'active', benefitType: 'wwb', monthlyAmountCents: 123_456 } });
  });

  it('has one accountable owner: a second is a 409, a transfer is recorded', async () => {
    expect((await call(base, 'POST', `/cases/${caseId}/regie`, regisseur, { userId: 'regisseur-17' })).status).toBe(200);
    const problem = await refused(() => call(base, 'POST', `/cases/${caseId}/regie`, regisseur, { userId: 'regisseur-23' }), 409);
    expect(problem['code']).toBe('regie-already-assigned');
    expect((await call(base, 'POST', `/cases/${caseId}/regie/transfer`, regisseur, { toUserId: 'regisseur-23', reason: 'Caseload' })).status).toBe(200);
    const file = await call(base, 'GET', `/cases/${caseId}`, regisseur);
    expect(file.body['regie']).toMatchObject({
      owner: { userId: 'regisseur-23' },
      history: [{ to: { userId: 'regisseur-17' } }, { from: { userId: 'regisseur-17' }, to: { userId: 'regisseur-23' }, reason: 'Caseload' }],
    });
  });

  it('refuses another municipality on every command and read of the case (403), and unknown cases (404)', async () => {
    await refused(() => call(base, 'POST', `/cases/${caseId}/consents`, otherMunicipality, consentForChain), 403);
    await refused(() => call(base, 'POST', `/cases/${caseId}/close`, otherMunicipality, { reasonCode: 'completed' }), 403);
    expect((await call(base, 'GET', `/cases/${caseId}`, otherMunicipality)).status).toBe(403);
    await refused(() => call(base, 'POST', `/cases/${randomUUID()}/regie`, regisseur, { userId: 'x' }), 404);
    expect((await call(base, 'GET', `/cases/${randomUUID()}`, regisseur)).status).toBe(404);
    expect((await call(base, 'GET', `/cases/not-a-uuid`, regisseur)).status).toBe(400);
    await refused(() => call(base, 'POST', `/cases/${caseId}/regie`, employer, { userId: 'x' }), 403);
  });

  it('consent: validTo before validFrom is a 400 naming /validTo; withdrawal works once', async () => {
    const problem = await refused(() => call(base, 'POST', `/cases/${caseId}/consents`, regisseur, { ...consentForChain, validFrom: '2025-06-01', validTo: '2025-05-01' }), 400);
    expect(fields(problem)).toEqual(['/validTo']);
    const invalidEnum = await refused(() => call(base, 'POST', `/cases/${caseId}/consents`, regisseur, { ...consentForChain, purpose: 'marketing' }), 400);
    expect(fields(invalidEnum)).toEqual(['/purpose']);
    const granted = await call(base, 'POST', `/cases/${caseId}/consents`, regisseur, { ...consentForChain, organisationTypes: ['insurer'] });
    expect(granted.status).toBe(201);
    const consentId = granted.body['consentId'] as string;
    expect((await call(base, 'POST', `/cases/${caseId}/consents/${consentId}/withdraw`, regisseur)).status).toBe(200);
    await refused(() => call(base, 'POST', `/cases/${caseId}/consents/${consentId}/withdraw`, regisseur), 409);
    await refused(() => call(base, 'POST', `/cases/${caseId}/consents/${randomUUID()}/withdraw`, regisseur), 404);
  });

  it('referral: needs consent for the receiver, then shows status and deadline on the case', async () => {
    const referral = { toOrganisationId: 'ggz-delfland', toOrganisationType: 'care-provider', route: 'ggz-screening', reason: 'Screening advice requested.', replyDeadline: '2099-01-31' };
    const noConsent = await refused(() => call(base, 'POST', `/cases/${caseId}/referrals`, regisseur, referral), 409);
    expect(noConsent['code']).toBe('consent-required');
    expect((await call(base, 'POST', `/cases/${caseId}/consents`, regisseur, consentForChain)).status).toBe(201);
    const past = await refused(() => call(base, 'POST', `/cases/${caseId}/referrals`, regisseur, { ...referral, replyDeadline: '2020-01-01' }), 400);
    expect(fields(past)).toEqual(['/replyDeadline']);
    const careRouteToEmployer = await refused(
      () => call(base, 'POST', `/cases/${caseId}/referrals`, regisseur, { ...referral, toOrganisationId: 'wsp-rijnmond', toOrganisationType: 'employer-network', route: 'first-psychosis' }),
      400,
    );
    expect(fields(careRouteToEmployer)).toEqual(['/route']);
    const referred = await call(base, 'POST', `/cases/${caseId}/referrals`, regisseur, referral);
    expect(referred.status).toBe(201);
    const file = await call(base, 'GET', `/cases/${caseId}`, regisseur);
    expect(file.body['referrals']).toEqual([
      expect.objectContaining({ referralId: referred.body['referralId'], status: 'pending', replyDeadline: '2099-01-31', overdue: false, toOrganisationId: 'ggz-delfland' }),
    ]);
  });

  it('measurements: baseline first, each moment once, every ZRM domain required', async () => {
    const measurement = { moment: 'baseline', measuredOn: '2025-03-03', ladderRung: 2, growthPotential: true, zrm };
    const early = await refused(() => call(base, 'POST', `/cases/${caseId}/measurements`, regisseur, { ...measurement, moment: '6-months' }), 409);
    expect(early['code']).toBe('baseline-missing');
    const { justice: _missing, ...tenDomains } = zrm;
    const incomplete = await refused(() => call(base, 'POST', `/cases/${caseId}/measurements`, regisseur, { ...measurement, zrm: { ...tenDomains, finances: 6 }, ladderRung: 7 }), 400);
    expect(fields(incomplete)).toEqual(expect.arrayContaining(['/zrm/justice', '/zrm/finances', '/ladderRung']));
    expect((await call(base, 'POST', `/cases/${caseId}/measurements`, regisseur, measurement)).status).toBe(201);
    await refused(() => call(base, 'POST', `/cases/${caseId}/measurements`, regisseur, measurement), 409);
    const file = await call(base, 'GET', `/cases/${caseId}`, regisseur);
    expect(file.body['measurements']).toEqual([expect.objectContaining({ moment: 'baseline', ladderRung: 2, growthPotential: true, zrm })]);
  });

  it('benefit: adjust and end are client-manager decisions; re-apply after the end', async () => {
    const adjust = { benefitType: 'wwb', monthlyAmountCents: 98_000, effectiveFrom: '2025-04-01', reason: 'Part-time earnings' };
    await refused(() => call(base, 'POST', `/cases/${caseId}/benefit/adjust`, regisseur, adjust), 403);
    expect((await call(base, 'POST', `/cases/${caseId}/benefit/adjust`, clientManager, adjust)).status).toBe(200);
    const other = await refused(() => call(base, 'POST', `/cases/${caseId}/benefit/end`, clientManager, { reasonCode: 'other', endedOn: '2025-08-31' }), 400);
    expect(fields(other)).toEqual(['/reasonText']);
    expect((await call(base, 'POST', `/cases/${caseId}/benefit/end`, clientManager, { reasonCode: 'employee', endedOn: '2025-08-31' })).status).toBe(200);
    await refused(() => call(base, 'POST', `/cases/${caseId}/benefit/end`, clientManager, { reasonCode: 'employee', endedOn: '2025-08-31' }), 409);
    await refused(() => call(base, 'POST', `/cases/${caseId}/benefit/adjust`, clientManager, adjust), 409);
    expect((await call(base, 'POST', `/cases/${caseId}/benefit/reapply`, clientManager, { benefitType: 'wwb', monthlyAmountCents: 123_456, reappliedOn: '2026-01-05' })).status).toBe(200);
    const file = await call(base, 'GET', `/cases/${caseId}`, regisseur);
    expect(file.body['benefit']).toMatchObject({
      status: 'active',
      monthlyAmountCents: 123_456,
      history: [{ change: 'adjusted' }, { change: 'ended', reasonCode: 'employee' }, { change: 'reapplied' }],
    });
  });

  it('dropout and closure: each once; after closure only consent withdrawal is possible', async () => {
    const problem = await refused(() => call(base, 'POST', `/cases/${caseId}/dropout`, regisseur, { phase: 'orbit', reasonCode: 'motivation', droppedOutOn: '2025-05-01' }), 400);
    expect(fields(problem)).toEqual(['/phase']);
    expect((await call(base, 'POST', `/cases/${caseId}/dropout`, regisseur, { phase: 'assessment', reasonCode: 'care-advice', droppedOutOn: '2025-05-01' })).status).toBe(200);
    await refused(() => call(base, 'POST', `/cases/${caseId}/dropout`, regisseur, { phase: 'assessment', reasonCode: 'care-advice', droppedOutOn: '2025-05-01' }), 409);
    expect((await call(base, 'POST', `/cases/${caseId}/close`, regisseur, { reasonCode: 'dropped-out' })).status).toBe(200);
    await refused(() => call(base, 'POST', `/cases/${caseId}/close`, regisseur, { reasonCode: 'dropped-out' }), 409);
    await refused(() => call(base, 'POST', `/cases/${caseId}/regie/transfer`, regisseur, { toUserId: 'regisseur-99', reason: 'x' }), 409);
    const file = await call(base, 'GET', `/cases/${caseId}`, regisseur);
    expect(file.body).toMatchObject({ status: 'closed', dropout: { phase: 'assessment', reasonCode: 'care-advice' }, closure: { reasonCode: 'dropped-out' } });
  });
});

describe('Idempotency-Key', () => {
  it('a retried request returns the first result instead of acting twice or refusing', async () => {
    const { caseId } = await caseWithConsent(base, clientManager, BSNS[4]);
    const key = randomUUID();
    const first = await call(base, 'POST', `/cases/${caseId}/regie`, regisseur, { userId: 'regisseur-1' }, { 'idempotency-key': key });
    const before = await storedEventCount(db);
    const again = await call(base, 'POST', `/cases/${caseId}/regie`, regisseur, { userId: 'regisseur-1' }, { 'idempotency-key': key });
    expect(first.status).toBe(200);
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect(await storedEventCount(db)).toBe(before);
    const openKey = randomUUID();
    const clientKey = (await call(base, 'POST', '/clients', clientManager, registration(BSNS[5]))).body['clientKey'] as string;
    const opened = await call(base, 'POST', '/cases', regisseur, { clientKey }, { 'idempotency-key': openKey });
    const reopened = await call(base, 'POST', '/cases', regisseur, { clientKey }, { 'idempotency-key': openKey });
    expect(reopened).toMatchObject({ status: 201, body: { caseId: opened.body['caseId'] } });
    expect(opened.body['caseId']).toBe(uuidV5(`${openKey}:case`));
  });
});

describe('overdue referrals', () => {
  it('a pending referral past its deadline makes the case overdue, in the case and in the list filter', async () => {
    const { caseId } = await caseWithConsent(base, clientManager, BSNS[6]);
    const { caseId: onTime } = await caseWithConsent(base, clientManager, BSNS[7]);
    // A referral made weeks ago: written as history, since the API refuses a deadline in the past.
    const store = new PostgresEventStore(db.pool);
    const stream = await store.readStream(`case-${caseId}`);
    const last = stream.at(-1)!;
    const referralId = randomUUID();
    await store.append(
      `case-${caseId}`,
      [
        {
          id: randomUUID(),
          type: 'ClientReferred',
          schemaVersion: 1,
          data: {
            caseId,
            clientKey: (last.data as { clientKey: string }).clientKey,
            at: '2025-01-02T09:00:00.000Z',
            referralId,
            fromOrganisationId: MUNICIPALITY,
            toOrganisationId: 'ggz-delfland',
            toOrganisationType: 'care-provider',
            route: 'ggz-screening',
            reason: 'Screening',
            replyDeadline: '2025-01-16',
          },
          metadata: { ...last.metadata, occurredAt: '2025-01-02T09:00:00.000Z' },
        },
      ],
      last.streamVersion,
    );
    const file = await call(base, 'GET', `/cases/${caseId}`, regisseur);
    expect(file.body).toMatchObject({ overdueReferrals: 1, referrals: [{ referralId, status: 'pending', replyDeadline: '2025-01-16', overdue: true }] });
    const listed = await eventually(async () => {
      const response = await call(base, 'GET', '/cases?overdue=true', regisseur);
      const cases = response.body['cases'] as { caseId: string; overdueReferrals: number }[];
      return cases.some((c) => c.caseId === caseId) ? cases : undefined;
    }, 'the overdue case in the list');
    expect(listed.find((c) => c.caseId === caseId)?.overdueReferrals).toBe(1);
    expect(listed.some((c) => c.caseId === onTime)).toBe(false);
    const notOverdue = (await call(base, 'GET', '/cases?overdue=false', regisseur)).body['cases'] as { caseId: string }[];
    expect(notOverdue.some((c) => c.caseId === onTime)).toBe(true);
    expect(notOverdue.some((c) => c.caseId === caseId)).toBe(false);
  });

  it('lists only the caller municipality’s cases and refuses a malformed filter', async () => {
    const theirs = (await call(base, 'GET', '/cases', otherMunicipality)).body['cases'] as unknown[];
    expect(theirs).toEqual([]);
    expect((await call(base, 'GET', '/cases?overdue=yes', regisseur)).status).toBe(400);
    expect((await call(base, 'GET', '/cases', employer)).status).toBe(403);
    expect((await call(base, 'GET', '/cases')).status).toBe(401);
  });
});

describe('free text that leaves the municipality', () => {
  // The referral reason crosses in ClientReferred: nothing personal may be in it, and
  // only this service knows the client's name to refuse it.
  const referral = { toOrganisationId: 'ggz-delfland', toOrganisationType: 'care-provider', route: 'ggz-screening', replyDeadline: '2099-01-31' };
  let caseId: string;
  beforeAll(async () => {
    // The test kit registers every client as 'Fatima el Amrani'.
    ({ caseId } = await caseWithConsent(base, clientManager, BSNS[8]));
  });

  const reasonIssues = (problem: Record<string, unknown>) => (problem['errors'] as { field: string; reason: string; reasonNl?: string }[] | undefined) ?? [];

  it.each([
    ['the first name', 'Fatima zoekt werk in de zorg.'],
    ['the last name, in capitals', 'Gesprek met mevrouw AMRANI over haar wensen.'],
    ['the last name in lower case', 'amrani wil 24 uur werken'],
  ])("refuses %s of the case's client in the reason: 400 naming /reason, not the name, nothing stored", async (_what, reason) => {
    const problem = await refused(() => call(base, 'POST', `/cases/${caseId}/referrals`, regisseur, { ...referral, reason }), 400);
    expect(problem).toMatchObject({ type: 'urn:wcc:problem:invalid-request', status: 400, code: 'invalid-request' });
    expect(reasonIssues(problem)).toEqual([
      { field: '/reason', reason: expect.stringMatching(/^contains the client's name at character \d+;/) as unknown, reasonNl: expect.stringMatching(/^bevat de naam van de cliënt/) as unknown },
    ]);
    expect(JSON.stringify(problem)).not.toMatch(/fatima|amrani/i);
  });

  it('refuses a BSN, an ICD-10 code, an e-mail address and a phone number in the reason, each named, before anything is decided', async () => {
    for (const [reason, kind] of [
      [`Cliënt met BSN ${BSNS[9]} is aangemeld.`, /looks like a BSN/],
      ['Eerst behandeling van F20.0 afwachten.', /ICD-10 diagnosis code/],
      ['Mail de regisseur via regie@rotterdam.example.', /e-mail address/],
      ['Bereikbaar op 06-12345678.', /phone number/],
    ] as const) {
      const problem = await refused(() => call(base, 'POST', `/cases/${caseId}/referrals`, regisseur, { ...referral, reason }), 400);
      expect(reasonIssues(problem).map((e) => e.field)).toEqual(['/reason']);
      expect(reasonIssues(problem)[0]?.reason).toMatch(kind);
    }
  });

  it('refuses words that reveal GGZ care in a reason for the employer network (400 naming /reason, nothing stored, nothing on its topic), and lets the same words go to a care provider', async () => {
    const toMatching = { toOrganisationId: 'wsp-rijnmond', toOrganisationType: 'employer-network', route: 'matching', replyDeadline: '2099-01-31' };
    const before = await storedEventCount(db);
    for (const reason of [
      'Na een eerste psychose weer stabiel; zoekt 16 uur.',
      'Behandeling bij de GGZ loopt af.',
      'IPS-begeleider schat cliënt matchbaar in.',
      'Recovering from depression, ready for work.',
    ]) {
      const problem = await refused(() => call(base, 'POST', `/cases/${caseId}/referrals`, regisseur, { ...toMatching, reason }), 400);
      expect(problem).toMatchObject({ type: 'urn:wcc:problem:invalid-request', status: 400, code: 'invalid-request' });
      expect(reasonIssues(problem)).toEqual([
        {
          field: '/reason',
          reason: expect.stringMatching(/^names GGZ care.*employer network may not learn/) as unknown,
          reasonNl: expect.stringMatching(/werkgeversnetwerk niet mag weten/) as unknown,
        },
      ]);
    }
    expect(await storedEventCount(db)).toBe(before);

    const clean = await call(base, 'POST', `/cases/${caseId}/referrals`, regisseur, { ...toMatching, reason: 'Klaar voor betaald werk van 16 uur; zoekt logistiek.' });
    expect(clean.status, JSON.stringify(clean.body)).toBe(201);
    const toCare = await call(base, 'POST', `/cases/${caseId}/referrals`, regisseur, {
      ...referral,
      toOrganisationId: 'ggz-vip-amsterdam',
      reason: 'Na een eerste psychose weer stabiel; IPS gewenst.',
    });
    expect(toCare.status, JSON.stringify(toCare.body)).toBe(201);

    // What reached the employer network's topic: the clean reason, and no care word.
    const topic = ns.topic(organisationTopicOf(municipalityToEmployerNetworkTopic, 'wsp-rijnmond'));
    const onTopic = await eventually(async () => {
      const { messages } = await readTopicsToEnd(testKafka('municipality-matching-reader'), [topic], { timeoutMs: 30_000 });
      return messages.some((m) => String(m.value).includes('Klaar voor betaald werk')) ? messages : undefined;
    }, 'the clean referral on the employer network’s topic');
    expect(onTopic.map((m) => String(m.value)).join('\n')).not.toMatch(/psychose|ggz|ips|behandeling|depression/i);
  });

  it("does not answer for another municipality's case: it is refused as not theirs (403), whatever the text says", async () => {
    const problem = await refused(() => call(base, 'POST', `/cases/${caseId}/referrals`, otherMunicipality, { ...referral, reason: 'Fatima el Amrani' }), 403);
    expect(JSON.stringify(problem)).not.toMatch(/name/);
  });

  it('lets a reason without the name through (particles of the name and words containing it are not the name)', async () => {
    const before = await storedEventCount(db);
    const referred = await call(base, 'POST', `/cases/${caseId}/referrals`, regisseur, { ...referral, reason: 'Screening gevraagd: el en de zijn geen naam, Amraniplein is een ander woord.' });
    expect(referred.status, JSON.stringify(referred.body)).toBe(201);
    expect(await storedEventCount(db)).toBe(before + 1);
  });

  it('checks nothing of a client registered without a name but the detector', async () => {
    const registered = await call(base, 'POST', '/clients', clientManager, registration(BSNS[10], { name: undefined }));
    expect(registered.status).toBe(201);
    const opened = await call(base, 'POST', '/cases', clientManager, { clientKey: registered.body['clientKey'] });
    const nameless = opened.body['caseId'] as string;
    expect((await call(base, 'POST', `/cases/${nameless}/consents`, clientManager, consentForChain)).status).toBe(201);
    expect((await call(base, 'POST', `/cases/${nameless}/referrals`, regisseur, { ...referral, reason: 'Fatima zoekt werk.' })).status).toBe(201);
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document that passes Redocly’s recommended rules without an error', async () => {
    const document = (await (await fetch(`${base}/docs/openapi.json`)).json()) as { openapi: string };
    expect(document.openapi).toBe('3.1.0');
    expect(await openApiLintErrors(document)).toEqual([]);
  });

  it('describes every route', async () => {
    const doc = await call(base, 'GET', '/docs/openapi.json');
    const paths = Object.keys(doc.body['paths'] as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/clients',
        '/clients/lookup',
        '/clients/{clientKey}',
        '/cases',
        '/cases/{caseId}',
        '/cases/{caseId}/regie',
        '/cases/{caseId}/regie/transfer',
        '/cases/{caseId}/consents',
        '/cases/{caseId}/consents/{consentId}/withdraw',
        '/cases/{caseId}/referrals',
        '/cases/{caseId}/measurements',
        '/cases/{caseId}/benefit/adjust',
        '/cases/{caseId}/benefit/end',
        '/cases/{caseId}/benefit/reapply',
        '/cases/{caseId}/dropout',
        '/cases/{caseId}/close',
      ]),
    );
    const register = (doc.body['paths'] as Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>)['/clients']!['post']!;
    expect(register.requestBody).toBeDefined();
    expect(Object.keys(register.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409']));
  });
});
