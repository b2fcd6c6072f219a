// The contract manager's commands on one funding request, as @nestjs/cqrs messages.
import type { GrantCareFunding, RefuseCareFunding } from '@wcc/insurer-domain';
import { StreamCommand } from '@wcc/nest-kit';

export class GrantCareFundingCommand extends StreamCommand<GrantCareFunding> {}
export class RefuseCareFundingCommand extends StreamCommand<RefuseCareFunding> {}
