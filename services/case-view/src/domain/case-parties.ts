// Who produced each item of a case and to whom it was addressed. Most events name their
// organisation; a municipality event without one belongs to the case's municipality, an
// answer belongs with the referral it answers. Resolved over the whole case, because the
// referral an answer refers to may arrive after the answer (two topics, no shared order).
import { compareEntries, keyOf, type CaseEntry, type ResolvedEntry } from './case-entry';
import { record, records, str, type EventData } from './data-readers';

/** An action's owner, flat (`ownerOrganisationId`) or nested (`owner: { organisationId }`). */
export function ownerOrganisationOf(d: EventData): string | undefined {
  return str(d, 'ownerOrganisationId') ?? str(record(d['owner']) ?? {}, 'organisationId');
}

export function ownerUserOf(d: EventData): string | undefined {
  return str(d, 'ownerUserId') ?? str(record(d['owner']) ?? {}, 'userId');
}

interface CaseContext {
  readonly municipalityId: string | null;
  /** referralId → the referring organisation. */
  readonly referrers: ReadonlyMap<string, string>;
  /** fundingRequestId → the requesting care provider. */
  readonly fundingRequesters: ReadonlyMap<string, string>;
  /** actionId → the organisation of the MDT action's owner. */
  readonly actionOwners: ReadonlyMap<string, string>;
}

function contextOf(entries: readonly CaseEntry[]): CaseContext {
  let municipalityId: string | null = null;
  const referrers = new Map<string, string>();
  const fundingRequesters = new Map<string, string>();
  const actionOwners = new Map<string, string>();
  for (const entry of [...entries].sort(compareEntries)) {
    const d = entry.data;
    switch (keyOf(entry)) {
      case 'municipality:CaseOpened':
      case 'municipality:ClientRegistered':
        municipalityId ??= str(d, 'municipalityId') ?? null;
        break;
      case 'municipality:ClientReferred': {
        const referralId = str(d, 'referralId');
        const from = str(d, 'fromOrganisationId');
        if (referralId && from) referrers.set(referralId, from);
        municipalityId ??= from ?? null;
        break;
      }
      case 'municipality:RegieAssigned':
        municipalityId ??= str(d, 'ownerOrganisationId') ?? null;
        break;
      case 'care-provider:CareFundingRequested': {
        const id = str(d, 'fundingRequestId');
        const by = str(d, 'organisationId');
        if (id && by) fundingRequesters.set(id, by);
        break;
      }
      case 'municipality:ReviewActionAssigned': {
        const id = str(d, 'actionId');
        const owner = ownerOrganisationOf(d);
        if (id && owner) actionOwners.set(id, owner);
        break;
      }
      default:
        break;
    }
  }
  return { municipalityId, referrers, fundingRequesters, actionOwners };
}

/** The municipality a municipality event names itself; most name none and belong to the case's. */
function municipalityOf(entry: CaseEntry): string | undefined {
  const d = entry.data;
  switch (keyOf(entry)) {
    case 'municipality:ClientReferred':
      return str(d, 'fromOrganisationId');
    case 'municipality:ClientRegistered':
    case 'municipality:CaseOpened':
      return str(d, 'municipalityId');
    case 'municipality:RegieAssigned':
      return str(d, 'ownerOrganisationId');
    case 'municipality:RegieTransferred':
      return str(d, 'toOrganisationId');
    case 'municipality:CaseReviewScheduled':
      return str(d, 'chairOrganisationId');
    default:
      return undefined;
  }
}

function producerOf(entry: CaseEntry, context: CaseContext): string | null {
  const d = entry.data;
  switch (entry.producer) {
    case 'municipality':
      return municipalityOf(entry) ?? context.municipalityId;
    case 'care-provider':
    case 'employer-network':
      return str(d, 'organisationId') ?? null;
    case 'insurer':
      return str(d, 'insurerId', 'organisationId') ?? null;
  }
}

function addresseesOf(entry: CaseEntry, context: CaseContext): string[] {
  const d = entry.data;
  const referrer = () => {
    const referralId = str(d, 'referralId');
    return referralId ? context.referrers.get(referralId) : undefined;
  };
  const found: (string | undefined | null)[] = [];
  switch (keyOf(entry)) {
    // The referral is addressed to the organisation it refers to.
    case 'municipality:ClientReferred':
      found.push(str(d, 'toOrganisationId'));
      break;
    // Answers, the screening of a referral and its advice, and matching go back to the referrer.
    case 'care-provider:ReferralAccepted':
    case 'care-provider:ReferralDeclined':
    case 'care-provider:ScreeningStarted':
    case 'care-provider:ScreeningAdviceSubmitted':
    case 'employer-network:ReferralAccepted':
    case 'employer-network:ReferralDeclined':
    case 'employer-network:MatchingStatusChanged':
      found.push(referrer());
      break;
    // A placement is published so the municipality can adjust the benefit.
    case 'employer-network:PlacementStarted':
    case 'employer-network:PlacementReviewed':
    case 'employer-network:PlacementEnded':
      found.push(context.municipalityId);
      break;
    // Funding requests and claims go to the insurer; its answers to the requester.
    case 'care-provider:CareFundingRequested':
    case 'care-provider:CareClaimSubmitted':
      found.push(str(d, 'insurerId'));
      break;
    case 'insurer:CareFundingGranted':
    case 'insurer:CareFundingRefused':
    case 'insurer:CareClaimSettled':
    case 'insurer:CareClaimRejected': {
      const id = str(d, 'fundingRequestId');
      found.push(id ? context.fundingRequesters.get(id) : undefined);
      break;
    }
    // Who attended an MDT review took part in it; an action's owner was told of it.
    case 'municipality:CaseReviewHeld':
      for (const attendee of records(d, 'attendees') ?? []) found.push(str(attendee, 'organisationId'));
      break;
    case 'municipality:ReviewActionAssigned':
      found.push(ownerOrganisationOf(d));
      break;
    case 'municipality:ReviewActionClosed': {
      const id = str(d, 'actionId');
      found.push(ownerOrganisationOf(d) ?? (id ? context.actionOwners.get(id) : undefined));
      break;
    }
    default:
      break;
  }
  return [...new Set(found.filter((id): id is string => typeof id === 'string' && id !== ''))].sort();
}

/** The case's entries in case order, each with its producer and addressees. */
export function resolveParties(entries: readonly CaseEntry[]): ResolvedEntry[] {
  const context = contextOf(entries);
  return [...entries].sort(compareEntries).map((entry) => {
    const producerOrganisationId = producerOf(entry, context);
    const addresseeOrganisationIds = addresseesOf(entry, context).filter((id) => id !== producerOrganisationId);
    return { ...entry, producerOrganisationId, addresseeOrganisationIds };
  });
}
