// Shared by the municipality integration tests: boots the real app on an ephemeral
// port against this file's database and topic namespace, signs tokens, makes HTTP
// calls, and plays the care provider and the employer network by producing their
// CloudEvents on their topics.
import type { Producer } from 'kafkajs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OrganisationType } from '@wcc/domain-kit';
import { signDevelopmentToken, type Role } from '@wcc/nest-kit';
import { callJson, eventually, type JsonResponse, type TestDatabase, type TestNamespace } from '@wcc/testing';
import { connectedTestProducer, publishAsPartner, startTestServiceApp, storedEventCount } from '@wcc/service-testing';
import { AppModule } from '../app.module';
import { municipalityService } from '../service';

export const MUNICIPALITY = 'gemeente-rotterdam';
export const OTHER_MUNICIPALITY = 'gemeente-delft';
export const CARE_PROVIDER = 'ggz-delfland';
export const EMPLOYER_NETWORK = 'wsp-rijnmond';

/** Elfproef-valid BSNs for fixtures (9·d1 + … + 2·d8 − d9 divisible by 11). */
export const BSNS = ['111222333', '123456782', '999999990', '100000010', '100000022', '100000034', '100000046', '100000058', '100000071', '100000083', '100000095'] as const;

export interface MunicipalityTestApp {
  readonly app: NestExpressApplication;
  readonly baseUrl: string;
  readonly producer: Producer;
  close(): Promise<void>;
}

export async function startMunicipality(db: TestDatabase, ns: TestNamespace): Promise<MunicipalityTestApp> {
  const { app, baseUrl } = await startTestServiceApp(AppModule, municipalityService, db, ns, { quiet: true });
  const producer = await connectedTestProducer('municipality-test');
  return {
    app,
    baseUrl,
    producer,
    async close() {
      await producer.disconnect();
      await app.close();
    },
  };
}

export function token(organisationId: string, roles: Role[], organisationType: OrganisationType = 'municipality'): Promise<string> {
  return signDevelopmentToken({ userId: `${roles[0] ?? 'user'}@${organisationId}`, organisationId, organisationType, roles });
}

export type Call = JsonResponse;

export function call(baseUrl: string, method: 'GET' | 'POST', path: string, bearer?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Call> {
  return callJson(baseUrl, method, path, { ...(bearer ? { token: bearer } : {}), body, headers });
}

export function registration(bsn: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    bsn,
    name: 'Fatima el Amrani',
    birthYear: 1990,
    sex: 'female',
    education: 'low',
    benefitType: 'wwb',
    benefitMonthlyAmountCents: 123_456,
    housing: 'independent',
    ...overrides,
  };
}

export const consentForChain = {
  purpose: 'chain-coordination',
  organisationTypes: ['municipality', 'care-provider', 'employer-network'],
  dataCategories: ['administrative', 'work', 'care-summary'],
  validFrom: '2025-01-01',
  validTo: '2099-12-31',
};

export const zrm = {
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
};

/** Registers a client, opens a case and records consent; returns their ids. */
export async function caseWithConsent(baseUrl: string, bearer: string, bsn: string): Promise<{ clientKey: string; caseId: string; consentId: string }> {
  const registered = await call(baseUrl, 'POST', '/clients', bearer, registration(bsn));
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  const clientKey = registered.body['clientKey'] as string;
  const opened = await call(baseUrl, 'POST', '/cases', bearer, { clientKey });
  if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  const caseId = opened.body['caseId'] as string;
  const consent = await call(baseUrl, 'POST', `/cases/${caseId}/consents`, bearer, consentForChain);
  if (consent.status !== 201) throw new Error(`consent: ${consent.status} ${JSON.stringify(consent.body)}`);
  return { clientKey, caseId, consentId: consent.body['consentId'] as string };
}

export { eventually, publishAsPartner, storedEventCount };
