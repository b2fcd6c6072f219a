// Shared by the care-provider integration tests: boots the real app on an ephemeral
// port against this file's database and topic namespace, signs tokens, and plays the
// municipality and the insurer by producing their CloudEvents on their topics.
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  careClaimSettledV1,
  careFundingGrantedV1,
  careFundingRefusedV1,
  clientReferredV1,
  type CareClaimSettledV1,
  type CareFundingGrantedV1,
  type CareFundingRefusedV1,
  type ClientReferredV1,
} from '@wcc/contracts';
import type { OrganisationType } from '@wcc/domain-kit';
import { signDevelopmentToken, type Role } from '@wcc/nest-kit';
import { callJson, eventually, type JsonResponse, type TestDatabase, type TestNamespace } from '@wcc/testing';
import { connectedTestProducer, publishAsPartner, startTestServiceApp, storedEventCount } from '@wcc/service-testing';
import { AppModule } from '../app.module';
import { careProviderService } from '../service';

export const PROVIDER = 'ggz-delfland';
export const OTHER_PROVIDER = 'ggz-rivierduinen';

export interface CareProviderTestApp {
  readonly app: NestExpressApplication;
  readonly baseUrl: string;
  readonly producer: Producer;
  close(): Promise<void>;
}

export async function startCareProvider(db: TestDatabase, ns: TestNamespace): Promise<CareProviderTestApp> {
  const { app, baseUrl } = await startTestServiceApp(AppModule, careProviderService, db, ns, { quiet: true });
  const producer = await connectedTestProducer('care-provider-test');
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

export function token(organisationId: string, roles: Role[], organisationType: OrganisationType = 'care-provider'): Promise<string> {
  return signDevelopmentToken({ userId: `${roles[0] ?? 'user'}@${organisationId}`, organisationId, organisationType, roles });
}

export type Call = JsonResponse;

export function call(baseUrl: string, method: 'GET' | 'POST', path: string, bearer?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Call> {
  return callJson(baseUrl, method, path, { ...(bearer ? { token: bearer } : {}), body, headers });
}

/** Plays the municipality: a ClientReferred to a care provider, with a fresh case and referral id. */
export async function referClient(producer: Producer, ns: TestNamespace, overrides: Partial<ClientReferredV1> = {}): Promise<ClientReferredV1> {
  const referral: ClientReferredV1 = {
    caseId: randomUUID(),
    clientKey: `ck_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    occurredAt: new Date().toISOString(),
    referralId: randomUUID(),
    fromOrganisationId: 'gemeente-rotterdam',
    toOrganisationId: PROVIDER,
    toOrganisationType: 'care-provider',
    route: 'ggz-screening',
    reason: 'Screening advice requested before choosing between IPS and regular reintegration.',
    replyDeadline: '2099-12-31',
    ...overrides,
  };
  await publishAsPartner(producer, ns, clientReferredV1, referral, 'urn:nld:oin:gemeente-rotterdam:systeem:wcc-municipality');
  return referral;
}

/** Plays the insurer: grants a funding request (addressed to PROVIDER unless the data says otherwise). */
export async function grantFunding(producer: Producer, ns: TestNamespace, data: CareFundingGrantedV1): Promise<void> {
  await publishAsPartner(producer, ns, careFundingGrantedV1, { addressedTo: PROVIDER, ...data }, 'urn:nld:oin:achmea:systeem:wcc-insurer');
}

/** Plays the insurer: refuses a funding request (addressed to PROVIDER unless the data says otherwise). */
export async function refuseFunding(producer: Producer, ns: TestNamespace, data: CareFundingRefusedV1): Promise<void> {
  await publishAsPartner(producer, ns, careFundingRefusedV1, { addressedTo: PROVIDER, ...data }, 'urn:nld:oin:achmea:systeem:wcc-insurer');
}

/** Plays the insurer: settles a claim (addressed to PROVIDER unless the data says otherwise). */
export async function settleClaim(producer: Producer, ns: TestNamespace, data: CareClaimSettledV1): Promise<void> {
  await publishAsPartner(producer, ns, careClaimSettledV1, { addressedTo: PROVIDER, ...data }, 'urn:nld:oin:achmea:systeem:wcc-insurer');
}

export { eventually, storedEventCount };
