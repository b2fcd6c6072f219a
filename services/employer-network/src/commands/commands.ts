// The commands this service takes, one class per command for the @nestjs/cqrs bus. The
// id is the stream's: an employer id or a case id.
import type {
  AcceptReferral,
  CloseMatching,
  CloseVacancy,
  DeclineReferral,
  EndPlacement,
  LogEmployerContact,
  OpenVacancy,
  ProposeCandidate,
  RegisterEmployer,
  ReviewPlacement,
  StartPlacement,
} from '@wcc/employer-network-domain';
import { StreamCommand } from '@wcc/nest-kit';

export class RegisterEmployerCommand extends StreamCommand<RegisterEmployer> {}
export class OpenVacancyCommand extends StreamCommand<OpenVacancy> {}
export class CloseVacancyCommand extends StreamCommand<CloseVacancy> {}
export class LogEmployerContactCommand extends StreamCommand<LogEmployerContact> {}

export class AcceptReferralCommand extends StreamCommand<AcceptReferral> {}
export class DeclineReferralCommand extends StreamCommand<DeclineReferral> {}
export class ProposeCandidateCommand extends StreamCommand<ProposeCandidate> {}
export class StartPlacementCommand extends StreamCommand<StartPlacement> {}
export class ReviewPlacementCommand extends StreamCommand<ReviewPlacement> {}
export class EndPlacementCommand extends StreamCommand<EndPlacement> {}
export class CloseMatchingCommand extends StreamCommand<CloseMatching> {}
