// What an item reveals, not only what it contains (AVG art. 9, DOMAIN.md): that a client
// was referred to a GGZ provider, is screened, has an IPS job coach, is in treatment, has
// care funded or claimed, or was discussed in an MDT review with a care provider at the
// table, is health data whatever the fields are called. An organisation type whose
// ceiling excludes care involvement (the employer network) never sees such an item, with
// or without consent; it gets what it needs to match and place.
//
// Decided per event; an event this table does not know reveals care (fail closed: a newly
// declared event is hidden from the employer network until someone classifies it).
import { eventKey, keyOf, type ResolvedEntry } from './case-entry';
import { ownerOrganisationOf } from './case-parties';
import { records, str, strings, type EventData } from './data-readers';

interface CareContext {
  /** MDT reviews with a care provider at the table or owning an action. */
  readonly reviewsWithCare: ReadonlySet<string>;
  /** Review actions owned by a care provider. */
  readonly careActions: ReadonlySet<string>;
}

type Rule = 'always' | 'never' | ((data: EventData, context: CareContext) => boolean);

const careType = 'care-provider';
const inReviewWithCare = (d: EventData, c: CareContext) => c.reviewsWithCare.has(str(d, 'reviewId') ?? '');

/** Per integration event: does its mere occurrence reveal GGZ involvement? */
export const careInvolvementRules: Readonly<Record<string, Rule>> = {
  [eventKey('municipality', 'ClientRegistered')]: 'never',
  [eventKey('municipality', 'CaseOpened')]: 'never',
  [eventKey('municipality', 'RegieAssigned')]: 'never',
  [eventKey('municipality', 'RegieTransferred')]: 'never',
  // A consent that names care providers says the client is (to be) in care.
  [eventKey('municipality', 'ConsentGranted')]: (d) =>
    (strings(d, 'organisationTypes') ?? []).includes(careType) || (records(d, 'recipients') ?? []).some((r) => str(r, 'organisationType') === careType),
  [eventKey('municipality', 'ConsentWithdrawn')]: (d) => (strings(d, 'organisationTypes') ?? []).includes(careType),
  [eventKey('municipality', 'ClientReferred')]: (d) => str(d, 'toOrganisationType') === careType,
  [eventKey('municipality', 'ParticipationMeasured')]: 'never',
  [eventKey('municipality', 'BenefitAdjusted')]: 'never',
  [eventKey('municipality', 'BenefitEnded')]: 'never',
  [eventKey('municipality', 'BenefitReapplied')]: 'never',
  // The dropout reason is a care summary field; the dropout itself says nothing of care.
  [eventKey('municipality', 'DroppedOut')]: 'never',
  [eventKey('municipality', 'CaseClosed')]: 'never',
  [eventKey('municipality', 'CaseReviewScheduled')]: inReviewWithCare,
  [eventKey('municipality', 'CaseReviewHeld')]: inReviewWithCare,
  [eventKey('municipality', 'CaseReviewCancelled')]: inReviewWithCare,
  // An action tells its owner what to do and by when; it reveals care only when a care
  // provider owns it (the review it came from stays hidden from whoever may not see that).
  [eventKey('municipality', 'ReviewActionAssigned')]: (d, c) => c.careActions.has(str(d, 'actionId') ?? ''),
  [eventKey('municipality', 'ReviewActionClosed')]: (d, c) => c.careActions.has(str(d, 'actionId') ?? ''),
  // Everything a GGZ care provider says about a client reveals that it is involved.
  [eventKey('care-provider', 'ReferralAccepted')]: 'always',
  [eventKey('care-provider', 'ReferralDeclined')]: 'always',
  [eventKey('care-provider', 'ScreeningStarted')]: 'always',
  [eventKey('care-provider', 'ScreeningAdviceSubmitted')]: 'always',
  [eventKey('care-provider', 'IpsJobCoachAssigned')]: 'always',
  [eventKey('care-provider', 'IpsIntakeSessionHeld')]: 'always',
  [eventKey('care-provider', 'TreatmentEpisodeStarted')]: 'always',
  [eventKey('care-provider', 'TreatmentEpisodeEnded')]: 'always',
  [eventKey('care-provider', 'CareFundingRequested')]: 'always',
  [eventKey('care-provider', 'CareClaimSubmitted')]: 'always',
  // The employer network's own work: matching and placements.
  [eventKey('employer-network', 'ReferralAccepted')]: 'never',
  [eventKey('employer-network', 'ReferralDeclined')]: 'never',
  [eventKey('employer-network', 'MatchingStatusChanged')]: 'never',
  [eventKey('employer-network', 'PlacementStarted')]: 'never',
  [eventKey('employer-network', 'PlacementReviewed')]: 'never',
  [eventKey('employer-network', 'PlacementEnded')]: 'never',
  // The insurer funds care: all it says is about care.
  [eventKey('insurer', 'CareFundingGranted')]: 'always',
  [eventKey('insurer', 'CareFundingRefused')]: 'always',
  [eventKey('insurer', 'CareClaimSettled')]: 'always',
  [eventKey('insurer', 'CareClaimRejected')]: 'always',
};

function contextOf(entries: readonly ResolvedEntry[]): CareContext {
  const reviewsWithCare = new Set<string>();
  const careActions = new Set<string>();
  for (const entry of entries) {
    const d = entry.data;
    const reviewId = str(d, 'reviewId');
    switch (keyOf(entry)) {
      case 'municipality:CaseReviewHeld':
        if (reviewId && (records(d, 'attendees') ?? []).some((a) => str(a, 'organisationType') === careType)) reviewsWithCare.add(reviewId);
        break;
      case 'municipality:ReviewActionAssigned': {
        const actionId = str(d, 'actionId');
        const ownedByCare = str(d, 'ownerOrganisationType') === careType || (ownerOrganisationOf(d) !== undefined && str(d, 'ownerOrganisationType') === undefined);
        if (ownedByCare && actionId) careActions.add(actionId);
        if (ownedByCare && reviewId) reviewsWithCare.add(reviewId);
        break;
      }
      default:
        break;
    }
  }
  return { reviewsWithCare, careActions };
}

/** The event ids of the items of one case whose occurrence reveals care involvement. */
export function careRevealingItems(entries: readonly ResolvedEntry[]): ReadonlySet<string> {
  const context = contextOf(entries);
  const found = new Set<string>();
  for (const entry of entries) {
    const rule = careInvolvementRules[keyOf(entry)];
    const reveals = rule === undefined || rule === 'always' || (rule !== 'never' && rule(entry.data, context));
    if (reveals) found.add(entry.eventId);
  }
  return found;
}
