// MDT case reviews: thin HTTP adapters. The municipality that holds the case (and its
// regie) schedules, records and follows up the review; the decider checks the caller's
// municipality, the review's state and the consent, so a refused command appends nothing.
// Commands wait for the read model, so a GET right after shows what was done.
import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { uuidV5, type CommandMetadata } from '@wcc/domain-kit';
import {
  commandMetadataFrom,
  CurrentUser,
  OrganisationTypes,
  Roles,
  SchemaBody,
  type AuthenticatedUser,
  type HandledCommand,
  type RequestWithUser,
  OptionalBooleanQuery,
  UuidParam,
} from '@wcc/nest-kit';
import type { CaseReviewEvent, CaseReviewInput, CaseReviewView } from '@wcc/municipality-domain';
import { CaseReviewCommandRequest } from '../commands/case-review-command.handler';
import { CaseReviewsProjection, type ReviewActionListItem } from '../queries/case-reviews.projection';
import { CaseFileQuery } from '../queries/case-file.query';
import { ApiIdempotencyKey, ApiProblems, objectSchema } from './api-docs';
import { AssignReviewActionBody, CancelCaseReviewBody, CloseReviewActionBody, RecordCaseReviewBody, ScheduleCaseReviewBody } from './schemas';

type Done = { reviewId: string; version: number };
const done = objectSchema({ reviewId: { type: 'string', format: 'uuid' }, version: { type: 'integer' } });
const reviewIdParam = new UuidParam('reviewId');

@ApiTags('case reviews (MDT)')
@ApiBearerAuth()
@Controller()
@OrganisationTypes('municipality')
@Roles('client-manager', 'regisseur')
export class CaseReviewsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reviews: CaseReviewsProjection,
    private readonly caseFiles: CaseFileQuery,
  ) {}

  private async run(reviewId: string, input: CaseReviewInput, metadata: CommandMetadata): Promise<Done> {
    const result = await this.commands.execute<CaseReviewCommandRequest, HandledCommand<CaseReviewEvent>>(new CaseReviewCommandRequest(reviewId, input, metadata));
    await this.reviews.caughtUpWith(result);
    return { reviewId, version: result.version };
  }

  @Post('cases/:caseId/reviews')
  @ApiOperation({
    summary: 'Schedule an MDT case review of a case of your municipality',
    description: 'The municipality holds regie, so it owns the review. 404 for an unknown case, 409 for a closed one; scheduledFor today or later.',
  })
  @ApiIdempotencyKey()
  @ApiResponse({
    status: 201,
    description: 'Scheduled.',
    schema: objectSchema({ reviewId: { type: 'string', format: 'uuid' }, caseId: { type: 'string', format: 'uuid' }, version: { type: 'integer' } }),
  })
  @ApiProblems(400, 401, 403, 404, 409)
  async schedule(
    @Req() req: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @SchemaBody(ScheduleCaseReviewBody) body: ScheduleCaseReviewBody,
  ): Promise<Done & { caseId: string }> {
    const metadata = commandMetadataFrom(req, user);
    // Derived from the command id, so a retry with the same Idempotency-Key names the same review.
    const reviewId = uuidV5(`${metadata.commandId}:case-review`);
    return { caseId, ...(await this.run(reviewId, { type: 'ScheduleCaseReview', data: { reviewId, caseId, ...body } }, metadata)) };
  }

  @Get('cases/:caseId/reviews')
  @ApiOperation({
    summary: 'The MDT reviews of a case of your municipality, latest meeting first',
    description: 'Each with chair, attendance, categories discussed, decisions, cancellation, and its actions with an overdue flag (open after the due date, as of now).',
  })
  @ApiResponse({ status: 200, description: 'The reviews.' })
  @ApiProblems(400, 401, 403, 404)
  async list(@CurrentUser() user: AuthenticatedUser, @Param('caseId', new UuidParam('caseId')) caseId: string): Promise<{ caseId: string; reviews: CaseReviewView[] }> {
    const now = new Date();
    // 404 for an unknown case, 403 for another municipality's.
    await this.caseFiles.caseFor(user, caseId, now);
    return { caseId, reviews: await this.reviews.reviewsOf(caseId, now) };
  }

  @Get('reviews/actions')
  @ApiOperation({
    summary: 'Actions from MDT reviews of your municipality’s cases',
    description: 'Earliest due date first. overdue=true: only open actions past their due date, as of now; overdue=false: all others.',
  })
  @ApiQuery({ name: 'overdue', required: false, enum: ['true', 'false'] })
  @ApiResponse({ status: 200, description: 'The actions.' })
  @ApiProblems(400, 401, 403)
  async actions(@CurrentUser() user: AuthenticatedUser, @Query('overdue', new OptionalBooleanQuery('overdue')) overdue?: boolean): Promise<{ actions: ReviewActionListItem[] }> {
    return { actions: await this.reviews.actionsOf(user.organisationId, overdue === undefined ? {} : { overdue }, new Date()) };
  }

  @Post('reviews/:reviewId/held')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that the review took place: attendees, data categories discussed, decisions',
    description:
      'Every attendee of another organisation needs the client’s chain-coordination consent for every category discussed (409 consent-required); care-summary is refused with the employer network at the table (400). Decision texts stay at the municipality.',
  })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, description: 'Recorded.', schema: done })
  @ApiProblems(400, 401, 403, 404, 409)
  held(
    @Req() req: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
    @Param('reviewId', reviewIdParam) reviewId: string,
    @SchemaBody(RecordCaseReviewBody) body: RecordCaseReviewBody,
  ): Promise<Done> {
    return this.run(reviewId, { type: 'RecordCaseReview', data: body }, commandMetadataFrom(req, user));
  }

  @Post('reviews/:reviewId/actions')
  @ApiOperation({
    summary: 'Assign an action agreed in a held review to a professional of your municipality or of an organisation that attended',
    description: 'dueDate on or after the review; 409 on a cancelled or not yet held review.',
  })
  @ApiIdempotencyKey()
  @ApiResponse({
    status: 201,
    description: 'Assigned.',
    schema: objectSchema({ reviewId: { type: 'string', format: 'uuid' }, actionId: { type: 'string', format: 'uuid' }, version: { type: 'integer' } }),
  })
  @ApiProblems(400, 401, 403, 404, 409)
  async assign(
    @Req() req: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
    @Param('reviewId', reviewIdParam) reviewId: string,
    @SchemaBody(AssignReviewActionBody) body: AssignReviewActionBody,
  ): Promise<Done & { actionId: string }> {
    const metadata = commandMetadataFrom(req, user);
    const actionId = uuidV5(`${metadata.commandId}:review-action`);
    return { actionId, ...(await this.run(reviewId, { type: 'AssignReviewAction', data: { actionId, ...body } }, metadata)) };
  }

  @Post('reviews/:reviewId/actions/:actionId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close an action with its outcome (409 when already closed)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, description: 'Closed.', schema: done })
  @ApiProblems(400, 401, 403, 404, 409)
  closeAction(
    @Req() req: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
    @Param('reviewId', reviewIdParam) reviewId: string,
    @Param('actionId', new UuidParam('actionId')) actionId: string,
    @SchemaBody(CloseReviewActionBody) body: CloseReviewActionBody,
  ): Promise<Done> {
    return this.run(reviewId, { type: 'CloseReviewAction', data: { actionId, ...body } }, commandMetadataFrom(req, user));
  }

  @Post('reviews/:reviewId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a scheduled review (409 once it was held or cancelled)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, description: 'Cancelled.', schema: done })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(
    @Req() req: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
    @Param('reviewId', reviewIdParam) reviewId: string,
    @SchemaBody(CancelCaseReviewBody) body: CancelCaseReviewBody,
  ): Promise<Done> {
    return this.run(reviewId, { type: 'CancelCaseReview', data: body }, commandMetadataFrom(req, user));
  }
}
