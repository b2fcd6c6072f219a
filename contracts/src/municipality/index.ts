import { benefitAdjustedV1, benefitEndedV1, benefitReappliedV1 } from './benefit';
import { caseClosedV1, caseOpenedV1, droppedOutV1 } from './case-lifecycle';
import { caseReviewCancelledV1, caseReviewHeldV1, caseReviewScheduledV1, reviewActionAssignedV1, reviewActionClosedV1 } from './case-review';
import { clientReferredForMatchingV1, clientReferredV1 } from './client-referred';
import { clientRegisteredV1 } from './client-registered';
import { consentGrantedV1, consentWithdrawnV1 } from './consent';
import { participationMeasuredV1 } from './participation-measured';
import { regieAssignedV1, regieTransferredV1 } from './regie';

export * from './benefit';
export * from './case-lifecycle';
export * from './case-review';
export * from './client-referred';
export * from './client-registered';
export * from './consent';
export * from './participation-measured';
export * from './regie';
export * from './topics';

export const municipalityEvents = [
  consentGrantedV1,
  consentWithdrawnV1,
  clientReferredV1,
  clientReferredForMatchingV1,
  clientRegisteredV1,
  caseOpenedV1,
  regieAssignedV1,
  regieTransferredV1,
  participationMeasuredV1,
  benefitAdjustedV1,
  benefitEndedV1,
  benefitReappliedV1,
  droppedOutV1,
  caseClosedV1,
  caseReviewScheduledV1,
  caseReviewHeldV1,
  reviewActionAssignedV1,
  reviewActionClosedV1,
  caseReviewCancelledV1,
] as const;
