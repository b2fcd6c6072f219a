// A synthetic cohort as the chain would publish it: per client a plan (project, start,
// research consent, job starts and ends, dropout, outflow) and the contract-valid
// integration events that tell it, each built from the contract's example with the
// plan's values and validated against the contract. Deterministic for a seed. The
// integration test checks the served tables against the plans; the benchmark
// projects millions of these events.
import {
  benefitEndedV1,
  caseClosedV1,
  caseOpenedV1,
  clientReferredV1,
  clientRegisteredV1,
  consentGrantedV1,
  consentWithdrawnV1,
  droppedOutV1,
  employerNetworkReferralAcceptedV1,
  ipsIntakeSessionHeldV1,
  participationMeasuredV1,
  placementEndedV1,
  placementStartedV1,
  referralAcceptedV1,
  screeningAdviceSubmittedV1,
  screeningStartedV1,
  type benefitEndReasons,
  type dropoutReasons,
  type IntegrationEventDefinition,
  type PlacementContractType,
  type trajectoryPhases,
} from '@wcc/contracts';
import { prng } from '@wcc/domain-kit';
import { emptyTrajectory, evolveTrajectory, type ProjectId, type Trajectory } from '@wcc/outcomes-domain';
import { factReaders } from '../integration/fact-readers';
import { projectOf } from '../persistence/outcomes-store';

export interface CohortEvent {
  readonly id: string;
  readonly definition: IntegrationEventDefinition<unknown>;
  readonly data: Record<string, unknown>;
}

type TrajectoryPhase = (typeof trajectoryPhases)[number];
type DropoutReason = (typeof dropoutReasons)[number];
type BenefitEndReason = (typeof benefitEndReasons)[number];

export interface ClientPlan {
  readonly index: number;
  readonly caseId: string;
  readonly clientKey: string;
  readonly project: ProjectId;
  readonly municipalityId: string;
  readonly startedOn: string;
  readonly researchConsent: boolean;
  readonly researchWithdrawn: boolean;
  readonly accepted: boolean;
  readonly benefitType: 'wwb' | 'wajong' | 'wia' | 'none';
  readonly jobs: readonly { readonly startDate: string; readonly endDate: string | null; readonly hoursPerWeek: number; readonly contractType?: PlacementContractType }[];
  readonly dropout: { readonly phase: TrajectoryPhase; readonly reasonCode: DropoutReason; readonly on: string } | null;
  readonly benefitEnded: { readonly reasonCode: BenefitEndReason; readonly on: string } | null;
  readonly zrmBaseline: number;
  readonly zrm6m: number | null;
}

const careProviderOf: Record<ProjectId, string> = { 'vip-amsterdam': 'ggz-vip-amsterdam', 'ips-nhn': 'ggz-nhn', 'exit-rotterdam': 'parnassia-bavo' };
const municipalityOf: Record<ProjectId, string> = { 'vip-amsterdam': 'gemeente-amsterdam', 'ips-nhn': 'gemeente-amsterdam', 'exit-rotterdam': 'gemeente-rotterdam' };
const projects: readonly ProjectId[] = ['vip-amsterdam', 'ips-nhn', 'exit-rotterdam'];

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const uuid = (kind: number, n: number) => `00000000-${kind.toString(16).padStart(4, '0')}-4000-8000-${n.toString(16).padStart(12, '0')}`;

export function planCohort(size: number, seed = 2015, firstStart = '2024-01-01'): ClientPlan[] {
  const random = prng(seed).next;
  return Array.from({ length: size }, (_, i) => {
    const project = projects[i % 3]!;
    const startedOn = addDays(firstStart, Math.floor(random() * 300));
    const workChance = project === 'vip-amsterdam' ? 0.5 : project === 'ips-nhn' ? 0.35 : 0.2;
    const accepted = random() < 0.9;
    const jobs: { startDate: string; endDate: string | null; hoursPerWeek: number }[] = [];
    if (accepted && random() < workChance) {
      const start = addDays(startedOn, 20 + Math.floor(random() * 320));
      const hours = [6, 16, 24, 32, 36][Math.floor(random() * 5)]!;
      const lost = random() < 0.4;
      const end = lost ? addDays(start, 60 + Math.floor(random() * 120)) : null;
      jobs.push({ startDate: start, endDate: end, hoursPerWeek: hours });
      if (end && random() < 0.5) jobs.push({ startDate: addDays(end, 30 + Math.floor(random() * 60)), endDate: null, hoursPerWeek: 24 });
    }
    const dropout =
      jobs.length === 0 && random() < 0.25
        ? {
            phase: random() < 0.5 ? ('screening' as const) : ('assessment' as const),
            reasonCode: (['motivation', 'care-advice', 'illness'] as const)[Math.floor(random() * 3)]!,
            on: addDays(startedOn, 40 + Math.floor(random() * 100)),
          }
        : null;
    const benefitType = (['wwb', 'wajong', 'wia', 'none'] as const)[project === 'exit-rotterdam' ? 0 : Math.floor(random() * 4)]!;
    const firstJob = jobs[0];
    const benefitEnded =
      benefitType !== 'none' && firstJob && firstJob.hoursPerWeek >= 32
        ? { reasonCode: random() < 0.7 ? ('employee' as const) : ('subsidised-work' as const), on: addDays(firstJob.startDate, 31) }
        : benefitType !== 'none' && !firstJob && random() < 0.08
          ? { reasonCode: 'moved' as const, on: addDays(startedOn, 200) }
          : null;
    const researchConsent = random() < 0.85;
    return {
      index: i,
      caseId: uuid(1, i),
      clientKey: `ck_outcomes${String(i).padStart(7, '0')}`,
      project,
      municipalityId: municipalityOf[project],
      startedOn,
      researchConsent,
      researchWithdrawn: researchConsent && random() < 0.05,
      accepted,
      benefitType,
      jobs,
      dropout,
      benefitEnded,
      zrmBaseline: 2 + Math.floor(random() * 3),
      zrm6m: dropout ? null : 2 + Math.floor(random() * 4),
    };
  });
}

function event(definition: IntegrationEventDefinition<unknown>, plan: ClientPlan, n: number, on: string, fields: Record<string, unknown>): CohortEvent {
  const merged: Record<string, unknown> = {
    ...(definition.example as Record<string, unknown>),
    caseId: plan.caseId,
    clientKey: plan.clientKey,
    occurredAt: `${on}T09:${String(n % 60).padStart(2, '0')}:00Z`,
    ...fields,
  };
  const data = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
  const checked = definition.validate(data);
  if (!checked.ok) throw new Error(`cohort fixture ${definition.name} does not fit its contract: ${JSON.stringify(checked)}`);
  return { id: uuid(2, plan.index * 64 + n), definition, data };
}

const zrmOf = (score: number) =>
  Object.fromEntries(
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
    ].map((d) => [d, score]),
  );

/** The events that tell one client's plan, in the order the producers would publish them. */
export function eventsOf(plan: ClientPlan, asOf: string): CohortEvent[] {
  let n = 0;
  const out: CohortEvent[] = [];
  const push = (definition: IntegrationEventDefinition<unknown>, on: string, fields: Record<string, unknown>) => {
    if (on <= asOf) out.push(event(definition, plan, n++, on, fields));
  };
  const referralId = uuid(3, plan.index);
  const careProvider = careProviderOf[plan.project];
  push(clientRegisteredV1, plan.startedOn, {
    municipalityId: plan.municipalityId,
    birthYear: 1980 + (plan.index % 20),
    sex: plan.index % 3 === 0 ? 'female' : 'male',
    education: (['low', 'mid', 'high'] as const)[plan.index % 3],
    benefitType: plan.benefitType,
    benefitMonthlyAmountCents: plan.benefitType === 'none' ? 0 : 90000,
  });
  push(caseOpenedV1, plan.startedOn, { municipalityId: plan.municipalityId });
  const chainConsent = {
    consentId: uuid(4, plan.index),
    purpose: 'chain-coordination',
    organisationTypes: ['municipality', 'care-provider', 'employer-network'],
    dataCategories: ['administrative', 'work'],
    validFrom: plan.startedOn,
  };
  push(consentGrantedV1, plan.startedOn, { ...chainConsent, recipients: undefined, validTo: undefined });
  const research = { consentId: uuid(5, plan.index), purpose: 'research', organisationTypes: ['municipality'], dataCategories: ['administrative', 'work', 'care-summary'] };
  if (plan.researchConsent) push(consentGrantedV1, plan.startedOn, { ...research, validFrom: plan.startedOn, recipients: undefined, validTo: undefined });
  push(participationMeasuredV1, addDays(plan.startedOn, 1), { moment: 'baseline', measuredOn: addDays(plan.startedOn, 1), ladderRung: 2, growthPotential: true, zrm: zrmOf(plan.zrmBaseline) });
  push(clientReferredV1, addDays(plan.startedOn, 2), {
    referralId,
    fromOrganisationId: plan.municipalityId,
    toOrganisationId: careProvider,
    toOrganisationType: 'care-provider',
    route: 'ggz-screening',
    replyDeadline: addDays(plan.startedOn, 16),
  });
  if (plan.accepted) {
    push(referralAcceptedV1, addDays(plan.startedOn, 5), { referralId, organisationId: careProvider, plannedStart: undefined });
    push(screeningStartedV1, addDays(plan.startedOn, 8), { referralId, organisationId: careProvider, startedOn: addDays(plan.startedOn, 8) });
    push(screeningAdviceSubmittedV1, addDays(plan.startedOn, 15), { adviceId: uuid(6, plan.index), referralId, organisationId: careProvider, reviewDate: addDays(plan.startedOn, 100) });
    if (plan.project !== 'exit-rotterdam') {
      for (let s = 1; s <= 8; s++)
        push(ipsIntakeSessionHeldV1, addDays(plan.startedOn, 15 + 7 * s), { referralId, organisationId: careProvider, sessionNumber: s, heldOn: addDays(plan.startedOn, 15 + 7 * s) });
    }
  }
  if (plan.jobs.length > 0) {
    push(employerNetworkReferralAcceptedV1, addDays(plan.startedOn, 18), { referralId: uuid(7, plan.index), organisationId: 'wsp-amsterdam', plannedStart: undefined });
  }
  if (plan.zrm6m !== null)
    push(participationMeasuredV1, addDays(plan.startedOn, 182), {
      moment: '6-months',
      measuredOn: addDays(plan.startedOn, 182),
      ladderRung: plan.jobs.length ? 6 : 3,
      growthPotential: true,
      zrm: zrmOf(plan.zrm6m),
    });
  plan.jobs.forEach((job, j) => {
    const placementId = uuid(8, plan.index * 4 + j);
    push(placementStartedV1, job.startDate, {
      placementId,
      organisationId: 'wsp-amsterdam',
      sequence: j + 1,
      contractType: job.contractType ?? 'temporary-12m',
      hoursPerWeek: job.hoursPerWeek,
      grossHourlyWageCents: 1416,
      wageSubsidy: false,
      jobCoach: true,
      startDate: job.startDate,
    });
    if (job.endDate) push(placementEndedV1, job.endDate, { placementId, organisationId: 'wsp-amsterdam', endDate: job.endDate, reason: 'contract-not-renewed' });
  });
  if (plan.dropout) push(droppedOutV1, plan.dropout.on, { phase: plan.dropout.phase, reasonCode: plan.dropout.reasonCode, droppedOutOn: plan.dropout.on });
  if (plan.benefitEnded) push(benefitEndedV1, plan.benefitEnded.on, { reasonCode: plan.benefitEnded.reasonCode, endedOn: plan.benefitEnded.on });
  if (plan.researchWithdrawn) push(consentWithdrawnV1, addDays(plan.startedOn, 250), { ...research, recipients: undefined });
  if (plan.dropout) push(caseClosedV1, addDays(plan.dropout.on, 1), { reasonCode: 'dropped-out' });
  // Events of one case, in time order (one relay per producer, but the times interleave).
  return out.sort((a, b) => String(a.data['occurredAt']).localeCompare(String(b.data['occurredAt'])));
}

/** The trajectories folded directly from cohort events (no bus, no database), each case's events in time order. */
export function foldCohortEvents(events: readonly CohortEvent[]): Trajectory[] {
  const byCase = new Map<string, Trajectory>();
  for (const e of [...events].sort((a, b) => String(a.data['occurredAt']).localeCompare(String(b.data['occurredAt'])))) {
    const reader = factReaders.get(e.definition.type);
    if (reader?.kind !== 'read') continue;
    const caseId = String(e.data['caseId']);
    byCase.set(caseId, evolveTrajectory(byCase.get(caseId) ?? emptyTrajectory(caseId, String(e.data['clientKey'])), reader.read(e.data), projectOf));
  }
  return [...byCase.values()].sort((a, b) => a.caseId.localeCompare(b.caseId));
}
