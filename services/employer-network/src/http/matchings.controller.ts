// Matching of the clients the municipality referred, and their placements: start,
// 1/3/6/12-month reviews, and the end (job loss), which reopens matching.
import { dateInAmsterdam } from '@wcc/domain-kit';
import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { MatchingEvent, MatchingStatus } from '@wcc/employer-network-domain';
import { commandMetadataFrom, CurrentUser, OrganisationTypes, Roles, SchemaBody, type AuthenticatedUser, ApiIdempotencyKey, OneOfQuery, UuidParam } from '@wcc/nest-kit';
import { MatchingStreamCommand } from '../commands';
import { EmployerNetworkQueries } from '../queries/employer-network.queries';
import { CommandRunner, eventOf } from './command-runner';
import { ProblemResponses } from './openapi';
import { AcceptReferralBody, CloseMatchingBody, DeclineReferralBody, EndPlacementBody, ProposeCandidateBody, ReviewPlacementBody, StartPlacementBody } from './requests';

type Request = { headers: Record<string, string | string[] | undefined> };

const MATCHING_STATUSES: readonly MatchingStatus[] = ['referred', 'declined', 'matching', 'candidate-proposed', 'placed', 'reopened', 'closed'];

@ApiTags('matching')
@Controller('matchings')
@OrganisationTypes('employer-network')
@Roles('account-manager')
@ProblemResponses(401, 403)
export class MatchingsController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: EmployerNetworkQueries,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The matching list of my organisation',
    description: 'Cases the municipality referred for matching, unanswered first; overdue = unanswered past the reply deadline. Never the referral route.',
  })
  @ApiQuery({ name: 'status', required: false, enum: MATCHING_STATUSES })
  @ApiResponse({ status: 200, description: 'The matchings.' })
  @ProblemResponses(400)
  matchings(@Query('status', new OneOfQuery('status', MATCHING_STATUSES)) status: MatchingStatus | undefined, @CurrentUser() user: AuthenticatedUser) {
    return this.queries.matchings(user.organisationId, status, dateInAmsterdam());
  }

  @Post(':caseId/accept')
  @ApiIdempotencyKey()
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the referral for matching' })
  @ApiResponse({ status: 200, description: '{ caseId, version }' })
  @ProblemResponses(400, 404, 409)
  async accept(@Param('caseId', new UuidParam('caseId')) caseId: string, @SchemaBody(AcceptReferralBody) body: AcceptReferralBody, @Req() req: Request, @CurrentUser() user: AuthenticatedUser) {
    const result = await this.commands.run(new MatchingStreamCommand(caseId, { type: 'AcceptReferral', data: body }, commandMetadataFrom(req, user)));
    return { caseId, version: result.version };
  }

  @Post(':caseId/decline')
  @ApiIdempotencyKey()
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline the referral, with the reason for the municipality' })
  @ApiResponse({ status: 200, description: '{ caseId, version }' })
  @ProblemResponses(400, 404, 409)
  async decline(@Param('caseId', new UuidParam('caseId')) caseId: string, @SchemaBody(DeclineReferralBody) body: DeclineReferralBody, @Req() req: Request, @CurrentUser() user: AuthenticatedUser) {
    const result = await this.commands.run(new MatchingStreamCommand(caseId, { type: 'DeclineReferral', data: body }, commandMetadataFrom(req, user)));
    return { caseId, version: result.version };
  }

  @Post(':caseId/proposals')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Propose the client for a vacancy', description: 'The employer sees the client only through the account manager; nothing about the person is sent.' })
  @ApiResponse({ status: 201, description: '{ caseId, vacancyId, version }' })
  @ProblemResponses(400, 404, 409)
  async propose(@Param('caseId', new UuidParam('caseId')) caseId: string, @SchemaBody(ProposeCandidateBody) body: ProposeCandidateBody, @Req() req: Request, @CurrentUser() user: AuthenticatedUser) {
    const command = new MatchingStreamCommand(caseId, { type: 'ProposeCandidate', data: { ...body, employer: undefined } }, commandMetadataFrom(req, user));
    const result = await this.commands.run(command);
    return { caseId, vacancyId: body.vacancyId, version: result.version };
  }

  @Post(':caseId/close')
  @ApiIdempotencyKey()
  @HttpCode(200)
  @ApiOperation({ summary: 'Close matching for the case', description: "'durably-placed' while the client works; otherwise end the placement first." })
  @ApiResponse({ status: 200, description: '{ caseId, version }' })
  @ProblemResponses(400, 404, 409)
  async close(@Param('caseId', new UuidParam('caseId')) caseId: string, @SchemaBody(CloseMatchingBody) body: CloseMatchingBody, @Req() req: Request, @CurrentUser() user: AuthenticatedUser) {
    const result = await this.commands.run(new MatchingStreamCommand(caseId, { type: 'CloseMatching', data: body }, commandMetadataFrom(req, user)));
    return { caseId, version: result.version };
  }

  @Get(':caseId/placements')
  @ApiOperation({ summary: 'The placements of a case', description: 'Every job of the case with its sequence (1st, 2nd, 3rd), status, reviews and end.' })
  @ApiResponse({ status: 200, description: '{ caseId, status, placements }' })
  @ProblemResponses(400, 404)
  placements(@Param('caseId', new UuidParam('caseId')) caseId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.queries.placements(user.organisationId, caseId);
  }

  @Post(':caseId/placements')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Start a placement', description: 'The sequence is assigned by the case; one active placement per case.' })
  @ApiResponse({ status: 201, description: '{ placementId, sequence, version }' })
  @ProblemResponses(400, 404, 409)
  async start(@Param('caseId', new UuidParam('caseId')) caseId: string, @SchemaBody(StartPlacementBody) body: StartPlacementBody, @Req() req: Request, @CurrentUser() user: AuthenticatedUser) {
    const command = new MatchingStreamCommand(caseId, { type: 'StartPlacement', data: { ...body, employer: undefined } }, commandMetadataFrom(req, user));
    const result = await this.commands.run<MatchingEvent>(command);
    const started = eventOf(result, 'PlacementStarted').data;
    return { placementId: started.placementId, sequence: started.sequence, version: result.version };
  }

  @Post(':caseId/placements/:placementId/reviews')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Record the 1-, 3-, 6- or 12-month review of a placement', description: 'Each review month once.' })
  @ApiResponse({ status: 201, description: '{ placementId, reviewMonth, version }' })
  @ProblemResponses(400, 404, 409)
  async review(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Param('placementId', new UuidParam('placementId')) placementId: string,
    @SchemaBody(ReviewPlacementBody) body: ReviewPlacementBody,
    @Req() req: Request,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    const data = { ...body, placementId, issues: body.issues ?? [] };
    const result = await this.commands.run(new MatchingStreamCommand(caseId, { type: 'ReviewPlacement', data }, commandMetadataFrom(req, user)));
    return { placementId, reviewMonth: body.reviewMonth, version: result.version };
  }

  @Post(':caseId/placements/:placementId/end')
  @ApiIdempotencyKey()
  @HttpCode(200)
  @ApiOperation({ summary: 'End a placement (job loss)', description: "Reopens matching. A 'health' reason stays here; the municipality receives 'other'." })
  @ApiResponse({ status: 200, description: '{ placementId, version }' })
  @ProblemResponses(400, 404, 409)
  async end(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Param('placementId', new UuidParam('placementId')) placementId: string,
    @SchemaBody(EndPlacementBody) body: EndPlacementBody,
    @Req() req: Request,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    const result = await this.commands.run(new MatchingStreamCommand(caseId, { type: 'EndPlacement', data: { ...body, placementId } }, commandMetadataFrom(req, user)));
    return { placementId, version: result.version };
  }
}
