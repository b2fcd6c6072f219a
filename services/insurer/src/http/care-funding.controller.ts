// The contract manager's desk: the funding requests addressed to their insurer, one
// request with its claims and remaining budget, and the grant or refusal.
import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import type { CareFundingEvent } from '@wcc/insurer-domain';
import {
  ApiProblem,
  type AuthenticatedUser,
  commandMetadataFrom,
  CurrentUser,
  type HandledCommand,
  OneOfQuery,
  OrganisationTypes,
  type RequestWithUser,
  Roles,
  SchemaBody,
  UuidParam,
  ApiIdempotencyKey,
} from '@wcc/nest-kit';
import { CareFundingStreamCommand } from '../commands/care-funding.commands';
import { CareFundingProjection } from '../queries/care-funding.projection';
import { CareFundingQueries, FUNDING_STATUSES, type FundingStatus } from '../queries/care-funding.queries';
import { GrantCareFundingBody, RefuseCareFundingBody } from './care-funding.schemas';

@ApiTags('care funding')
@ApiProblem(401, 'No or an invalid bearer token.')
@ApiProblem(403, 'Not a contract manager of an insurer, or not the insurer the request is addressed to.')
@Controller('care-fundings')
@Roles('contract-manager')
@OrganisationTypes('insurer')
export class CareFundingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: CareFundingQueries,
    private readonly worklist: CareFundingProjection,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Funding requests addressed to my insurer',
    description: "The worklist, oldest first. Eventually consistent with other users' decisions; a grant or refusal answered to this user is in it on the next read.",
  })
  @ApiQuery({ name: 'status', required: false, enum: FUNDING_STATUSES })
  @ApiResponse({ status: 200, description: 'The funding requests.' })
  @ApiProblem(400, 'Unknown status.')
  list(@CurrentUser() user: AuthenticatedUser, @Query('status', new OneOfQuery('status', FUNDING_STATUSES)) status?: FundingStatus) {
    return this.queries.list(user.organisationId, status);
  }

  @Get(':fundingRequestId')
  @ApiOperation({ summary: 'One funding request with its decision, claims and remaining budget' })
  @ApiParam({ name: 'fundingRequestId', format: 'uuid' })
  @ApiResponse({ status: 200, description: 'The funding request.' })
  @ApiProblem(400, 'The fundingRequestId is not a UUID.')
  @ApiProblem(404, 'No such funding request.')
  detail(@CurrentUser() user: AuthenticatedUser, @Param('fundingRequestId', new UuidParam('fundingRequestId')) id: string) {
    return this.queries.detail(id, user.organisationId);
  }

  @Post(':fundingRequestId/grant')
  @ApiIdempotencyKey()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Grant care funding (GrantCareFunding)',
    description:
      "Checked against the tariff valid on periodFrom: IPS intake at most 8 sessions × €92 = €736; job coaching at €92 an hour, at most 15% / 7.5% / 6% of the job's contract hours in the period in year 1 / 2 / 3 of the job (report 002 §5.1.4), in whole hours rounded down. Publishes CareFundingGranted. Honours Idempotency-Key.",
  })
  @ApiParam({ name: 'fundingRequestId', format: 'uuid' })
  @ApiResponse({ status: 201, description: 'Granted: { fundingRequestId, version, grantedUnits, grantedAmountCents }.' })
  @ApiProblem(400, 'Invalid body, above the tariff cap or the request, a period ending before it starts or outside the years of the job; names the field.')
  @ApiProblem(404, 'No such funding request.')
  @ApiProblem(409, 'Already decided, changed concurrently, or a job-coaching request without its job (refuse it instead).')
  async grant(
    @Param('fundingRequestId', new UuidParam('fundingRequestId')) id: string,
    @SchemaBody(GrantCareFundingBody) body: Static<typeof GrantCareFundingBody>,
    @Req() request: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    const result = await this.commands.execute<CareFundingStreamCommand, HandledCommand<CareFundingEvent>>(
      new CareFundingStreamCommand(id, { type: 'GrantCareFunding', data: body }, commandMetadataFrom(request, user)),
    );
    // The worklist a contract manager reloads after this answer shows the decision.
    await this.worklist.projector.caughtUpWith(result);
    const granted = result.events.find((e) => e.type === 'CareFundingGranted');
    return {
      fundingRequestId: id,
      version: result.version,
      ...(granted?.type === 'CareFundingGranted' ? { grantedUnits: granted.data.grantedUnits, grantedAmountCents: granted.data.grantedAmountCents, tariffVersion: granted.data.tariffVersion } : {}),
    };
  }

  @Post(':fundingRequestId/refuse')
  @ApiIdempotencyKey()
  @HttpCode(201)
  @ApiOperation({ summary: 'Refuse care funding (RefuseCareFunding)', description: 'The reason goes back to the care provider in CareFundingRefused. Honours Idempotency-Key.' })
  @ApiParam({ name: 'fundingRequestId', format: 'uuid' })
  @ApiResponse({ status: 201, description: 'Refused: { fundingRequestId, version }.' })
  @ApiProblem(400, 'Invalid body; names the field.')
  @ApiProblem(404, 'No such funding request.')
  @ApiProblem(409, 'Already decided, or changed concurrently.')
  async refuse(
    @Param('fundingRequestId', new UuidParam('fundingRequestId')) id: string,
    @SchemaBody(RefuseCareFundingBody) body: Static<typeof RefuseCareFundingBody>,
    @Req() request: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    const result = await this.commands.execute<CareFundingStreamCommand, HandledCommand<CareFundingEvent>>(
      new CareFundingStreamCommand(id, { type: 'RefuseCareFunding', data: body }, commandMetadataFrom(request, user)),
    );
    await this.worklist.projector.caughtUpWith(result);
    return { fundingRequestId: id, version: result.version };
  }
}
