// The commands this service takes, one @nestjs/cqrs message per stream type: the id is
// the stream's (an employer id or a case id), the command is the decider's.
import type { EmployerCommand, MatchingCommand } from '@wcc/employer-network-domain';
import { StreamCommand } from '@wcc/nest-kit';

/** Any command on `employer-<employerId>`: registration, vacancies, contact moments. */
export class EmployerStreamCommand extends StreamCommand<EmployerCommand> {}

/** Any command on `matching-<caseId>`: the referral answer, proposals, placements. */
export class MatchingStreamCommand extends StreamCommand<MatchingCommand> {}
