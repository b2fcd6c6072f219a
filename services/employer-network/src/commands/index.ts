import { AcceptReferralHandler } from './accept-referral.handler';
import { CloseMatchingHandler } from './close-matching.handler';
import { CloseVacancyHandler } from './close-vacancy.handler';
import { DeclineReferralHandler } from './decline-referral.handler';
import { EndPlacementHandler } from './end-placement.handler';
import { LogEmployerContactHandler } from './log-employer-contact.handler';
import { OpenVacancyHandler } from './open-vacancy.handler';
import { ProposeCandidateHandler } from './propose-candidate.handler';
import { RegisterEmployerHandler } from './register-employer.handler';
import { ReviewPlacementHandler } from './review-placement.handler';
import { StartPlacementHandler } from './start-placement.handler';

export * from './commands';

export const commandHandlers = [
  RegisterEmployerHandler,
  OpenVacancyHandler,
  CloseVacancyHandler,
  LogEmployerContactHandler,
  AcceptReferralHandler,
  DeclineReferralHandler,
  ProposeCandidateHandler,
  StartPlacementHandler,
  ReviewPlacementHandler,
  EndPlacementHandler,
  CloseMatchingHandler,
];
