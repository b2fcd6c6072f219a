// Who produced each item of a case and to whom it was addressed. Most events name their
// organisation; a municipality event without one belongs to the case's municipality, an
// answer belongs with the referral it answers. Resolved over the whole case, because the
// referral an answer refers to may arrive after the answer (two topics, no shared order).
// What each event names is in its reader (readers/).
import { compareEntries, type CaseEntry, type ResolvedEntry } from './case-entry';
import { readItem } from './readers';

/** What the whole case says that other items' parties are resolved with. */
export interface CaseFacts {
  readonly municipalityId: string | null;
  /** referralId → the referring organisation. */
  readonly referrers: ReadonlyMap<string, string>;
  /** fundingRequestId → the requesting care provider. */
  readonly fundingRequesters: ReadonlyMap<string, string>;
  /** actionId → the organisation of the MDT action's owner. */
  readonly actionOwners: ReadonlyMap<string, string>;
}

/** The facts while they are being learned; the first municipality named is the case's. */
export interface CaseFactsLearned {
  municipalityId: string | null;
  readonly referrers: Map<string, string>;
  readonly fundingRequesters: Map<string, string>;
  readonly actionOwners: Map<string, string>;
}

function factsOf(entries: readonly CaseEntry[]): CaseFacts {
  const facts: CaseFactsLearned = { municipalityId: null, referrers: new Map(), fundingRequesters: new Map(), actionOwners: new Map() };
  for (const entry of [...entries].sort(compareEntries)) {
    const item = readItem(entry, entry.data);
    item?.reader.parties.learn?.(facts, item.d);
  }
  return facts;
}

/** The case's entries in case order, each with its producer and addressees. */
export function resolveParties(entries: readonly CaseEntry[]): ResolvedEntry[] {
  const facts = factsOf(entries);
  return [...entries].sort(compareEntries).map((entry) => {
    const item = readItem(entry, entry.data);
    const producerOrganisationId = item?.reader.parties.producedBy(item.d, facts) ?? null;
    const addressees = item?.reader.parties.addressees?.(item.d, facts) ?? [];
    const addresseeOrganisationIds = [...new Set(addressees.filter((id): id is string => typeof id === 'string' && id !== ''))].sort().filter((id) => id !== producerOrganisationId);
    return { ...entry, producerOrganisationId, addresseeOrganisationIds };
  });
}
