// Care funding toward the health insurer: request funding for a referral, claim
// delivered care against a grant, and read a request with its claims. The insurer's
// answers arrive over Kafka (InsurerEventsConsumer).
import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { claimIdFor, fundingRequestIdFor, type CareClaimEvent, type CareFundingEvent } from '@wcc/care-provider-domain';
import { ApiProblem, type AuthenticatedUser, commandMetadataFrom, CurrentUser, type HandledCommand, OrganisationTypes, ProblemException, Roles, SchemaBody, UuidParam } from '@wcc/nest-kit';
import { CareClaimStreamCommand, CareFundingStreamCommand } from '../commands/care-provider.commands';
import { ReferralInboxProjection } from '../queries/referral-inbox.projection';
import { ReferralInboxQueries } from '../queries/referral-inbox.queries';
import { RequestCareFundingBody, SubmitCareClaimBody } from './care-provider.schemas';
import { AuthResponses, CommandResponses, ResultSchema } from './openapi';

@ApiTags('care funding')
@Controller()
@OrganisationTypes('care-provider')
@Roles('screener', 'ips-worker')
export class CareFundingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ReferralInboxQueries,
    private readonly readModel: ReferralInboxProjection,
  ) {}

  @Post('referrals/:referralId/funding-requests')
  @ApiOperation({
    summary: 'Request care funding from a health insurer',
    description:
      'For an accepted referral: instrument (ips-intake ≤ 8 sessions, dbc-care-product, job-coaching), units, amount in cents, period; for job-coaching also the job (contract hours per week, contract months, start date), which the insurer caps the hours by (report 002 §5.1.4). Publishes CareFundingRequested.',
  })
  @ApiParam({ name: 'referralId', format: 'uuid' })
  @ApiResponse({ status: 201, schema: ResultSchema({ fundingRequestId: { type: 'string', format: 'uuid' }, referralId: { type: 'string' } }) })
  @CommandResponses('The referral is not accepted.')
  async requestFunding(
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
    @Param('referralId', new UuidParam('referralId')) referralId: string,
    @SchemaBody(RequestCareFundingBody) body: RequestCareFundingBody,
  ) {
    const metadata = commandMetadataFrom(request, user);
    const fundingRequestId = fundingRequestIdFor(metadata.commandId);
    const asked = { type: 'RequestCareFunding' as const, data: { referralId, ...body } };
    const result = await this.commands.execute<CareFundingStreamCommand, HandledCommand<CareFundingEvent>>(new CareFundingStreamCommand(fundingRequestId, asked, metadata));
    await this.readModel.caughtUpWith(result);
    return { fundingRequestId, referralId, version: result.version };
  }

  @Get('funding-requests/:fundingRequestId')
  @ApiOperation({ summary: 'One funding request', description: 'Status (requested, granted, refused), the grant or refusal, and its claims.' })
  @ApiParam({ name: 'fundingRequestId', format: 'uuid' })
  @ApiOkResponse({ description: 'The funding request.' })
  @ApiProblem(400, 'The fundingRequestId is not a UUID.')
  @ApiProblem(404, "No such funding request for the caller's organisation.")
  @AuthResponses()
  async fundingRequest(@CurrentUser() user: AuthenticatedUser, @Param('fundingRequestId', new UuidParam('fundingRequestId')) fundingRequestId: string) {
    const found = await this.queries.fundingRequest(user.organisationId, fundingRequestId);
    if (!found) throw ProblemException.notFound('There is no such funding request for your organisation.');
    return found;
  }

  @Post('funding-requests/:fundingRequestId/claims')
  @ApiOperation({
    summary: 'Claim delivered care',
    description: 'Against granted funding, same instrument, within the granted units and period. Publishes CareClaimSubmitted; the insurer settles or rejects it.',
  })
  @ApiParam({ name: 'fundingRequestId', format: 'uuid' })
  @ApiResponse({ status: 201, schema: ResultSchema({ claimId: { type: 'string', format: 'uuid' }, fundingRequestId: { type: 'string' } }) })
  @CommandResponses('The funding is not granted (yet), or was refused.')
  async submitClaim(
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
    @Param('fundingRequestId', new UuidParam('fundingRequestId')) fundingRequestId: string,
    @SchemaBody(SubmitCareClaimBody) body: SubmitCareClaimBody,
  ) {
    const metadata = commandMetadataFrom(request, user);
    const claimId = claimIdFor(metadata.commandId);
    const claim = { type: 'SubmitCareClaim' as const, data: { fundingRequestId, ...body } };
    const result = await this.commands.execute<CareClaimStreamCommand, HandledCommand<CareClaimEvent>>(new CareClaimStreamCommand(claimId, claim, metadata));
    await this.readModel.caughtUpWith(result);
    return { claimId, fundingRequestId, version: result.version };
  }
}
