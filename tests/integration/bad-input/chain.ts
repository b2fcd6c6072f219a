// What the generator cannot read from an OpenAPI document: who may call each service
// (and who may not), values for patterned fields, and real items to aim at, made through
// the chain itself: a client referred by the municipality to the care provider and the
// employer network, care funding requested from and granted by the insurer, a placement,
// an MDT review with an action, and the case as the case view and the exchange log know it.
import { randomBytes, randomUUID } from 'node:crypto';
import type { TokenClaims } from '@wcc/nest-kit';
import { callJson, eventually, generateBsn, inDays, type JsonResponse, type ServiceProcess } from '@wcc/testing';
import { operationKey, type BadInputCase, type JsonSchema, type Operation, type ValueHint } from './openapi-cases';

export const SERVICES = ['municipality', 'care-provider', 'employer-network', 'insurer', 'case-view', 'exchange-log'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const MUNICIPALITY = 'gemeente-utrecht';
export const CARE_PROVIDER = 'ggz-altrecht';
export const EMPLOYER_NETWORK = 'wsp-midden-utrecht';
export const INSURER = 'zilveren-kruis';

const clientManager: TokenClaims = { userId: 'km-1', organisationId: MUNICIPALITY, organisationType: 'municipality', roles: ['client-manager', 'regisseur'] };
const careWorker: TokenClaims = { userId: 'scr-1', organisationId: CARE_PROVIDER, organisationType: 'care-provider', roles: ['screener', 'ips-worker'] };
const accountManager: TokenClaims = { userId: 'am-1', organisationId: EMPLOYER_NETWORK, organisationType: 'employer-network', roles: ['account-manager'] };
const contractManager: TokenClaims = { userId: 'cm-1', organisationId: INSURER, organisationType: 'insurer', roles: ['contract-manager'] };
const auditor: TokenClaims = { userId: 'aud-1', organisationId: 'wcc-chain', organisationType: 'chain', roles: ['auditor', 'privacy-officer'] };
const other = (claims: TokenClaims, organisationId: string): TokenClaims => ({ ...claims, userId: `${claims.userId}-elsewhere`, organisationId });

export interface ServiceHints {
  /** Extra environment for the process. */
  readonly env?: Readonly<Record<string, string>>;
  /** A token the operation serves. */
  caller(op: Operation): TokenClaims;
  /** A token of an organisation type or role the operation refuses (403). */
  outsider(op: Operation): TokenClaims | undefined;
  /** The same type and role, another organisation: its items are not this one's. */
  otherOrganisation(op: Operation): TokenClaims | undefined;
  /** Service-specific bad input the document cannot express. */
  extraCases?(op: Operation, fixtures: Fixtures): BadInputCase[];
}

const byPath = (op: Operation, prefix: string) => op.path === prefix || op.path.startsWith(`${prefix}/`);

export const hints: Record<ServiceName, ServiceHints> = {
  municipality: {
    caller: () => clientManager,
    outsider: () => accountManager,
    otherOrganisation: () => other(clientManager, 'gemeente-amersfoort'),
    extraCases: (op, fixtures) => {
      const cases: BadInputCase[] = [];
      const base = { operation: op, pathIds: { kind: 'known-or-unknown' } as const, credential: 'caller' as const };
      if (operationKey(op) === 'POST /clients') {
        cases.push({
          ...base,
          name: 'BSN failing the elfproef',
          body: { json: { bsn: '123456789', birthYear: 1990, sex: 'female', education: 'mid', benefitType: 'wwb', benefitMonthlyAmountCents: 100_000, housing: 'independent' } },
          statuses: [400],
          fields: ['/bsn'],
        });
      }
      if (operationKey(op) === 'POST /clients/lookup') {
        cases.push({ ...base, name: 'BSN failing the elfproef', body: { json: { bsn: '123456789' } }, statuses: [400], fields: ['/bsn'] });
        cases.push({ ...base, name: "another municipality's client by BSN", credential: 'other-organisation', body: { json: { bsn: fixtures.municipality.bsn } }, statuses: [403, 404] });
      }
      if (operationKey(op) === 'POST /cases') {
        cases.push({ ...base, name: "another municipality's client key", credential: 'other-organisation', body: { json: { clientKey: fixtures.municipality.clientKey } }, statuses: [403, 404] });
        cases.push({ ...base, name: 'unknown client key', body: { json: { clientKey: unknownClientKey() } }, statuses: [404] });
      }
      return cases;
    },
  },
  'care-provider': {
    env: { CARE_PROVIDER_ORGANISATION_IDS: `${CARE_PROVIDER},ggz-elders` },
    caller: () => careWorker,
    outsider: () => clientManager,
    otherOrganisation: () => other(careWorker, 'ggz-elders'),
  },
  'employer-network': {
    caller: () => accountManager,
    // An employer network never gets health data: a care provider may not call it.
    outsider: () => careWorker,
    otherOrganisation: () => other(accountManager, 'wsp-elders'),
    extraCases: (op, fixtures) =>
      operationKey(op) === 'POST /matchings/{caseId}/proposals'
        ? [
            {
              operation: op,
              pathIds: { kind: 'known-or-unknown' },
              credential: 'caller',
              name: 'unknown employer and vacancy in the body',
              body: { json: { employerId: randomUUID(), vacancyId: randomUUID() } },
              statuses: [404, 409],
            },
            {
              operation: op,
              pathIds: { kind: 'known-or-unknown' },
              credential: 'other-organisation',
              name: "another network's employer and case",
              body: { json: { employerId: fixtures['employer-network'].employerId, vacancyId: fixtures['employer-network'].vacancyId } },
              statuses: [403, 404],
            },
          ]
        : [],
  },
  insurer: {
    caller: () => contractManager,
    outsider: () => careWorker,
    otherOrganisation: () => other(contractManager, 'vgz'),
  },
  'case-view': {
    caller: () => clientManager,
    // The chain's auditors read the exchange log, not case data.
    outsider: () => auditor,
    otherOrganisation: () => other(clientManager, 'gemeente-amersfoort'),
  },
  'exchange-log': {
    caller: (op) => (byPath(op, '/data-subject-overviews') ? clientManager : auditor),
    outsider: (op) => (byPath(op, '/data-subject-overviews') ? auditor : clientManager),
    // Only the overview is per organisation: a client of another municipality.
    otherOrganisation: (op) => (byPath(op, '/data-subject-overviews') ? other(clientManager, 'gemeente-amersfoort') : undefined),
    extraCases: (op, fixtures) =>
      operationKey(op) === 'POST /data-subject-overviews'
        ? [
            { operation: op, pathIds: { kind: 'known-or-unknown' }, credential: 'caller', name: 'unknown client key', body: { json: { clientKey: unknownClientKey() } }, statuses: [404] },
            {
              operation: op,
              pathIds: { kind: 'known-or-unknown' },
              credential: 'other-organisation',
              name: "another municipality's client",
              body: { json: { clientKey: fixtures.municipality.clientKey } },
              statuses: [403, 404],
            },
            {
              operation: op,
              pathIds: { kind: 'known-or-unknown' },
              credential: 'caller',
              name: 'a BSN as client key',
              body: { json: { clientKey: generateBsn() } },
              statuses: [400],
              fields: ['/clientKey'],
            },
          ]
        : [],
  },
};

export function unknownClientKey(): string {
  return `ck_${randomBytes(32).toString('base64url')}`;
}

/** An id nobody has: of the parameter's format (a client key, a register entry, a UUID). */
export function unknownId(name: string, schema: JsonSchema): string {
  if (name === 'clientKey') return unknownClientKey();
  if (schema.enum) return `no-such-${name.toLowerCase()}`;
  return randomUUID();
}

export function valueHint(fixtures: Fixtures | undefined): ValueHint {
  return (name) => {
    switch (name) {
      case 'bsn':
        return generateBsn();
      case 'clientKey':
        return fixtures?.municipality.clientKey ?? unknownClientKey();
      case 'insurerId':
        return INSURER;
      case 'toOrganisationId':
        return CARE_PROVIDER;
      default:
        return undefined;
    }
  };
}

// ---------------------------------------------------------------------------------
// Fixtures made through the chain

export interface Fixtures {
  readonly municipality: { readonly bsn: string; readonly clientKey: string; readonly caseId: string; readonly consentId: string; readonly reviewId: string; readonly actionId: string };
  readonly 'care-provider': { readonly referralId: string; readonly fundingRequestId: string };
  readonly 'employer-network': { readonly employerId: string; readonly vacancyId: string; readonly caseId: string; readonly placementId: string };
  readonly insurer: { readonly fundingRequestId: string };
  readonly 'case-view': { readonly caseId: string };
  readonly 'exchange-log': { readonly id: string };
}

export type Tokens = (claims: TokenClaims) => Promise<string>;

function ok(response: JsonResponse, what: string): Record<string, unknown> {
  if (response.status !== 200 && response.status !== 201) throw new Error(`fixture: ${what} answered ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function makeFixtures(services: Record<ServiceName, ServiceProcess>, token: Tokens): Promise<Fixtures> {
  const as = async (service: ServiceName, claims: TokenClaims) => {
    const t = await token(claims);
    return {
      get: (path: string) => callJson(services[service].baseUrl, 'GET', path, { token: t }),
      post: (path: string, body: unknown = {}) => callJson(services[service].baseUrl, 'POST', path, { token: t, body }),
    };
  };
  const municipality = await as('municipality', clientManager);
  const careProvider = await as('care-provider', careWorker);
  const network = await as('employer-network', accountManager);
  const insurer = await as('insurer', contractManager);
  const caseView = await as('case-view', clientManager);
  const exchangeLog = await as('exchange-log', auditor);

  // The municipality: a client, a case with consent, referrals to both partners, an MDT review with an action.
  const bsn = generateBsn();
  const client = ok(
    await municipality.post('/clients', {
      bsn,
      name: 'Fixture Client',
      birthYear: 1990,
      sex: 'female',
      education: 'mid',
      benefitType: 'wwb',
      benefitMonthlyAmountCents: 100_000,
      housing: 'independent',
    }),
    'register a client',
  );
  const clientKey = client['clientKey'] as string;
  const caseId = ok(await municipality.post('/cases', { clientKey }), 'open a case')['caseId'] as string;
  const consentId = ok(
    await municipality.post(`/cases/${caseId}/consents`, {
      purpose: 'chain-coordination',
      organisationTypes: ['care-provider', 'employer-network', 'insurer'],
      dataCategories: ['administrative', 'work', 'care-summary', 'financial'],
      validFrom: inDays(-1),
      validTo: inDays(365),
    }),
    'grant consent',
  )['consentId'] as string;
  const referralId = ok(
    await municipality.post(`/cases/${caseId}/referrals`, {
      toOrganisationId: CARE_PROVIDER,
      toOrganisationType: 'care-provider',
      route: 'ggz-screening',
      reason: 'Screening op arbeidsmogelijkheden.',
      replyDeadline: inDays(14),
    }),
    'refer to the care provider',
  )['referralId'] as string;
  ok(
    await municipality.post(`/cases/${caseId}/referrals`, {
      toOrganisationId: EMPLOYER_NETWORK,
      toOrganisationType: 'employer-network',
      route: 'matching',
      reason: 'Zoekt werk in de logistiek.',
      replyDeadline: inDays(14),
    }),
    'refer to the employer network',
  );
  const reviewId = ok(await municipality.post(`/cases/${caseId}/reviews`, { scheduledFor: new Date(Date.now() + 60_000).toISOString(), chairUserId: clientManager.userId }), 'schedule an MDT review')[
    'reviewId'
  ] as string;
  ok(
    await municipality.post(`/reviews/${reviewId}/held`, {
      heldOn: inDays(0),
      attendees: [{ userId: clientManager.userId, organisationId: MUNICIPALITY, organisationType: 'municipality' }],
      dataCategoriesDiscussed: ['administrative'],
      decisions: ['Verder met IPS.'],
    }),
    'hold the review',
  );
  const actionId = ok(
    await municipality.post(`/reviews/${reviewId}/actions`, { description: 'Werkgever benaderen.', ownerUserId: clientManager.userId, ownerOrganisationId: MUNICIPALITY, dueDate: inDays(7) }),
    'assign an action',
  )['actionId'] as string;

  // The employer network: an employer with a vacancy (over HTTP) and the referral (over Kafka), a placement.
  const employerId = ok(await network.post('/employers', { name: 'Fixture BV', sector: 'logistiek', size: 'small', contact: { person: 'Contactpersoon' } }), 'register an employer')[
    'employerId'
  ] as string;
  const vacancyId = ok(await network.post(`/employers/${employerId}/vacancies`, { role: 'Orderpicker', hoursPerWeek: 24, taskDemands: ['tillen'] }), 'open a vacancy')['vacancyId'] as string;
  await eventually(async () => ((await network.get(`/matchings/${caseId}/placements`)).status === 200 ? true : undefined), 'the matching referral at the employer network', 60_000);
  ok(await network.post(`/matchings/${caseId}/accept`, {}), 'accept the matching');
  const placementId = ok(
    await network.post(`/matchings/${caseId}/placements`, {
      employerId,
      vacancyId,
      role: 'Orderpicker',
      contractType: 'temporary-6m',
      hoursPerWeek: 24,
      grossHourlyWageCents: 1_500,
      wageSubsidy: false,
      jobCoach: false,
      startDate: inDays(0),
    }),
    'start a placement',
  )['placementId'] as string;

  // The care provider: the referral (over Kafka), accepted; two funding requests to the insurer.
  await eventually(async () => ((await careProvider.get(`/referrals/${referralId}`)).status === 200 ? true : undefined), 'the referral at the care provider', 60_000);
  ok(await careProvider.post(`/referrals/${referralId}/accept`, {}), 'accept the referral');
  const fundingRequest = { insurerId: INSURER, instrument: 'ips-intake', units: 8, amountCents: 73_600, periodFrom: inDays(0), periodTo: inDays(90) };
  const granted = ok(await careProvider.post(`/referrals/${referralId}/funding-requests`, fundingRequest), 'request funding')['fundingRequestId'] as string;
  // Job coaching for the placement above (24 h/week on a 6-month contract, from today): the insurer leaves it to its contract manager.
  const coaching = { ...fundingRequest, instrument: 'job-coaching', units: 10, amountCents: 80_000, job: { hoursPerWeek: 24, contractMonths: 6, startDate: inDays(0) } };
  const requested = ok(await careProvider.post(`/referrals/${referralId}/funding-requests`, coaching), 'request more funding')['fundingRequestId'] as string;

  // The insurer grants the first (so claims can be made against it) and leaves the second requested.
  await eventually(async () => ((await insurer.get(`/care-fundings/${requested}`)).status === 200 ? true : undefined), 'the funding requests at the insurer', 60_000);
  await eventually(async () => ((await insurer.get(`/care-fundings/${granted}`)).status === 200 ? true : undefined), 'the first funding request at the insurer', 60_000);
  ok(await insurer.post(`/care-fundings/${granted}/grant`, { grantedUnits: 8, periodFrom: inDays(0), periodTo: inDays(90) }), 'grant funding');
  await eventually(async () => ((await careProvider.get(`/funding-requests/${granted}`)).body['status'] === 'granted' ? true : undefined), 'the grant back at the care provider', 60_000);

  // What the case view and the exchange log made of it.
  await eventually(async () => ((await caseView.get(`/cases/${caseId}`)).status === 200 ? true : undefined), 'the case in the case view', 60_000);
  const disclosureId = await eventually(
    async () => {
      const records = (await exchangeLog.get('/disclosures')).body['records'];
      const first = Array.isArray(records) ? (records[0] as Record<string, unknown> | undefined) : undefined;
      return typeof first?.['id'] === 'string' ? first['id'] : undefined;
    },
    'a disclosure record in the exchange log',
    60_000,
  );

  return {
    municipality: { bsn, clientKey, caseId, consentId, reviewId, actionId },
    'care-provider': { referralId, fundingRequestId: granted },
    'employer-network': { employerId, vacancyId, caseId, placementId },
    insurer: { fundingRequestId: requested },
    'case-view': { caseId },
    'exchange-log': { id: disclosureId },
  };
}

/** The fixtures' ids by path parameter name, for one service. */
export function knownIds(service: ServiceName, fixtures: Fixtures): Readonly<Record<string, string>> {
  return fixtures[service];
}
