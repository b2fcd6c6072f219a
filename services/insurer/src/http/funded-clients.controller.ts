// Which of my insurer's funded clients reached work: counts and the list, for
// outcome-based contracts and the cost-benefit analysis.
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblem, type AuthenticatedUser, CurrentUser, OneOfQuery, OrganisationTypes, Roles } from '@wcc/nest-kit';
import { FundedClientsQueries } from '../queries/funded-clients.queries';

@ApiTags('funded clients')
@Controller('funded-clients')
@Roles('contract-manager')
@OrganisationTypes('insurer')
export class FundedClientsController {
  constructor(private readonly queries: FundedClientsQueries) {}

  @Get()
  @ApiOperation({
    summary: 'Funded clients and whether they reached work',
    description: 'Per client with a granted funding from my insurer: reached work, first placement date, current status. Counts cover all funded clients; reachedWork filters the list.',
  })
  @ApiQuery({ name: 'reachedWork', required: false, enum: ['true', 'false'] })
  @ApiResponse({ status: 200, description: '{ fundedClients, reachedWork, currentlyWorking, clients }' })
  @ApiProblem(400, 'reachedWork is not true or false.')
  @ApiProblem(401, 'No or an invalid bearer token.')
  @ApiProblem(403, 'Not a contract manager of an insurer.')
  async list(@CurrentUser() user: AuthenticatedUser, @Query('reachedWork', new OneOfQuery('reachedWork', ['true', 'false'] as const)) reachedWork?: 'true' | 'false') {
    return this.queries.forInsurer(user.organisationId, reachedWork === undefined ? undefined : reachedWork === 'true');
  }
}
