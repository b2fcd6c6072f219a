// The contract manager's commands on one funding request (`care-funding-<id>`), as one
// @nestjs/cqrs message for the stream type.
import type { GrantCareFunding, RefuseCareFunding } from '@wcc/insurer-domain';
import { StreamCommand } from '@wcc/nest-kit';

export class CareFundingStreamCommand extends StreamCommand<GrantCareFunding | RefuseCareFunding> {}
