// What an item reveals, not only what it contains (AVG art. 9, DOMAIN.md): that a client
// was referred to a GGZ provider, is screened, has an IPS job coach, is in treatment, has
// care funded or claimed, or was discussed in an MDT review with a care provider at the
// table, is health data whatever the fields are called. An organisation type whose
// ceiling excludes care involvement (the employer network) never sees such an item, with
// or without consent; it gets what it needs to match and place.
//
// Declared per event in its contract (revealsCareInvolvement); where the data decides it,
// the rules below resolve it. An event no contract declares reveals care (fail closed).
import { findIntegrationEvent } from '@wcc/contracts';
import { eventKey, keyOf, type ResolvedEntry } from './case-entry';
import { ownerOrganisationOf } from './case-parties';
import { records, str, strings, type EventData } from './data-readers';

interface CareContext {
  /** MDT reviews with a care provider at the table or owning an action. */
  readonly reviewsWithCare: ReadonlySet<string>;
  /** Review actions owned by a care provider. */
  readonly careActions: ReadonlySet<string>;
}

type DataRule = (data: EventData, context: CareContext) => boolean;

const careType = 'care-provider';
const inReviewWithCare = (d: EventData, c: CareContext) => c.reviewsWithCare.has(str(d, 'reviewId') ?? '');

/**
 * How the data decides it, for the events their contract declares 'depends-on-data'.
 * Every other event's contract says 'always' (everything a care provider or an insurer
 * says) or 'never'; defineIntegrationEvent refuses a care provider's or insurer's event
 * that is not 'always'.
 */
export const careInvolvementDataRules: Readonly<Record<string, DataRule>> = {
  // A consent that names care providers says the client is (to be) in care.
  [eventKey('municipality', 'ConsentGranted')]: (d) =>
    (strings(d, 'organisationTypes') ?? []).includes(careType) || (records(d, 'recipients') ?? []).some((r) => str(r, 'organisationType') === careType),
  [eventKey('municipality', 'ConsentWithdrawn')]: (d) => (strings(d, 'organisationTypes') ?? []).includes(careType),
  [eventKey('municipality', 'ClientReferred')]: (d) => str(d, 'toOrganisationType') === careType,
  [eventKey('municipality', 'CaseReviewScheduled')]: inReviewWithCare,
  [eventKey('municipality', 'CaseReviewHeld')]: inReviewWithCare,
  [eventKey('municipality', 'CaseReviewCancelled')]: inReviewWithCare,
  // An action tells its owner what to do and by when; it reveals care only when a care
  // provider owns it (the review it came from stays hidden from whoever may not see that).
  [eventKey('municipality', 'ReviewActionAssigned')]: (d, c) => c.careActions.has(str(d, 'actionId') ?? ''),
  [eventKey('municipality', 'ReviewActionClosed')]: (d, c) => c.careActions.has(str(d, 'actionId') ?? ''),
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

/** Does this item's occurrence reveal care involvement? Unknown events and unknown rules do (fail closed). */
function reveals(entry: ResolvedEntry, context: CareContext): boolean {
  const declared = findIntegrationEvent(entry.type)?.revealsCareInvolvement;
  switch (declared) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'depends-on-data': {
      const rule = careInvolvementDataRules[keyOf(entry)];
      return rule === undefined || rule(entry.data, context);
    }
    case undefined:
      return true;
  }
}

/** The event ids of the items of one case whose occurrence reveals care involvement. */
export function careRevealingItems(entries: readonly ResolvedEntry[]): ReadonlySet<string> {
  const context = contextOf(entries);
  return new Set(entries.filter((entry) => reveals(entry, context)).map((entry) => entry.eventId));
}
