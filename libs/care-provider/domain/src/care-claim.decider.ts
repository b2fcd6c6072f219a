// Decides care claims against granted funding. Checks what the provider can know
// itself (granted, same instrument, within the granted units and period); budget
// across claims is the insurer's to judge and comes back as CareClaimRejected.
import { assertNever, domainError, isDomainError, uuidV5, type CommandMetadata, type Decider, type DomainError } from '@wcc/domain-kit';
import type { CareClaimCommand, RecordCareClaimRejected, RecordCareClaimSettled, SubmitCareClaim } from './care-claim.commands';
import type { CareClaimEvent, CareClaimRef, CareClaimSubmitted } from './care-claim.events';
import { quantityProblem } from './care-funding.decider';

export type CareClaim = CareClaimSubmitted['data'];

export type CareClaimState =
  | { readonly status: 'none' }
  | { readonly status: 'submitted'; readonly claim: CareClaim }
  | { readonly status: 'settled'; readonly claim: CareClaim; readonly settledAmountCents: number; readonly settledOn: string }
  | { readonly status: 'rejected'; readonly claim: CareClaim; readonly reason: string; readonly detail: string };

type Decision = readonly CareClaimEvent[] | DomainError;

/** The claim id (and stream id) a SubmitCareClaim command creates. */
export function claimIdFor(commandId: string): string {
  return uuidV5(`${commandId}:care-claim`);
}

function refOf(claim: CareClaim): CareClaimRef {
  const { claimId, fundingRequestId, referralId, caseId, clientKey, organisationId, insurerId } = claim;
  return { claimId, fundingRequestId, referralId, caseId, clientKey, organisationId, insurerId };
}

function submit(command: SubmitCareClaim, state: CareClaimState, metadata: CommandMetadata): Decision {
  if (state.status !== 'none') return []; // the same command again
  const { funding, ...claim } = command.data;
  if (funding.status === 'none' || metadata.actor.organisationType !== 'care-provider' || funding.request.organisationId !== metadata.actor.organisationId) {
    return domainError('not-found', 'funding-request-not-found', 'There is no such funding request for your organisation.');
  }
  if (funding.status === 'requested') return domainError('conflict', 'funding-not-granted', 'The insurer has not granted this funding yet.');
  if (funding.status === 'refused') return domainError('conflict', 'funding-refused', 'The insurer refused this funding; nothing can be claimed on it.');
  if (claim.instrument !== funding.request.instrument) {
    return domainError('invalid', 'instrument-mismatch', `The funding is for ${funding.request.instrument}.`, '/instrument');
  }
  const problem = quantityProblem(claim);
  if (problem) return problem;
  const grant = funding.grant;
  if (claim.units > grant.grantedUnits) return domainError('invalid', 'more-than-granted', `Only ${grant.grantedUnits} unit(s) were granted.`, '/units');
  if (claim.periodFrom < grant.periodFrom) {
    return domainError('invalid', 'outside-granted-period', `The granted period starts on ${grant.periodFrom}.`, '/periodFrom');
  }
  if (claim.periodTo > grant.periodTo) return domainError('invalid', 'outside-granted-period', `The granted period ends on ${grant.periodTo}.`, '/periodTo');
  const r = funding.request;
  return [
    {
      type: 'CareClaimSubmitted',
      data: {
        claimId: claimIdFor(metadata.commandId),
        fundingRequestId: r.fundingRequestId,
        referralId: r.referralId,
        caseId: r.caseId,
        clientKey: r.clientKey,
        organisationId: r.organisationId,
        insurerId: r.insurerId,
        instrument: claim.instrument,
        units: claim.units,
        amountCents: claim.amountCents,
        periodFrom: claim.periodFrom,
        periodTo: claim.periodTo,
      },
    },
  ];
}

function answerable(state: CareClaimState, insurerId: string | undefined): Exclude<CareClaimState, { status: 'none' }> | DomainError {
  if (state.status === 'none') return domainError('not-found', 'claim-not-found', 'There is no such claim.');
  if (insurerId !== undefined && insurerId !== state.claim.insurerId) {
    return domainError('forbidden', 'not-the-claimed-insurer', `The claim was made to ${state.claim.insurerId}, not to ${insurerId}.`);
  }
  return state;
}

function recordSettled(command: RecordCareClaimSettled, state: CareClaimState): Decision {
  const own = answerable(state, command.data.insurerId);
  if (isDomainError(own)) return own;
  switch (own.status) {
    case 'settled':
      return [];
    case 'rejected':
      return domainError('conflict', 'claim-already-rejected', 'The insurer already rejected this claim.');
    case 'submitted':
      return [{ type: 'CareClaimSettled', data: { ...refOf(own.claim), amountCents: command.data.amountCents, settledOn: command.data.settledOn } }];
    default:
      return assertNever(own);
  }
}

function recordRejected(command: RecordCareClaimRejected, state: CareClaimState): Decision {
  const own = answerable(state, command.data.insurerId);
  if (isDomainError(own)) return own;
  switch (own.status) {
    case 'rejected':
      return [];
    case 'settled':
      return domainError('conflict', 'claim-already-settled', 'The insurer already settled this claim.');
    case 'submitted':
      return [{ type: 'CareClaimRejected', data: { ...refOf(own.claim), reason: command.data.reason, detail: command.data.detail } }];
    default:
      return assertNever(own);
  }
}

function evolve(state: CareClaimState, event: CareClaimEvent): CareClaimState {
  switch (event.type) {
    case 'CareClaimSubmitted':
      return { status: 'submitted', claim: event.data };
    case 'CareClaimSettled':
      if (state.status === 'none') return state;
      return { status: 'settled', claim: state.claim, settledAmountCents: event.data.amountCents, settledOn: event.data.settledOn };
    case 'CareClaimRejected':
      if (state.status === 'none') return state;
      return { status: 'rejected', claim: state.claim, reason: event.data.reason, detail: event.data.detail };
    default:
      return assertNever(event);
  }
}

export const careClaimDecider: Decider<CareClaimCommand, CareClaimEvent, CareClaimState> = {
  streamType: 'care-claim',
  initialState: () => ({ status: 'none' }),
  decide(command, state, metadata) {
    switch (command.type) {
      case 'SubmitCareClaim':
        return submit(command, state, metadata);
      case 'RecordCareClaimSettled':
        return recordSettled(command, state);
      case 'RecordCareClaimRejected':
        return recordRejected(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve,
};
