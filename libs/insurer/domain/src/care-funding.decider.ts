// One funding request from request to last claim. The contract manager of the
// addressed insurer decides; the tariff caps what may be granted; claims are settled
// automatically when they fit the grant and rejected with a reason when they do not.
// A rejected claim is an event, not an error: the care provider must hear why.
import { assertNever, dateInAmsterdam, domainError, isDomainError, type CommandMetadata, type Decider, type DomainError } from '@wcc/domain-kit';
import type { CareFundingCommand, GrantCareFunding, RefuseCareFunding, RegisterCareFundingRequest, SubmitCareClaim } from './care-funding.commands';
import type { CareClaimRejected, CareFundingEvent, ClaimRejectionReason, FundingRefusalReason } from './care-funding.events';
import type { CoachedJob } from '@wcc/shared-kernel';
import { JOB_DETAILS_MISSING, jobCoachingRefusal, maxAmountFor, maxJobCoachingUnits, tariffOn, type FundedInstrument, type Tariff } from './tariffs';

export interface FundingRequest {
  readonly fundingRequestId: string;
  readonly caseId: string;
  readonly clientKey: string;
  readonly insurerId: string;
  readonly careProviderId: string;
  readonly instrument: FundedInstrument;
  readonly requestedUnits: number;
  readonly requestedAmountCents: number;
  readonly periodFrom: string;
  readonly periodTo: string;
  /** The job a job-coaching request is for (absent on requests received before it was asked). */
  readonly job?: CoachedJob;
}

export interface FundingGrant {
  readonly grantedUnits: number;
  readonly grantedAmountCents: number;
  readonly unitPriceCents?: number;
  readonly tariffVersion: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly decidedBy: string;
}

export interface ClaimRecord {
  readonly claimId: string;
  readonly outcome: 'settled' | 'rejected';
  readonly units: number;
  readonly amountCents: number;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly reason?: ClaimRejectionReason;
  readonly detail?: string;
}

export type CareFundingState =
  /** No request received (claims against an unknown id are still remembered, rejected). */
  | { readonly status: 'unknown'; readonly claims: readonly ClaimRecord[] }
  | { readonly status: 'requested'; readonly request: FundingRequest; readonly claims: readonly ClaimRecord[] }
  | { readonly status: 'granted'; readonly request: FundingRequest; readonly grant: FundingGrant; readonly claims: readonly ClaimRecord[] }
  | {
      readonly status: 'refused';
      readonly request: FundingRequest;
      readonly refusal: { readonly reasonCode: FundingRefusalReason; readonly reason: string; readonly decidedBy: string };
      readonly claims: readonly ClaimRecord[];
    };

export const CARE_FUNDING_STREAM = 'care-funding';

/** Units and cents settled so far, and what of the grant is left. */
export function budgetOf(grant: Pick<FundingGrant, 'grantedUnits' | 'grantedAmountCents'>, claims: readonly ClaimRecord[]) {
  const settled = claims.filter((c) => c.outcome === 'settled');
  const settledUnits = settled.reduce((sum, c) => sum + c.units, 0);
  const settledAmountCents = settled.reduce((sum, c) => sum + c.amountCents, 0);
  return {
    settledUnits,
    settledAmountCents,
    remainingUnits: grant.grantedUnits - settledUnits,
    remainingAmountCents: grant.grantedAmountCents - settledAmountCents,
  };
}

export function euros(cents: number): string {
  return `€${(cents / 100).toFixed(2)}`;
}

function register(command: RegisterCareFundingRequest, state: CareFundingState): readonly CareFundingEvent[] | DomainError {
  // The same request delivered again changes nothing.
  if (state.status !== 'unknown') return [];
  const d = command.data;
  if (d.periodTo < d.periodFrom) return domainError('invalid', 'period-reversed', `The requested period ends (${d.periodTo}) before it starts (${d.periodFrom}).`, '/periodTo');
  const received: CareFundingEvent = { type: 'CareFundingRequestReceived', data: { ...d } };
  // Job coaching the tariff's rule cannot fund for this job at all is refused on arrival, so
  // the care provider hears why at once; the tariff is the one the grant would be checked against.
  const found = d.instrument === 'job-coaching' ? tariffOn(d.instrument, d.periodFrom) : undefined;
  const refusal = found?.tariff.jobCoachingRule ? jobCoachingRefusal(found.tariff.jobCoachingRule, d.job, d.periodFrom, d.periodTo) : undefined;
  if (!found || !refusal) return [received];
  const { fundingRequestId, caseId, clientKey, insurerId, careProviderId, instrument } = d;
  return [
    received,
    {
      type: 'CareFundingRefused',
      data: { fundingRequestId, caseId, clientKey, insurerId, careProviderId, instrument, reasonCode: refusal.reasonCode, reason: refusal.reason, decidedBy: `tariff:${found.version}` },
    },
  ];
}

/** The most units a grant under `tariff` may fund for this request over its period, or why it may fund none. */
function unitCap(tariff: Tariff, version: string, request: FundingRequest, grant: GrantCareFunding['data']): { maxUnits: number; basis: string } | DomainError {
  const rule = tariff.jobCoachingRule;
  if (rule === undefined) return { maxUnits: tariff.maxUnits, basis: 'per grant' };
  const { job } = request;
  const refusal = jobCoachingRefusal(rule, job, grant.periodFrom, grant.periodTo);
  if (refusal === undefined && job !== undefined) {
    const { maxUnits, basis } = maxJobCoachingUnits(rule, job, grant.periodFrom, grant.periodTo);
    return { maxUnits, basis: `for this job from ${grant.periodFrom} to ${grant.periodTo}: ${basis}, rounded down` };
  }
  const why = refusal ?? JOB_DETAILS_MISSING;
  if (why.reasonCode === 'outside-coaching-years') return domainError('invalid', why.reasonCode, why.reason, '/periodFrom');
  // A request the rule funds none of is refused on arrival; one received before the job was asked for is still open: refuse it.
  return domainError('conflict', why.reasonCode, `Tariff ${version} funds none of this request. ${why.reason} Refuse it with reason ${why.reasonCode}.`);
}

function addressedInsurer(state: CareFundingState, metadata: CommandMetadata, verb: string): DomainError | undefined {
  if (state.status === 'unknown') return domainError('not-found', 'care-funding-not-found', 'No funding request with this id is known.');
  const { actor } = metadata;
  if (actor.organisationType !== 'insurer' || actor.organisationId !== state.request.insurerId) {
    return domainError('forbidden', 'not-the-addressed-insurer', `Only the insurer the request is addressed to may ${verb} it.`);
  }
  if (state.status !== 'requested') return domainError('conflict', 'care-funding-already-decided', `This funding request was already ${state.status}.`);
  return undefined;
}

function grant(command: GrantCareFunding, state: CareFundingState, metadata: CommandMetadata): readonly CareFundingEvent[] | DomainError {
  // A retried request (same Idempotency-Key) never reaches the decider: the command path answers it with the first grant.
  const refused = addressedInsurer(state, metadata, 'grant');
  if (refused) return refused;
  if (state.status !== 'requested') return domainError('conflict', 'care-funding-already-decided', 'This funding request was already decided.');
  const { request } = state;
  const d = command.data;
  if (d.periodTo < d.periodFrom) return domainError('invalid', 'period-reversed', `The funded period ends (${d.periodTo}) before it starts (${d.periodFrom}).`, '/periodTo');
  const found = tariffOn(request.instrument, d.periodFrom);
  if (!found) return domainError('invalid', 'no-tariff', `No tariff for ${request.instrument} applies on ${d.periodFrom}.`, '/periodFrom');
  const { tariff, version } = found;
  const cap = unitCap(tariff, version, request, d);
  if (isDomainError(cap)) return cap;
  if (d.grantedUnits > cap.maxUnits) {
    return domainError(
      'invalid',
      'above-tariff-cap',
      `Tariff ${version} funds at most ${cap.maxUnits} ${tariff.unit}(s) of ${request.instrument} ${cap.basis}; ${d.grantedUnits} asked.`,
      '/grantedUnits',
    );
  }
  if (d.grantedUnits > request.requestedUnits) {
    return domainError('invalid', 'above-requested', `The care provider requested ${request.requestedUnits} unit(s); a grant cannot exceed the request.`, '/grantedUnits');
  }
  const amountCap = maxAmountFor(tariff, d.grantedUnits);
  let amount = d.grantedAmountCents;
  if (amount === undefined) {
    if (tariff.unitPriceCents === undefined) {
      return domainError('invalid', 'amount-required', `${request.instrument} has no unit price in tariff ${version}: state the granted amount.`, '/grantedAmountCents');
    }
    amount = Math.min(tariff.unitPriceCents * d.grantedUnits, request.requestedAmountCents);
  }
  if (amountCap !== undefined && amount > amountCap) {
    return domainError(
      'invalid',
      'above-tariff-cap',
      `Tariff ${version} allows at most ${euros(amountCap)} for ${d.grantedUnits} unit(s) of ${request.instrument}; ${euros(amount)} asked.`,
      '/grantedAmountCents',
    );
  }
  if (amount > request.requestedAmountCents) {
    return domainError('invalid', 'above-requested', `The care provider requested ${euros(request.requestedAmountCents)}; a grant cannot exceed the request.`, '/grantedAmountCents');
  }
  return [
    {
      type: 'CareFundingGranted',
      data: {
        fundingRequestId: request.fundingRequestId,
        caseId: request.caseId,
        clientKey: request.clientKey,
        insurerId: request.insurerId,
        careProviderId: request.careProviderId,
        instrument: request.instrument,
        grantedUnits: d.grantedUnits,
        grantedAmountCents: amount,
        ...(tariff.unitPriceCents === undefined ? {} : { unitPriceCents: tariff.unitPriceCents }),
        tariffVersion: version,
        periodFrom: d.periodFrom,
        periodTo: d.periodTo,
        decidedBy: metadata.actor.userId,
      },
    },
  ];
}

function refuse(command: RefuseCareFunding, state: CareFundingState, metadata: CommandMetadata): readonly CareFundingEvent[] | DomainError {
  const refused = addressedInsurer(state, metadata, 'refuse');
  const repeated =
    state.status === 'refused' && state.refusal.decidedBy === metadata.actor.userId && state.refusal.reasonCode === command.data.reasonCode && state.refusal.reason === command.data.reason.trim();
  if (refused) return repeated ? [] : refused;
  if (state.status !== 'requested') return domainError('conflict', 'care-funding-already-decided', 'This funding request was already decided.');
  const { request } = state;
  if (command.data.reason.trim() === '') return domainError('invalid', 'reason-required', 'A refusal needs a reason for the care provider.', '/reason');
  return [
    {
      type: 'CareFundingRefused',
      data: {
        fundingRequestId: request.fundingRequestId,
        caseId: request.caseId,
        clientKey: request.clientKey,
        insurerId: request.insurerId,
        careProviderId: request.careProviderId,
        instrument: request.instrument,
        reasonCode: command.data.reasonCode,
        reason: command.data.reason.trim(),
        decidedBy: metadata.actor.userId,
      },
    },
  ];
}

/** Why a claim cannot be settled against this state, or undefined when it can. */
function claimProblem(claim: SubmitCareClaim['data'], state: CareFundingState): { reason: ClaimRejectionReason; detail: string } | undefined {
  switch (state.status) {
    case 'unknown':
      return { reason: 'not-granted', detail: `No funding request ${claim.fundingRequestId} is known to this insurer.` };
    case 'requested':
      return { reason: 'not-granted', detail: 'The funding request has not been decided yet.' };
    case 'refused':
      return { reason: 'not-granted', detail: `The funding request was refused (${state.refusal.reasonCode}).` };
    case 'granted':
      break;
    default:
      return assertNever(state);
  }
  const { grant, request } = state;
  if (claim.insurerId !== request.insurerId) return { reason: 'not-granted', detail: `The funding request is addressed to ${request.insurerId}, not to ${claim.insurerId}.` };
  if (claim.careProviderId !== request.careProviderId) return { reason: 'not-granted', detail: `The funding was granted to ${request.careProviderId}, not to ${claim.careProviderId}.` };
  if (claim.periodTo < claim.periodFrom) return { reason: 'invalid-period', detail: `The claimed period ends (${claim.periodTo}) before it starts (${claim.periodFrom}).` };
  if (claim.instrument !== request.instrument) return { reason: 'instrument-mismatch', detail: `Funding was granted for ${request.instrument}, the claim is for ${claim.instrument}.` };
  if (claim.periodFrom < grant.periodFrom || claim.periodTo > grant.periodTo) {
    return { reason: 'outside-period', detail: `The claim covers ${claim.periodFrom}–${claim.periodTo}; funding covers ${grant.periodFrom}–${grant.periodTo}.` };
  }
  if (grant.unitPriceCents !== undefined && claim.amountCents > claim.units * grant.unitPriceCents) {
    return {
      reason: 'above-tariff',
      detail: `${claim.units} unit(s) at ${euros(grant.unitPriceCents)} come to at most ${euros(claim.units * grant.unitPriceCents)}; ${euros(claim.amountCents)} claimed.`,
    };
  }
  const budget = budgetOf(grant, state.claims);
  if (budget.settledUnits + claim.units > grant.grantedUnits || budget.settledAmountCents + claim.amountCents > grant.grantedAmountCents) {
    return {
      reason: 'over-budget',
      detail:
        `Settled ${budget.settledUnits} of ${grant.grantedUnits} unit(s) and ${euros(budget.settledAmountCents)} of ${euros(grant.grantedAmountCents)}; ` +
        `this claim of ${claim.units} unit(s), ${euros(claim.amountCents)}, would exceed the grant.`,
    };
  }
  return undefined;
}

function submitClaim(command: SubmitCareClaim, state: CareFundingState, metadata: CommandMetadata): readonly CareFundingEvent[] {
  const claim = command.data;
  // A claim is answered once; the same claim again changes nothing.
  if (state.claims.some((c) => c.claimId === claim.claimId)) return [];
  // The answer goes to the care provider that claimed.
  const ref = { fundingRequestId: claim.fundingRequestId, caseId: claim.caseId, clientKey: claim.clientKey, claimId: claim.claimId, careProviderId: claim.careProviderId };
  const facts = { instrument: claim.instrument, units: claim.units, amountCents: claim.amountCents, periodFrom: claim.periodFrom, periodTo: claim.periodTo };
  const problem = claimProblem(claim, state);
  if (problem || state.status !== 'granted') {
    const rejected: CareClaimRejected = {
      type: 'CareClaimRejected',
      data: {
        ...ref,
        insurerId: claim.insurerId,
        ...facts,
        ...(problem ?? { reason: 'not-granted', detail: 'The funding request is not granted.' }),
      },
    };
    return [rejected];
  }
  const budget = budgetOf(state.grant, state.claims);
  return [
    {
      type: 'CareClaimSettled',
      data: {
        ...ref,
        insurerId: state.request.insurerId,
        ...facts,
        settledOn: dateInAmsterdam(metadata.now),
        remainingUnits: budget.remainingUnits - claim.units,
        remainingAmountCents: budget.remainingAmountCents - claim.amountCents,
      },
    },
  ];
}

function requestOf(event: Extract<CareFundingEvent, { type: 'CareFundingRequestReceived' }>): FundingRequest {
  return { ...event.data };
}

export const careFundingDecider: Decider<CareFundingCommand, CareFundingEvent, CareFundingState> = {
  streamType: CARE_FUNDING_STREAM,
  initialState: () => ({ status: 'unknown', claims: [] }),

  decide(command, state, metadata) {
    switch (command.type) {
      case 'RegisterCareFundingRequest':
        return register(command, state);
      case 'GrantCareFunding':
        return grant(command, state, metadata);
      case 'RefuseCareFunding':
        return refuse(command, state, metadata);
      case 'SubmitCareClaim':
        return submitClaim(command, state, metadata);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CareFundingRequestReceived':
        return state.status === 'unknown' ? { status: 'requested', request: requestOf(event), claims: state.claims } : state;
      case 'CareFundingGranted': {
        if (state.status !== 'requested') return state;
        const { grantedUnits, grantedAmountCents, unitPriceCents, tariffVersion, periodFrom, periodTo, decidedBy } = event.data;
        const grant: FundingGrant = {
          grantedUnits,
          grantedAmountCents,
          ...(unitPriceCents === undefined ? {} : { unitPriceCents }),
          tariffVersion,
          periodFrom,
          periodTo,
          decidedBy,
        };
        return { status: 'granted', request: state.request, grant, claims: state.claims };
      }
      case 'CareFundingRefused':
        if (state.status !== 'requested') return state;
        return { status: 'refused', request: state.request, refusal: { reasonCode: event.data.reasonCode, reason: event.data.reason, decidedBy: event.data.decidedBy }, claims: state.claims };
      case 'CareClaimSettled':
      case 'CareClaimRejected': {
        const d = event.data;
        const record: ClaimRecord = {
          claimId: d.claimId,
          outcome: event.type === 'CareClaimSettled' ? 'settled' : 'rejected',
          units: d.units,
          amountCents: d.amountCents,
          periodFrom: d.periodFrom,
          periodTo: d.periodTo,
          ...(event.type === 'CareClaimRejected' ? { reason: event.data.reason, detail: event.data.detail } : {}),
        };
        return { ...state, claims: [...state.claims, record] };
      }
      default:
        return assertNever(event);
    }
  },
};
