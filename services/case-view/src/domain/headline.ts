// The category an item's mere occurrence reveals. A referral's reply deadline is
// administrative, but "a treatment episode started" is health data whatever its fields
// are categorised as, and "a benefit was adjusted" is financial. Decided per event here;
// an event not listed (declared after this table) falls back to the most sensitive
// category among its fields, so a new event is hidden rather than leaked.
import { eventKey } from './case-entry';
import type { DataCategory } from './vocabulary';

/** Most sensitive first: the order used when several categories must collapse into one. */
export const sensitivityOrder: readonly DataCategory[] = ['care-summary', 'financial', 'identifying', 'work', 'administrative'];

export function mostSensitive(categories: Iterable<DataCategory>): DataCategory {
  const present = new Set(categories);
  return sensitivityOrder.find((category) => present.has(category)) ?? 'administrative';
}

export const headlineCategories: Readonly<Record<string, DataCategory>> = {
  // municipality: the case, its regie, consent and referrals are administration …
  [eventKey('municipality', 'ClientRegistered')]: 'administrative',
  [eventKey('municipality', 'CaseOpened')]: 'administrative',
  [eventKey('municipality', 'RegieAssigned')]: 'administrative',
  [eventKey('municipality', 'RegieTransferred')]: 'administrative',
  [eventKey('municipality', 'ConsentGranted')]: 'administrative',
  [eventKey('municipality', 'ConsentWithdrawn')]: 'administrative',
  [eventKey('municipality', 'ClientReferred')]: 'administrative',
  [eventKey('municipality', 'DroppedOut')]: 'administrative',
  [eventKey('municipality', 'CaseClosed')]: 'administrative',
  [eventKey('municipality', 'CaseReviewScheduled')]: 'administrative',
  [eventKey('municipality', 'CaseReviewHeld')]: 'administrative',
  [eventKey('municipality', 'CaseReviewCancelled')]: 'administrative',
  [eventKey('municipality', 'ReviewActionAssigned')]: 'administrative',
  [eventKey('municipality', 'ReviewActionClosed')]: 'administrative',
  // … the ladder is about work, the benefit about money.
  [eventKey('municipality', 'ParticipationMeasured')]: 'work',
  [eventKey('municipality', 'BenefitAdjusted')]: 'financial',
  [eventKey('municipality', 'BenefitEnded')]: 'financial',
  [eventKey('municipality', 'BenefitReapplied')]: 'financial',
  // care provider: answering a referral and starting a screening is process; the advice,
  // IPS intake sessions and treatment episodes say something about health.
  [eventKey('care-provider', 'ReferralAccepted')]: 'administrative',
  [eventKey('care-provider', 'ReferralDeclined')]: 'administrative',
  [eventKey('care-provider', 'ScreeningStarted')]: 'administrative',
  [eventKey('care-provider', 'ScreeningAdviceSubmitted')]: 'care-summary',
  [eventKey('care-provider', 'IpsJobCoachAssigned')]: 'work',
  [eventKey('care-provider', 'IpsIntakeSessionHeld')]: 'care-summary',
  [eventKey('care-provider', 'TreatmentEpisodeStarted')]: 'care-summary',
  [eventKey('care-provider', 'TreatmentEpisodeEnded')]: 'care-summary',
  [eventKey('care-provider', 'CareFundingRequested')]: 'financial',
  [eventKey('care-provider', 'CareClaimSubmitted')]: 'financial',
  // employer network: matching is process, placements are work.
  [eventKey('employer-network', 'ReferralAccepted')]: 'administrative',
  [eventKey('employer-network', 'ReferralDeclined')]: 'administrative',
  [eventKey('employer-network', 'MatchingStatusChanged')]: 'administrative',
  [eventKey('employer-network', 'PlacementStarted')]: 'work',
  [eventKey('employer-network', 'PlacementReviewed')]: 'work',
  [eventKey('employer-network', 'PlacementEnded')]: 'work',
  // insurer: everything it says is about funding.
  [eventKey('insurer', 'CareFundingGranted')]: 'financial',
  [eventKey('insurer', 'CareFundingRefused')]: 'financial',
  [eventKey('insurer', 'CareClaimSettled')]: 'financial',
  [eventKey('insurer', 'CareClaimRejected')]: 'financial',
};

export function headlineCategoryOf(producer: string, name: string, fieldCategories: Readonly<Record<string, DataCategory>>): DataCategory {
  return headlineCategories[eventKey(producer, name)] ?? mostSensitive(Object.values(fieldCategories));
}
