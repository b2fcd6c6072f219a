// The one picture of a case the MDT needs (report 002 §3.2.5: one accountable owner,
// continuity from referral to work and after): folded from a case's items in case
// order. Folded from ALL items it is the stored summary; folded from the items one
// viewer may see (their data already filtered) it is that viewer's summary — the same
// function, so a viewer can never be shown a summary value they could not see the
// source of. Nothing here depends on the time of folding; overdue flags are added by
// whoever knows today's date.
//
// Each event's step of the fold is in its reader (readers/); this file holds the state
// they fold into and what is derived from it at the end.
import { compareEntries, type CaseEntry } from './case-entry';
import { readItem } from './readers';
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
function advance(current: CasePhase | null, next: CasePhase, jobLoss: boolean): CasePhase {
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

/** The summary while it is being folded: what the readers' steps change, in case order. */
export class SummaryFold {
  clientKey: string | null = null;
  municipalityId: string | null = null;
  regie: CaseSummary['regie'] = null;
  phase: CasePhase | null = null;
  readonly measurements: (MeasurementSummary & { readonly at: string })[] = [];
  readonly referrals = new Map<string, ReferralSummary>();
  screeningAdvice: CaseSummary['screeningAdvice'] = null;
  ips: CaseSummary['ips'] = null;
  inTreatment: boolean | null = null;
  matching: CaseSummary['matching'] = null;
  readonly placements = new Map<string, PlacementSummary>();
  readonly funding = new Map<string, FundingSummary>();
  private readonly claimToRequest = new Map<string, string>();
  benefit: CaseSummary['benefit'] = null;
  ending: CaseSummary['ending'] = null;
  readonly consents = new Map<string, ConsentSummary>();
  readonly reviews = new Map<string, ReviewSummary>();
  readonly actions = new Map<string, ActionSummary>();

  advanceTo(next: CasePhase, options: { readonly jobLoss?: boolean } = {}): void {
    this.phase = advance(this.phase, next, options.jobLoss ?? false);
  }

  /** The referral as known so far, or an open one. */
  referral(id: string): ReferralSummary {
    return (
      this.referrals.get(id) ?? {
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
      }
    );
  }

  /** The funding request as known so far, or a pending one. */
  request(id: string): FundingSummary {
    return (
      this.funding.get(id) ?? {
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
      }
    );
  }

  /** A claim belongs to the request it names, else to the one an earlier event of the claim named. */
  updateClaim(requestId: string | undefined, claimId: string, change: (claim: FundingClaimSummary) => FundingClaimSummary): void {
    const id = requestId ?? this.claimToRequest.get(claimId);
    if (!id) return;
    const current = this.request(id);
    const existing = current.claims.find((c) => c.claimId === claimId) ?? { claimId, amountCents: null, status: 'submitted' as const, settledAmountCents: null, rejectionReason: null };
    this.claimToRequest.set(claimId, id);
    this.funding.set(id, { ...current, claims: [...current.claims.filter((c) => c.claimId !== claimId), change(existing)] });
  }

  /** The MDT review as known so far, or a scheduled one. */
  review(id: string): ReviewSummary {
    return (
      this.reviews.get(id) ?? {
        reviewId: id,
        status: 'scheduled',
        scheduledFor: null,
        chairUserId: null,
        heldOn: null,
        attendees: [],
        dataCategoriesDiscussed: [],
        decisionCount: null,
        cancellationReasonCode: null,
      }
    );
  }
}

export function summariseCase(caseId: string, items: readonly CaseEntry[]): CaseSummary {
  const entries = [...items].sort(compareEntries);
  const s = new SummaryFold();
  for (const entry of entries) {
    const clientKey = entry.data['clientKey'];
    if (typeof clientKey === 'string' && clientKey !== '') s.clientKey = clientKey;
    const item = readItem(entry, entry.data);
    item?.reader.summarise?.(s, item.d, entry);
  }

  const byMeasuredOn = [...s.measurements].sort((a, b) => (a.measuredOn ?? a.at).localeCompare(b.measuredOn ?? b.at) || a.at.localeCompare(b.at));
  const rungs = byMeasuredOn.filter((m) => m.ladderRung !== null);
  const latestRung = rungs.at(-1);
  const previousRung = rungs.at(-2)?.ladderRung ?? null;
  const zrms = byMeasuredOn.filter((m) => m.zrmAverage !== null);
  const latestZrm = zrms.at(-1)?.zrmAverage ?? null;
  const previousZrm = zrms.at(-2)?.zrmAverage ?? null;
  const requests = [...s.funding.values()].map((r) => ({ ...r, claims: [...r.claims].sort((a, b) => a.claimId.localeCompare(b.claimId)) }));

  return {
    caseId,
    clientKey: s.clientKey,
    municipalityId: s.municipalityId,
    regie: s.regie,
    phase: s.phase,
    ladder: latestRung ? { latest: stripAt(latestRung), previousRung, trend: trend(latestRung.ladderRung!, previousRung) } : null,
    zrm: latestZrm === null ? null : { latestAverage: latestZrm, previousAverage: previousZrm, trend: trend(latestZrm, previousZrm) },
    referrals: [...s.referrals.values()],
    screeningAdvice: s.screeningAdvice,
    ips: s.ips,
    inTreatment: s.inTreatment,
    matching: s.matching,
    placements: [...s.placements.values()].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0) || a.placementId.localeCompare(b.placementId)),
    funding: { status: fundingStatusOf(requests), requests },
    benefit: s.benefit,
    ending: s.ending,
    consents: [...s.consents.values()],
    reviews: [...s.reviews.values()],
    actions: [...s.actions.values()],
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
