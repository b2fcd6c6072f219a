// The one picture of a case the MDT needs (report 002 §3.2.5: one accountable owner,
// continuity from referral to work and after): folded from a case's items in case
// order. Folded from ALL items it is the stored summary; folded from the items one
// viewer may see (their data already filtered) it is that viewer's summary — the same
// function, so a viewer can never be shown a summary value they could not see the
// source of. Nothing here depends on the time of folding; overdue flags are added by
// whoever knows today's date.
import { compareEntries, keyOf, type CaseEntry } from './case-entry';
import { ownerOrganisationOf, ownerUserOf } from './case-parties';
import { bool, num, record, records, str, strings, type EventData } from './data-readers';
import type { IsoDate } from './vocabulary';

/**
 * Where the case stands in the chain, derived from what happened (the municipality
 * publishes its own phase only on dropout): registered → referred → screening →
 * advised → matching → working (job loss goes back to matching); dropped-out and closed end it.
 */
export const casePhases = ['registered', 'referred', 'screening', 'advised', 'matching', 'working', 'dropped-out', 'closed'] as const;
export type CasePhase = (typeof casePhases)[number];

export type Trend = 'up' | 'down' | 'same';

export interface ReferralSummary {
  readonly referralId: string;
  readonly toOrganisationId: string | null;
  readonly toOrganisationType: string | null;
  /** A care summary: only there when the viewer may see it. */
  readonly route: string | null;
  readonly referredAt: string | null;
  readonly replyDeadline: IsoDate | null;
  readonly status: 'open' | 'accepted' | 'declined';
  readonly answeredAt: string | null;
  readonly answeredBy: string | null;
  readonly declineReasonCode: string | null;
  readonly declineReason: string | null;
}

export interface MeasurementSummary {
  readonly moment: string | null;
  readonly measuredOn: IsoDate | null;
  readonly ladderRung: number | null;
  readonly growthPotential: boolean | null;
  /** Mean of the 11 ZRM domain scores; a care summary. */
  readonly zrmAverage: number | null;
}

export interface PlacementSummary {
  readonly placementId: string;
  readonly organisationId: string | null;
  readonly sequence: number | null;
  readonly employerName: string | null;
  readonly role: string | null;
  readonly contractType: string | null;
  readonly hoursPerWeek: number | null;
  readonly startDate: IsoDate | null;
  readonly status: 'working' | 'ended';
  readonly lastReviewMonth: number | null;
  readonly stillWorking: boolean | null;
  readonly endDate: IsoDate | null;
  readonly endReason: string | null;
}

export interface FundingClaimSummary {
  readonly claimId: string;
  readonly amountCents: number | null;
  readonly status: 'submitted' | 'settled' | 'rejected';
  readonly settledAmountCents: number | null;
  readonly rejectionReason: string | null;
}

export interface FundingSummary {
  readonly fundingRequestId: string;
  readonly insurerId: string | null;
  readonly instrument: string | null;
  readonly requestedUnits: number | null;
  readonly requestedAmountCents: number | null;
  readonly decision: 'pending' | 'granted' | 'refused';
  readonly grantedUnits: number | null;
  readonly grantedAmountCents: number | null;
  readonly refusalReasonCode: string | null;
  readonly claims: readonly FundingClaimSummary[];
}

/** none: nothing requested; otherwise the state of the latest request. */
export type FundingStatus = 'none' | 'requested' | 'granted' | 'refused' | 'claimed' | 'settled';

/** An MDT review: the structure only; decision texts stay at the municipality. */
export interface ReviewSummary {
  readonly reviewId: string;
  readonly status: 'scheduled' | 'held' | 'cancelled';
  readonly scheduledFor: string | null;
  readonly chairUserId: string | null;
  readonly heldOn: IsoDate | null;
  readonly attendees: readonly { readonly userId: string | null; readonly organisationId: string | null; readonly organisationType: string | null }[];
  readonly dataCategoriesDiscussed: readonly string[];
  readonly decisionCount: number | null;
  readonly cancellationReasonCode: string | null;
}

/** An action agreed in an MDT review: who owns it and by when; what it is stays at the municipality. */
export interface ActionSummary {
  readonly actionId: string;
  readonly reviewId: string | null;
  readonly ownerUserId: string | null;
  readonly ownerOrganisationId: string | null;
  readonly ownerOrganisationType: string | null;
  readonly dueDate: IsoDate | null;
  readonly status: 'open' | 'closed';
  readonly closedOn: string | null;
  readonly outcome: string | null;
}

export interface ConsentSummary {
  readonly consentId: string;
  readonly purpose: string | null;
  readonly organisationTypes: readonly string[];
  readonly dataCategories: readonly string[];
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
  readonly status: 'granted' | 'withdrawn';
}

export interface CaseSummary {
  readonly caseId: string;
  readonly clientKey: string | null;
  readonly municipalityId: string | null;
  readonly regie: { readonly ownerUserId: string | null; readonly ownerOrganisationId: string | null; readonly since: string } | null;
  readonly phase: CasePhase | null;
  readonly ladder: { readonly latest: MeasurementSummary; readonly previousRung: number | null; readonly trend: Trend | null } | null;
  readonly zrm: { readonly latestAverage: number; readonly previousAverage: number | null; readonly trend: Trend | null } | null;
  readonly referrals: readonly ReferralSummary[];
  readonly screeningAdvice: {
    readonly adviceId: string | null;
    readonly organisationId: string | null;
    readonly advisedRoute: string | null;
    readonly workCapacityHoursPerWeek: number | null;
    readonly recommendedHoursPerWeek: number | null;
    readonly functionalLimitations: readonly string[];
    readonly contraIndications: boolean | null;
    readonly reviewDate: IsoDate | null;
    readonly submittedAt: string;
  } | null;
  readonly ips: { readonly jobCoachId: string | null; readonly organisationId: string | null; readonly intakeSessionsHeld: number } | null;
  readonly inTreatment: boolean | null;
  readonly matching: { readonly status: string | null; readonly organisationId: string | null; readonly since: string } | null;
  readonly placements: readonly PlacementSummary[];
  readonly funding: { readonly status: FundingStatus; readonly requests: readonly FundingSummary[] };
  readonly benefit: { readonly benefitType: string | null; readonly monthlyAmountCents: number | null; readonly status: 'running' | 'ended'; readonly endReasonCode: string | null } | null;
  readonly ending: { readonly kind: 'dropped-out' | 'closed'; readonly phase: string | null; readonly reasonCode: string | null; readonly on: string } | null;
  readonly consents: readonly ConsentSummary[];
  readonly reviews: readonly ReviewSummary[];
  readonly actions: readonly ActionSummary[];
  readonly itemCount: number;
  readonly lastItemAt: string | null;
}

const phaseRank: Readonly<Record<CasePhase, number>> = { registered: 0, referred: 1, screening: 2, advised: 3, matching: 4, working: 5, 'dropped-out': 6, closed: 7 };

/** Phases only move forward, except job loss (working → matching); closed ends everything. */
function advance(current: CasePhase | null, next: CasePhase, jobLoss = false): CasePhase {
  if (current === null) return next;
  if (current === 'closed') return current;
  if (current === 'dropped-out') return next === 'closed' ? next : current;
  if (jobLoss && current === 'working') return next;
  return phaseRank[next] > phaseRank[current] ? next : current;
}

function trend(latest: number, previous: number | null): Trend | null {
  if (previous === null) return null;
  return latest > previous ? 'up' : latest < previous ? 'down' : 'same';
}

function zrmAverageOf(d: EventData): number | null {
  const zrm = record(d['zrm']);
  if (!zrm) return null;
  const scores = Object.values(zrm).filter((v): v is number => typeof v === 'number');
  return scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export function summariseCase(caseId: string, items: readonly CaseEntry[]): CaseSummary {
  const entries = [...items].sort(compareEntries);
  let clientKey: string | null = null;
  let municipalityId: string | null = null;
  let regie = null as CaseSummary['regie'];
  let phase = null as CasePhase | null;
  const measurements: (MeasurementSummary & { readonly at: string })[] = [];
  const referrals = new Map<string, ReferralSummary>();
  let screeningAdvice = null as CaseSummary['screeningAdvice'];
  let ips = null as { jobCoachId: string | null; organisationId: string | null; intakeSessionsHeld: number } | null;
  let inTreatment = null as boolean | null;
  let matching = null as CaseSummary['matching'];
  const placements = new Map<string, PlacementSummary>();
  const funding = new Map<string, FundingSummary>();
  const claimToRequest = new Map<string, string>();
  let benefit = null as CaseSummary['benefit'];
  let ending = null as CaseSummary['ending'];
  const consents = new Map<string, ConsentSummary>();
  const reviews = new Map<string, ReviewSummary>();
  const actions = new Map<string, ActionSummary>();

  const referral = (id: string): ReferralSummary =>
    referrals.get(id) ?? {
      referralId: id,
      toOrganisationId: null,
      toOrganisationType: null,
      route: null,
      referredAt: null,
      replyDeadline: null,
      status: 'open',
      answeredAt: null,
      answeredBy: null,
      declineReasonCode: null,
      declineReason: null,
    };
  const request = (id: string): FundingSummary =>
    funding.get(id) ?? {
      fundingRequestId: id,
      insurerId: null,
      instrument: null,
      requestedUnits: null,
      requestedAmountCents: null,
      decision: 'pending',
      grantedUnits: null,
      grantedAmountCents: null,
      refusalReasonCode: null,
      claims: [],
    };
  const updateClaim = (requestId: string | undefined, claimId: string, change: (claim: FundingClaimSummary) => FundingClaimSummary) => {
    const id = requestId ?? claimToRequest.get(claimId);
    if (!id) return;
    const current = request(id);
    const existing = current.claims.find((c) => c.claimId === claimId) ?? { claimId, amountCents: null, status: 'submitted' as const, settledAmountCents: null, rejectionReason: null };
    claimToRequest.set(claimId, id);
    funding.set(id, { ...current, claims: [...current.claims.filter((c) => c.claimId !== claimId), change(existing)] });
  };
  const review = (id: string): ReviewSummary =>
    reviews.get(id) ?? {
      reviewId: id,
      status: 'scheduled',
      scheduledFor: null,
      chairUserId: null,
      heldOn: null,
      attendees: [],
      dataCategoriesDiscussed: [],
      decisionCount: null,
      cancellationReasonCode: null,
    };

  for (const entry of entries) {
    const d = entry.data;
    clientKey = str(d, 'clientKey') ?? clientKey;
    switch (keyOf(entry)) {
      case 'municipality:ClientRegistered':
        municipalityId ??= orNull(str(d, 'municipalityId'));
        if (str(d, 'benefitType') !== undefined || num(d, 'benefitMonthlyAmountCents') !== undefined) {
          benefit = { benefitType: orNull(str(d, 'benefitType')), monthlyAmountCents: orNull(num(d, 'benefitMonthlyAmountCents')), status: 'running', endReasonCode: null };
        }
        phase = advance(phase, 'registered');
        break;
      case 'municipality:CaseOpened':
        municipalityId = str(d, 'municipalityId') ?? municipalityId;
        phase = advance(phase, 'registered');
        break;
      case 'municipality:RegieAssigned':
        regie = { ownerUserId: orNull(str(d, 'ownerUserId')), ownerOrganisationId: orNull(str(d, 'ownerOrganisationId')), since: entry.occurredAt };
        break;
      case 'municipality:RegieTransferred':
        regie = { ownerUserId: orNull(str(d, 'toUserId')), ownerOrganisationId: orNull(str(d, 'toOrganisationId')), since: entry.occurredAt };
        break;
      case 'municipality:ConsentGranted':
      case 'municipality:ConsentWithdrawn': {
        const id = str(d, 'consentId');
        if (!id) break;
        const known = consents.get(id);
        const granted = entry.name === 'ConsentGranted';
        consents.set(id, {
          consentId: id,
          purpose: str(d, 'purpose') ?? known?.purpose ?? null,
          organisationTypes: strings(d, 'organisationTypes') ?? known?.organisationTypes ?? [],
          dataCategories: strings(d, 'dataCategories') ?? known?.dataCategories ?? [],
          validFrom: granted ? orNull(str(d, 'validFrom')) : (known?.validFrom ?? null),
          validTo: granted ? orNull(str(d, 'validTo')) : (known?.validTo ?? null),
          status: granted && known?.status !== 'withdrawn' ? 'granted' : 'withdrawn',
        });
        break;
      }
      case 'municipality:ClientReferred': {
        const id = str(d, 'referralId');
        if (!id) break;
        const current = referral(id);
        referrals.set(id, {
          ...current,
          toOrganisationId: orNull(str(d, 'toOrganisationId')),
          toOrganisationType: orNull(str(d, 'toOrganisationType')),
          route: orNull(str(d, 'route')),
          referredAt: entry.occurredAt,
          replyDeadline: orNull(str(d, 'replyDeadline')),
        });
        municipalityId ??= orNull(str(d, 'fromOrganisationId'));
        phase = advance(phase, 'referred');
        break;
      }
      case 'care-provider:ReferralAccepted':
      case 'employer-network:ReferralAccepted':
      case 'care-provider:ReferralDeclined':
      case 'employer-network:ReferralDeclined': {
        const id = str(d, 'referralId');
        if (!id) break;
        const declined = entry.name === 'ReferralDeclined';
        referrals.set(id, {
          ...referral(id),
          status: declined ? 'declined' : 'accepted',
          answeredAt: entry.occurredAt,
          answeredBy: orNull(str(d, 'organisationId')),
          declineReasonCode: declined ? orNull(str(d, 'reasonCode')) : null,
          declineReason: declined ? orNull(str(d, 'reason')) : null,
        });
        if (!declined && entry.producer === 'employer-network') phase = advance(phase, 'matching');
        break;
      }
      case 'care-provider:ScreeningStarted':
        phase = advance(phase, 'screening');
        break;
      case 'care-provider:ScreeningAdviceSubmitted':
        screeningAdvice = {
          adviceId: orNull(str(d, 'adviceId')),
          organisationId: orNull(str(d, 'organisationId')),
          advisedRoute: orNull(str(d, 'advisedRoute')),
          workCapacityHoursPerWeek: orNull(num(d, 'workCapacityHoursPerWeek')),
          recommendedHoursPerWeek: orNull(num(d, 'recommendedHoursPerWeek')),
          functionalLimitations: strings(d, 'functionalLimitations') ?? [],
          contraIndications: orNull(bool(d, 'contraIndications')),
          reviewDate: orNull(str(d, 'reviewDate')),
          submittedAt: entry.occurredAt,
        };
        phase = advance(phase, 'advised');
        break;
      case 'care-provider:IpsJobCoachAssigned':
        ips = { jobCoachId: orNull(str(d, 'jobCoachId')), organisationId: orNull(str(d, 'organisationId')), intakeSessionsHeld: ips?.intakeSessionsHeld ?? 0 };
        break;
      case 'care-provider:IpsIntakeSessionHeld':
        ips = {
          jobCoachId: ips?.jobCoachId ?? null,
          organisationId: ips?.organisationId ?? orNull(str(d, 'organisationId')),
          intakeSessionsHeld: Math.max(ips?.intakeSessionsHeld ?? 0, num(d, 'sessionNumber') ?? 0),
        };
        break;
      case 'care-provider:TreatmentEpisodeStarted':
        inTreatment = true;
        break;
      case 'care-provider:TreatmentEpisodeEnded':
        inTreatment = false;
        break;
      case 'care-provider:CareFundingRequested': {
        const id = str(d, 'fundingRequestId');
        if (!id) break;
        funding.set(id, {
          ...request(id),
          insurerId: orNull(str(d, 'insurerId')),
          instrument: orNull(str(d, 'instrument')),
          requestedUnits: orNull(num(d, 'requestedUnits')),
          requestedAmountCents: orNull(num(d, 'requestedAmountCents')),
        });
        break;
      }
      case 'care-provider:CareClaimSubmitted': {
        const claimId = str(d, 'claimId');
        if (claimId) updateClaim(str(d, 'fundingRequestId'), claimId, (c) => ({ ...c, amountCents: orNull(num(d, 'amountCents')) }));
        break;
      }
      case 'insurer:CareFundingGranted':
      case 'insurer:CareFundingRefused': {
        const id = str(d, 'fundingRequestId');
        if (!id) break;
        const granted = entry.name === 'CareFundingGranted';
        const current = request(id);
        funding.set(id, {
          ...current,
          insurerId: current.insurerId ?? orNull(str(d, 'insurerId')),
          instrument: current.instrument ?? orNull(str(d, 'instrument')),
          decision: granted ? 'granted' : 'refused',
          grantedUnits: granted ? orNull(num(d, 'grantedUnits')) : null,
          grantedAmountCents: granted ? orNull(num(d, 'grantedAmountCents')) : null,
          refusalReasonCode: granted ? null : orNull(str(d, 'reasonCode')),
        });
        break;
      }
      case 'insurer:CareClaimSettled': {
        const claimId = str(d, 'claimId');
        if (claimId) updateClaim(str(d, 'fundingRequestId'), claimId, (c) => ({ ...c, status: 'settled', settledAmountCents: orNull(num(d, 'amountCents')) }));
        break;
      }
      case 'insurer:CareClaimRejected': {
        const claimId = str(d, 'claimId');
        if (claimId) updateClaim(str(d, 'fundingRequestId'), claimId, (c) => ({ ...c, status: 'rejected', rejectionReason: orNull(str(d, 'reason')) }));
        break;
      }
      case 'employer-network:MatchingStatusChanged': {
        const status = orNull(str(d, 'status'));
        matching = { status, organisationId: orNull(str(d, 'organisationId')), since: entry.occurredAt };
        if (status !== 'closed' && status !== 'placed') phase = advance(phase, 'matching', status === 'reopened');
        break;
      }
      case 'employer-network:PlacementStarted': {
        const id = str(d, 'placementId');
        if (!id) break;
        placements.set(id, {
          placementId: id,
          organisationId: orNull(str(d, 'organisationId')),
          sequence: orNull(num(d, 'sequence')),
          employerName: orNull(str(d, 'employerName')),
          role: orNull(str(d, 'role')),
          contractType: orNull(str(d, 'contractType')),
          hoursPerWeek: orNull(num(d, 'hoursPerWeek')),
          startDate: orNull(str(d, 'startDate')),
          status: placements.get(id)?.status ?? 'working',
          lastReviewMonth: placements.get(id)?.lastReviewMonth ?? null,
          stillWorking: placements.get(id)?.stillWorking ?? null,
          endDate: placements.get(id)?.endDate ?? null,
          endReason: placements.get(id)?.endReason ?? null,
        });
        phase = advance(phase, 'working');
        break;
      }
      case 'employer-network:PlacementReviewed': {
        const id = str(d, 'placementId');
        const current = id ? placements.get(id) : undefined;
        if (!id || !current) break;
        placements.set(id, { ...current, lastReviewMonth: orNull(num(d, 'reviewMonth')), stillWorking: orNull(bool(d, 'stillWorking')), hoursPerWeek: num(d, 'hoursPerWeek') ?? current.hoursPerWeek });
        break;
      }
      case 'employer-network:PlacementEnded': {
        const id = str(d, 'placementId');
        const current = id ? placements.get(id) : undefined;
        if (!id || !current) break;
        placements.set(id, { ...current, status: 'ended', endDate: orNull(str(d, 'endDate')), endReason: orNull(str(d, 'reason')) });
        if (![...placements.values()].some((p) => p.status === 'working')) phase = advance(phase, 'matching', true);
        break;
      }
      case 'municipality:ParticipationMeasured':
        measurements.push({
          moment: orNull(str(d, 'moment')),
          measuredOn: orNull(str(d, 'measuredOn')),
          ladderRung: orNull(num(d, 'ladderRung')),
          growthPotential: orNull(bool(d, 'growthPotential')),
          zrmAverage: zrmAverageOf(d),
          at: entry.occurredAt,
        });
        break;
      case 'municipality:BenefitAdjusted':
      case 'municipality:BenefitReapplied':
        benefit = { benefitType: orNull(str(d, 'benefitType')), monthlyAmountCents: orNull(num(d, 'benefitMonthlyAmountCents')), status: 'running', endReasonCode: null };
        break;
      case 'municipality:BenefitEnded':
        benefit = { benefitType: benefit?.benefitType ?? null, monthlyAmountCents: benefit?.monthlyAmountCents ?? null, status: 'ended', endReasonCode: orNull(str(d, 'reasonCode')) };
        break;
      case 'municipality:DroppedOut':
        if (ending?.kind !== 'closed') ending = { kind: 'dropped-out', phase: orNull(str(d, 'phase')), reasonCode: orNull(str(d, 'reasonCode')), on: str(d, 'droppedOutOn') ?? entry.occurredAt };
        phase = advance(phase, 'dropped-out');
        break;
      case 'municipality:CaseClosed':
        ending = { kind: 'closed', phase: ending?.phase ?? null, reasonCode: orNull(str(d, 'reasonCode')), on: entry.occurredAt };
        phase = advance(phase, 'closed');
        break;
      case 'municipality:CaseReviewScheduled': {
        const id = str(d, 'reviewId');
        if (!id) break;
        const known = review(id);
        reviews.set(id, { ...known, scheduledFor: orNull(str(d, 'scheduledFor')), chairUserId: orNull(str(d, 'chairUserId')) });
        break;
      }
      case 'municipality:CaseReviewHeld': {
        const id = str(d, 'reviewId');
        if (!id) break;
        reviews.set(id, {
          ...review(id),
          status: 'held',
          heldOn: str(d, 'heldOn') ?? entry.occurredAt.slice(0, 10),
          attendees: (records(d, 'attendees') ?? []).map((a) => ({ userId: orNull(str(a, 'userId')), organisationId: orNull(str(a, 'organisationId')), organisationType: orNull(str(a, 'organisationType')) })),
          dataCategoriesDiscussed: strings(d, 'dataCategoriesDiscussed') ?? [],
          decisionCount: orNull(num(d, 'decisionCount')),
        });
        break;
      }
      case 'municipality:CaseReviewCancelled': {
        const id = str(d, 'reviewId');
        if (!id) break;
        const known = review(id);
        // A review that was held is never cancelled; should one arrive anyway, the meeting stands.
        if (known.status !== 'held') reviews.set(id, { ...known, status: 'cancelled', cancellationReasonCode: orNull(str(d, 'reasonCode')) });
        break;
      }
      case 'municipality:ReviewActionAssigned': {
        const id = str(d, 'actionId');
        if (!id) break;
        const known = actions.get(id);
        actions.set(id, {
          actionId: id,
          reviewId: orNull(str(d, 'reviewId')),
          ownerUserId: orNull(ownerUserOf(d)),
          ownerOrganisationId: orNull(ownerOrganisationOf(d)),
          ownerOrganisationType: orNull(str(d, 'ownerOrganisationType')),
          dueDate: orNull(str(d, 'dueDate')),
          status: known?.status ?? 'open',
          closedOn: known?.closedOn ?? null,
          outcome: known?.outcome ?? null,
        });
        break;
      }
      case 'municipality:ReviewActionClosed': {
        const id = str(d, 'actionId');
        if (!id) break;
        const known = actions.get(id);
        actions.set(id, {
          actionId: id,
          reviewId: known?.reviewId ?? orNull(str(d, 'reviewId')),
          ownerUserId: known?.ownerUserId ?? null,
          ownerOrganisationId: known?.ownerOrganisationId ?? null,
          ownerOrganisationType: known?.ownerOrganisationType ?? null,
          dueDate: known?.dueDate ?? null,
          status: 'closed',
          closedOn: str(d, 'closedOn') ?? entry.occurredAt.slice(0, 10),
          outcome: orNull(str(d, 'outcome')),
        });
        break;
      }
      default:
        break;
    }
  }

  const byMeasuredOn = [...measurements].sort((a, b) => (a.measuredOn ?? a.at).localeCompare(b.measuredOn ?? b.at) || a.at.localeCompare(b.at));
  const rungs = byMeasuredOn.filter((m) => m.ladderRung !== null);
  const latestRung = rungs.at(-1);
  const previousRung = rungs.at(-2)?.ladderRung ?? null;
  const zrms = byMeasuredOn.filter((m) => m.zrmAverage !== null);
  const latestZrm = zrms.at(-1)?.zrmAverage ?? null;
  const previousZrm = zrms.at(-2)?.zrmAverage ?? null;
  const requests = [...funding.values()].map((r) => ({ ...r, claims: [...r.claims].sort((a, b) => a.claimId.localeCompare(b.claimId)) }));

  return {
    caseId,
    clientKey,
    municipalityId,
    regie,
    phase,
    ladder: latestRung ? { latest: stripAt(latestRung), previousRung, trend: trend(latestRung.ladderRung!, previousRung) } : null,
    zrm: latestZrm === null ? null : { latestAverage: latestZrm, previousAverage: previousZrm, trend: trend(latestZrm, previousZrm) },
    referrals: [...referrals.values()],
    screeningAdvice,
    ips,
    inTreatment,
    matching,
    placements: [...placements.values()].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0) || a.placementId.localeCompare(b.placementId)),
    funding: { status: fundingStatusOf(requests), requests },
    benefit,
    ending,
    consents: [...consents.values()],
    reviews: [...reviews.values()],
    actions: [...actions.values()],
    itemCount: entries.length,
    lastItemAt: entries.at(-1)?.occurredAt ?? null,
  };
}

function stripAt(m: MeasurementSummary & { readonly at: string }): MeasurementSummary {
  return { moment: m.moment, measuredOn: m.measuredOn, ladderRung: m.ladderRung, growthPotential: m.growthPotential, zrmAverage: m.zrmAverage };
}

function fundingStatusOf(requests: readonly FundingSummary[]): FundingStatus {
  const latest = requests.at(-1);
  if (!latest) return 'none';
  if (latest.decision !== 'granted') return latest.decision === 'pending' ? 'requested' : 'refused';
  if (latest.claims.length === 0) return 'granted';
  return latest.claims.every((c) => c.status === 'settled') ? 'settled' : 'claimed';
}

/** Referrals without an answer whose reply deadline has passed on `today`. */
export function isReferralOverdue(referral: ReferralSummary, today: IsoDate): boolean {
  return referral.status === 'open' && referral.replyDeadline !== null && referral.replyDeadline < today;
}

/** Open MDT actions whose due date has passed on `today`. */
export function isActionOverdue(action: ActionSummary, today: IsoDate): boolean {
  return action.status === 'open' && action.dueDate !== null && action.dueDate < today;
}
