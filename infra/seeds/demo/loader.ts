// Loads the demo plan into running services through their public HTTP APIs, as the
// users of each organisation would, never by writing tables. Idempotent: every command
// carries an Idempotency-Key derived from the client and the step, so a second run gets
// the first answers back (municipality, employer network, insurer); on the care
// provider, whose commands are not keyed, the referral's read model is checked first and
// only what is missing is done. Asynchronous hand-overs (a referral reaching the care
// provider's inbox, a funding request reaching the insurer) are awaited by polling.
import { uuidV5 } from '@wcc/domain-kit';
import { buildDemoPlan, stepId, type ClientPlan, type DemoPlan, type EmployerPlan, type Step } from './dataset';
import { ServiceClient, waitFor } from './http';
import { demoUsers, tokenFor, type DemoUserName } from './organisations';

export type DemoServiceName = 'municipality' | 'care-provider' | 'employer-network' | 'insurer' | 'case-view' | 'exchange-log';

export interface DemoLoadOptions {
  /** Base URL per service, e.g. http://127.0.0.1:3001; case-view and exchange-log are optional. */
  readonly urls: Partial<Record<DemoServiceName, string>>;
  /** Default: today in Amsterdam. */
  readonly today?: string;
  readonly concurrency?: number;
  readonly log?: (line: string) => void;
  /** How long one asynchronous hand-over may take. */
  readonly handOverTimeoutMs?: number;
}

export interface DemoLoadResult {
  readonly plan: DemoPlan;
  readonly loaded: number;
  readonly failed: readonly { readonly slug: string; readonly error: string }[];
  readonly showcase: { readonly slug: string; readonly caseId: string; readonly clientKey: string; readonly visibleInCaseView: boolean } | undefined;
  readonly seconds: number;
}

interface Referral {
  status: 'received' | 'accepted' | 'declined';
  screening: { status: string; clinicalFindingsRecorded: number; advice: unknown };
  ips: { jobCoachId: string | null; intakeSessions: { sessionNumber: number }[] };
  treatmentEpisodes: unknown[];
  funding: { fundingRequestId: string; instrument: string; status: string; claims: unknown[] }[];
}

/** What a client's earlier steps produced, for the later ones. */
interface Trail {
  clientKey: string;
  caseId: string;
  consents: Map<string, string>;
  referralId?: string;
  fundings: Map<string, string>;
  placements: Map<string, string>;
}

export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const required = (urls: DemoLoadOptions['urls'], name: DemoServiceName): string => {
  const url = urls[name];
  if (!url) throw new Error(`the demo needs the ${name} service`);
  return url;
};

class DemoLoader {
  private readonly clients = new Map<string, ServiceClient>();
  private readonly employerIds = new Map<string, string>();
  private readonly vacancyIds = new Map<string, string>();

  constructor(
    private readonly plan: DemoPlan,
    private readonly urls: DemoLoadOptions['urls'],
    private readonly tokens: ReadonlyMap<DemoUserName, string>,
    private readonly timeoutMs: number,
  ) {}

  private as(user: DemoUserName, service: DemoServiceName): ServiceClient {
    const cacheKey = `${user}@${service}`;
    let client = this.clients.get(cacheKey);
    if (!client) {
      client = new ServiceClient(service, required(this.urls, service), this.tokens.get(user)!);
      this.clients.set(cacheKey, client);
    }
    return client;
  }

  private key(...parts: string[]): string {
    return uuidV5(`${this.plan.seed}/${parts.join('/')}`);
  }

  async loadEmployers(): Promise<void> {
    for (const employer of this.plan.employers) await this.loadEmployer(employer);
  }

  private async loadEmployer(employer: EmployerPlan): Promise<void> {
    const network = this.as(employer.user, 'employer-network');
    const { employerId } = await network.post<{ employerId: string }>(
      '/employers',
      { name: employer.name, sector: employer.sector, size: employer.size, contact: employer.contact },
      this.key('employer', employer.key),
    );
    this.employerIds.set(employer.key, employerId);
    for (const vacancy of employer.vacancies) {
      const { vacancyId } = await network.post<{ vacancyId: string }>(
        `/employers/${employerId}/vacancies`,
        { role: vacancy.role, hoursPerWeek: vacancy.hoursPerWeek, taskDemands: vacancy.taskDemands },
        this.key('employer', employer.key, 'vacancy', vacancy.key),
      );
      this.vacancyIds.set(`${employer.key}/${vacancy.key}`, vacancyId);
    }
  }

  async loadClient(client: ClientPlan): Promise<Trail> {
    const municipality = this.as(client.clientManager, 'municipality');
    const { bsn, ...profile } = client.profile;
    const registered = await municipality.request<{ clientKey?: string }>('POST', '/clients', { body: { bsn, ...profile }, idempotencyKey: this.key(client.slug, 'register') });
    let clientKey = registered.body.clientKey;
    if (registered.status === 409) {
      // Registered before under another key (an older demo run): find the client by BSN.
      clientKey = (await municipality.post<{ clientKey: string }>('/clients/lookup', { bsn }, this.key(client.slug, 'lookup'))).clientKey;
    } else if (registered.status !== 201 || !clientKey) {
      throw new Error(`registering ${client.slug} answered ${registered.status}: ${JSON.stringify(registered.body)}`);
    }
    const existing = await municipality.get<{ cases: { caseId: string }[] }>(`/clients/${clientKey}`);
    const caseId = existing.cases[0]?.caseId ?? (await municipality.post<{ caseId: string }>('/cases', { clientKey }, this.key(client.slug, 'open-case'))).caseId;
    const trail: Trail = { clientKey, caseId, consents: new Map(), fundings: new Map(), placements: new Map() };
    for (const step of client.steps) {
      try {
        await this.run(client, step, trail);
      } catch (err) {
        throw new Error(`${client.slug} (${client.project}), step ${stepId(step)}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return trail;
  }

  private async referral(client: ClientPlan, trail: Trail): Promise<Referral> {
    return this.as(client.careProvider.user, 'care-provider').get<Referral>(`/referrals/${trail.referralId!}`);
  }

  private async run(client: ClientPlan, step: Step, trail: Trail): Promise<void> {
    const key = this.key(client.slug, stepId(step));
    const municipality = this.as(client.clientManager, 'municipality');
    const care = this.as(client.careProvider.user, 'care-provider');
    const network = this.as(client.employerNetwork.user, 'employer-network');
    const casePath = `/cases/${trail.caseId}`;
    const referralPath = () => `/referrals/${trail.referralId!}`;
    const matchingPath = `/matchings/${trail.caseId}`;

    switch (step.kind) {
      case 'assign-regie':
        await municipality.post(`${casePath}/regie`, { userId: step.userId }, key);
        return;
      case 'grant-consent': {
        const { consentId } = await municipality.post<{ consentId: string }>(
          `${casePath}/consents`,
          { purpose: step.purpose ?? 'chain-coordination', organisationTypes: step.organisationTypes, dataCategories: step.dataCategories, validFrom: step.validFrom },
          key,
        );
        trail.consents.set(step.key, consentId);
        return;
      }
      case 'withdraw-consent':
        await municipality.post(`${casePath}/consents/${trail.consents.get(step.key)!}/withdraw`, {}, key);
        return;
      case 'measure': {
        const { kind: _kind, ...body } = step;
        await municipality.post(`${casePath}/measurements`, body, key);
        return;
      }
      case 'refer-to-care': {
        const { referralId } = await municipality.post<{ referralId: string }>(
          `${casePath}/referrals`,
          { toOrganisationId: step.providerId, toOrganisationType: 'care-provider', route: step.route, reason: step.reason, replyDeadline: step.replyDeadline },
          key,
        );
        trail.referralId = referralId;
        await waitFor(`the referral of ${client.slug} in the inbox of ${step.providerId}`, () => care.find(`/referrals/${referralId}`), this.timeoutMs);
        return;
      }
      case 'care-accept':
        if ((await this.referral(client, trail)).status === 'received') await care.post(`${referralPath()}/accept`, {}, key);
        return;
      case 'care-decline':
        if ((await this.referral(client, trail)).status === 'received') await care.post(`${referralPath()}/decline`, { reasonCode: step.reasonCode, reason: step.reason }, key);
        return;
      case 'screening-start':
        if ((await this.referral(client, trail)).screening.status === 'not-started') await care.post(`${referralPath()}/screening/start`, {}, key);
        return;
      case 'clinical-findings':
        if ((await this.referral(client, trail)).screening.clinicalFindingsRecorded === 0) {
          await care.post(`${referralPath()}/screening/clinical-findings`, { diagnoses: step.diagnoses, notes: step.notes }, key);
        }
        return;
      case 'screening-advice': {
        if ((await this.referral(client, trail)).screening.advice) return;
        const { kind: _kind, ...advice } = step;
        await care.post(`${referralPath()}/screening/advice`, advice, key);
        return;
      }
      case 'ips-job-coach':
        if ((await this.referral(client, trail)).ips.jobCoachId === null) await care.post(`${referralPath()}/ips/job-coach`, { jobCoachId: step.jobCoachId }, key);
        return;
      case 'ips-intake-session':
        if (!(await this.referral(client, trail)).ips.intakeSessions.some((s) => s.sessionNumber === step.sessionNumber)) {
          await care.post(`${referralPath()}/ips/intake-sessions`, { sessionNumber: step.sessionNumber, heldOn: step.heldOn }, key);
        }
        return;
      case 'treatment-start':
        if ((await this.referral(client, trail)).treatmentEpisodes.length === 0) await care.post(`${referralPath()}/treatment-episodes`, { startDate: step.startDate }, key);
        return;
      case 'care-funding':
        await this.careFunding(client, step, trail, key);
        return;
      case 'care-claim': {
        const fundingRequestId = trail.fundings.get(step.funding)!;
        const funding = await care.get<{ instrument: string; status: string; claims: unknown[] }>(`/funding-requests/${fundingRequestId}`);
        if (funding.status !== 'granted' || funding.claims.length > 0) return;
        const { kind: _kind, funding: _funding, ...claim } = step;
        await care.post(`/funding-requests/${fundingRequestId}/claims`, { instrument: funding.instrument, ...claim }, key);
        return;
      }
      case 'refer-to-matching':
        await municipality.post(
          `${casePath}/referrals`,
          { toOrganisationId: step.networkId, toOrganisationType: 'employer-network', route: 'matching', reason: step.reason, replyDeadline: step.replyDeadline },
          key,
        );
        await waitFor(`the matching referral of ${client.slug} at ${step.networkId}`, () => network.find(`${matchingPath}/placements`), this.timeoutMs);
        return;
      case 'matching-accept':
        await network.post(`${matchingPath}/accept`, {}, key);
        return;
      case 'matching-decline':
        await network.post(`${matchingPath}/decline`, { reasonCode: step.reasonCode, reason: step.reason }, key);
        return;
      case 'propose-candidate':
        await network.post(`${matchingPath}/proposals`, { employerId: this.employerIds.get(step.employer)!, vacancyId: this.vacancyIds.get(`${step.employer}/${step.vacancy}`)! }, key);
        return;
      case 'start-placement': {
        const { employer, vacancy, ...terms } = step.terms;
        const { placementId } = await network.post<{ placementId: string }>(
          `${matchingPath}/placements`,
          { ...terms, employerId: this.employerIds.get(employer)!, ...(vacancy ? { vacancyId: this.vacancyIds.get(`${employer}/${vacancy}`)! } : {}) },
          key,
        );
        trail.placements.set(step.key, placementId);
        return;
      }
      case 'review-placement': {
        const { kind: _kind, placement, ...review } = step;
        await network.post(`${matchingPath}/placements/${trail.placements.get(placement)!}/reviews`, review, key);
        return;
      }
      case 'end-placement': {
        const { kind: _kind, placement, ...end } = step;
        await network.post(`${matchingPath}/placements/${trail.placements.get(placement)!}/end`, end, key);
        return;
      }
      case 'mdt-review': {
        const chair = step.attendees[0]!.userId;
        const { reviewId } = await municipality.post<{ reviewId: string }>(`${casePath}/reviews`, { scheduledFor: step.scheduledFor, chairUserId: chair }, key);
        await municipality.post(
          `/reviews/${reviewId}/held`,
          { heldOn: step.heldOn, attendees: step.attendees, dataCategoriesDiscussed: step.dataCategoriesDiscussed, decisions: step.decisions },
          this.key(client.slug, stepId(step), 'held'),
        );
        for (const [index, action] of step.actions.entries()) {
          await municipality.post(`/reviews/${reviewId}/actions`, action, this.key(client.slug, stepId(step), 'action', String(index)));
        }
        return;
      }
      case 'adjust-benefit': {
        const { kind: _kind, ...body } = step;
        await municipality.post(`${casePath}/benefit/adjust`, body, key);
        return;
      }
      case 'end-benefit': {
        const { kind: _kind, ...body } = step;
        await municipality.post(`${casePath}/benefit/end`, body, key);
        return;
      }
      case 'dropout': {
        const { kind: _kind, ...body } = step;
        await municipality.post(`${casePath}/dropout`, body, key);
        return;
      }
      case 'close-case':
        await municipality.post(`${casePath}/close`, { reasonCode: step.reasonCode }, key);
        return;
      default: {
        const unknown: never = step;
        throw new Error(`unknown step ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Care provider asks, insurer decides (after the request reached it), care provider sees the answer. */
  private async careFunding(client: ClientPlan, step: Extract<Step, { kind: 'care-funding' }>, trail: Trail, key: string): Promise<void> {
    const care = this.as(client.careProvider.user, 'care-provider');
    const insurer = this.as(step.contractManager, 'insurer');
    const known = (await this.referral(client, trail)).funding.find((f) => f.instrument === step.instrument);
    const fundingRequestId =
      known?.fundingRequestId ??
      (
        await care.post<{ fundingRequestId: string }>(
          `/referrals/${trail.referralId!}/funding-requests`,
          {
            insurerId: step.insurerId,
            instrument: step.instrument,
            units: step.units,
            amountCents: step.amountCents,
            periodFrom: step.periodFrom,
            periodTo: step.periodTo,
            ...(step.job ? { job: step.job } : {}),
          },
          key,
        )
      ).fundingRequestId;
    trail.fundings.set(step.key, fundingRequestId);
    const atInsurer = await waitFor(
      `funding request ${step.instrument} of ${client.slug} at ${step.insurerId}`,
      () => insurer.find<{ status: string }>(`/care-fundings/${fundingRequestId}`),
      this.timeoutMs,
    );
    if (atInsurer.status === 'requested') {
      if ('grant' in step.decision) {
        await insurer.post(
          `/care-fundings/${fundingRequestId}/grant`,
          {
            grantedUnits: step.units,
            ...(step.instrument === 'dbc-care-product' ? { grantedAmountCents: step.amountCents } : {}),
            periodFrom: step.periodFrom,
            periodTo: step.periodTo,
          },
          this.key(client.slug, stepId(step), 'decision'),
        );
      } else {
        await insurer.post(`/care-fundings/${fundingRequestId}/refuse`, step.decision.refuse, this.key(client.slug, stepId(step), 'decision'));
      }
    }
    await waitFor(
      `the insurer's decision on ${step.instrument} of ${client.slug} at the care provider`,
      async () => {
        const funding = await care.get<{ status: string }>(`/funding-requests/${fundingRequestId}`);
        return funding.status === 'requested' ? undefined : funding;
      },
      this.timeoutMs,
    );
  }

  async showcaseVisible(trail: Trail): Promise<boolean> {
    if (!this.urls['case-view']) return false;
    const view = this.as('amsterdamClientManager', 'case-view');
    try {
      await waitFor(
        'the showcase case in the case view with both placements',
        async () => {
          const answer = await view.request<{ summary?: { placements?: unknown[] } }>('GET', `/cases/${trail.caseId}`);
          return answer.status === 200 && (answer.body.summary?.placements?.length ?? 0) >= 2 ? true : undefined;
        },
        this.timeoutMs,
        500,
      );
      return true;
    } catch {
      return false;
    }
  }
}

/** Loads the demo data set; per-client failures are collected, not thrown. */
export async function loadDemoData(options: DemoLoadOptions): Promise<DemoLoadResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const plan = buildDemoPlan(options.today ?? todayInAmsterdam());
  const tokens = new Map<DemoUserName, string>();
  for (const name of Object.keys(demoUsers) as DemoUserName[]) tokens.set(name, await tokenFor(demoUsers[name]));
  const loader = new DemoLoader(plan, options.urls, tokens, options.handOverTimeoutMs ?? 60_000);

  await loader.loadEmployers();
  log(`demo: ${plan.employers.length} employers and their vacancies registered`);

  const failed: { slug: string; error: string }[] = [];
  const trails = new Map<string, Trail>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < plan.clients.length) {
      const client = plan.clients[next++]!;
      try {
        trails.set(client.slug, await loader.loadClient(client));
      } catch (err) {
        failed.push({ slug: client.slug, error: err instanceof Error ? err.message : String(err) });
      }
      if (++done % 10 === 0 || done === plan.clients.length) log(`demo: ${done}/${plan.clients.length} clients`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));

  const showcaseTrail = trails.get(plan.showcase);
  const showcase = showcaseTrail
    ? { slug: plan.showcase, caseId: showcaseTrail.caseId, clientKey: showcaseTrail.clientKey, visibleInCaseView: await loader.showcaseVisible(showcaseTrail) }
    : undefined;
  return { plan, loaded: trails.size, failed, showcase, seconds: (Date.now() - started) / 1000 };
}
