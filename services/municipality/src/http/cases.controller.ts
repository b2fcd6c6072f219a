// Cases (trajectories): thin HTTP adapters that turn a request into a command on the
// case stream. Whether the caller's municipality holds the case is decided by the
// decider, so a refused command appends nothing.
import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { uuidV5, type CommandMetadata } from '@wcc/domain-kit';
import {
  commandMetadataFrom,
  CurrentUser,
  OUTBOX_RELAY,
  OrganisationTypes,
  Roles,
  SchemaBody,
  type AuthenticatedUser,
  type HandledCommand,
  type RequestWithUser,
  OptionalBooleanQuery,
  UuidParam,
} from '@wcc/nest-kit';
import type { OutboxRelay } from '@wcc/messaging';
import type { CaseCommand, CaseEvent, CaseView } from '@wcc/municipality-domain';
import { CaseCommandRequest } from '../commands/case-command.handler';
import { OpenCaseRequest } from '../commands/open-case.handler';
import { CaseFileQuery } from '../queries/case-file.query';
import { CaseListProjection, type CaseListItem } from '../queries/case-list.projection';
import { ApiIdempotencyKey, ApiProblems, objectSchema } from './api-docs';
import {
  AdjustBenefitBody,
  AssignRegieBody,
  CloseCaseBody,
  EndBenefitBody,
  GrantConsentBody,
  OpenCaseBody,
  ReapplyBenefitBody,
  RecordDropoutBody,
  RecordParticipationBody,
  ReferClientBody,
  TransferRegieBody,
} from './schemas';

type Done = { caseId: string; version: number };
/** How long a withdrawal waits for the broker's acknowledgement before it answers anyway. */
const WITHDRAWAL_PUBLISH_TIMEOUT_MS = 10_000;
const done = objectSchema({ caseId: { type: 'string', format: 'uuid' }, version: { type: 'integer' } });
const caseIdParam = new UuidParam('caseId');

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
@OrganisationTypes('municipality')
@Roles('client-manager', 'regisseur')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly caseFiles: CaseFileQuery,
    private readonly caseList: CaseListProjection,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay | undefined,
  ) {}

  private async run(caseId: string, command: CaseCommand, metadata: CommandMetadata): Promise<Done> {
    const { version } = await this.execute(caseId, command, metadata);
    return { caseId, version };
  }

  private execute(caseId: string, command: CaseCommand, metadata: CommandMetadata): Promise<HandledCommand<CaseEvent>> {
    return this.commands.execute<CaseCommandRequest, HandledCommand<CaseEvent>>(new CaseCommandRequest(caseId, command, metadata));
  }

  @Post()
  @ApiOperation({ summary: 'Open a case (trajectory) for a registered client of your municipality' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, description: 'Opened.', schema: done })
  @ApiProblems(400, 401, 403, 404, 409)
  async open(@Req() req: RequestWithUser, @CurrentUser() user: AuthenticatedUser, @SchemaBody(OpenCaseBody) body: OpenCaseBody): Promise<Done> {
    const metadata = commandMetadataFrom(req, user);
    // Derived from the command id, so a retry with the same Idempotency-Key names the same case.
    const caseId = uuidV5(`${metadata.commandId}:case`);
    const result = await this.commands.execute<OpenCaseRequest, HandledCommand<CaseEvent>>(new OpenCaseRequest(caseId, { type: 'OpenCase', data: { caseId, clientKey: body.clientKey } }, metadata));
    return { caseId, version: result.version };
  }

  @Get()
  @ApiOperation({ summary: 'Cases of your municipality', description: 'Newest first. overdue=true lists only cases with a referral past its reply deadline without an answer, as of now.' })
  @ApiQuery({ name: 'overdue', required: false, enum: ['true', 'false'] })
  @ApiResponse({ status: 200, description: 'The cases.' })
  @ApiProblems(400, 401, 403)
  async list(@CurrentUser() user: AuthenticatedUser, @Query('overdue', new OptionalBooleanQuery('overdue')) overdue?: boolean): Promise<{ cases: CaseListItem[] }> {
    return { cases: await this.caseList.casesOf(user.organisationId, overdue === undefined ? {} : { overdue }, new Date()) };
  }

  @Get(':caseId')
  @ApiOperation({
    summary: 'A case of your municipality',
    description: 'Regie and its history, consents, referrals with status, deadline and overdue flag, measurements, screening advice (latest separately), benefit, placements, dropout and closure.',
  })
  @ApiResponse({ status: 200, description: 'The case file.' })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentUser() user: AuthenticatedUser, @Param('caseId', caseIdParam) caseId: string): Promise<CaseView & { version: number }> {
    return this.caseFiles.caseFor(user, caseId, new Date());
  }

  @Post(':caseId/regie')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign regie: make a case worker the one accountable owner', description: '409 when the case already has an owner; transfer instead.' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, description: 'Assigned.', schema: done })
  @ApiProblems(400, 401, 403, 404, 409)
  assignRegie(@Req() req: RequestWithUser, @CurrentUser() user: AuthenticatedUser, @Param('caseId', caseIdParam) caseId: string, @SchemaBody(AssignRegieBody) body: AssignRegieBody): Promise<Done> {
    return this.run(caseId, { type: 'AssignRegie', data: body }, commandMetadataFrom(req, user));
  }

  @Post(':caseId/regie/transfer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Transfer regie to another case worker; every transfer is recorded' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, description: 'Transferred.', schema: done })
  @ApiProblems(400, 401, 403, 404, 409)
  transferRegie(
    @Req() req: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', caseIdParam) caseId: string,
    @SchemaBody(TransferRegieBody) body: TransferRegieBody,
  ): Promise<Done> {
    return this.run(caseId, { type: 'TransferRegie', data: body }, commandMetadataFrom(req, user));
  }

  @Post(':caseId/consents')
  @ApiOperation({ summary: "Register the client's consent: purpose, partner types, data categories and validity" })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, description: 'Registered.', schema: objectSchema({ caseId: { type: 'string' }, consentId: { type: 'string', format: 'uuid' }, version: { type: 'integer' } }) })
  @ApiProblems(400, 401, 403, 404, 409)
  async grantConsent(
    @Req() req: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', caseIdParam) caseId: string,
    @SchemaBody(GrantConsentBody) body: GrantConsentBody,
  ): Promise<Done & { consentId: string }> {
    const metadata = commandMetadataFrom(req, user);
    const consentId = uuidV5(`${metadata.commandId}:consent`);
    return { consentId, ...(await this.run(caseId, { type: 'GrantConsent', data: { consentId, ...body } }, metadata)) };
  }

  @Post(':caseId/consents/:consentId/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a consent; takes effect at once, also on a closed case',
    description:
      "Answered only once the withdrawal is on the chain's broker (publishedToChain: true), so no later read of the shared case view can show what it covered: " +
      'the case view does not answer for a case before it has applied everything the broker holds for it. When the broker cannot be reached within ' +
      `${WITHDRAWAL_PUBLISH_TIMEOUT_MS / 1000} s the withdrawal is still recorded (it is the client's right) and publishedToChain is false: it reaches the chain when the broker is back.`,
  })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, description: 'Withdrawn.', schema: objectSchema({ caseId: { type: 'string', format: 'uuid' }, version: { type: 'integer' }, publishedToChain: { type: 'boolean' } }) })
  @ApiProblems(400, 401, 403, 404, 409)
  async withdrawConsent(
    @Req() req: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', caseIdParam) caseId: string,
    @Param('consentId', new UuidParam('consentId')) consentId: string,
  ): Promise<Done & { publishedToChain: boolean }> {
    const result = await this.execute(caseId, { type: 'WithdrawConsent', data: { consentId } }, commandMetadataFrom(req, user));
    // Without a relay (no Kafka configured) there is no chain to tell.
    const publishedToChain = this.relay ? await this.relay.whenPublished(result, WITHDRAWAL_PUBLISH_TIMEOUT_MS) : false;
    return { caseId, version: result.version, publishedToChain };
  }

  @Post(':caseId/referrals')
  @ApiOperation({
    summary: 'Refer the client to a care provider (screening) or the employer network (matching)',
    description: 'Needs a valid consent covering the receiving organisation type. Without an answer by replyDeadline the referral shows as overdue.',
  })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, description: 'Referred.', schema: objectSchema({ caseId: { type: 'string' }, referralId: { type: 'string', format: 'uuid' }, version: { type: 'integer' } }) })
  @ApiProblems(400, 401, 403, 404, 409)
  async refer(
    @Req() req: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', caseIdParam) caseId: string,
    @SchemaBody(ReferClientBody) body: ReferClientBody,
  ): Promise<Done & { referralId: string }> {
    const metadata = commandMetadataFrom(req, user);
    const referralId = uuidV5(`${metadata.commandId}:referral`);
    return { referralId, ...(await this.run(caseId, { type: 'ReferClient', data: { referralId, ...body } }, metadata)) };
  }

  @Post(':caseId/measurements')
  @ApiOperation({ summary: 'Record the participation ladder and ZRM at baseline, 6 or 12 months' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, description: 'Recorded.', schema: done })
  @ApiProblems(400, 401, 403, 404, 409)
  measure(
    @Req() req: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', caseIdParam) caseId: string,
    @SchemaBody(RecordParticipationBody) body: RecordParticipationBody,
  ): Promise<Done> {
    return this.run(caseId, { type: 'RecordParticipation', data: body }, commandMetadataFrom(req, user));
  }

  @Post(':caseId/benefit/adjust')
  @HttpCode(200)
  @Roles('client-manager')
  @ApiOperation({ summary: 'Adjust the running benefit (a municipal decision, never automatic)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, description: 'Adjusted.', schema: done })
  @ApiProblems(400, 401, 403, 404, 409)
  adjustBenefit(
    @Req() req: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', caseIdParam) caseId: string,
    @SchemaBody(AdjustBenefitBody) body: AdjustBenefitBody,
  ): Promise<Done> {
    return this.run(caseId, { type: 'AdjustBenefit', data: body }, commandMetadataFrom(req, user));
  }

  @Post(':caseId/benefit/end')
  @HttpCode(200)
  @Roles('client-manager')
  @ApiOperation({ summary: 'End the benefit, with the outflow reason' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, description: 'Ended.', schema: done })
  @ApiProblems(400, 401, 403, 404, 409)
  endBenefit(@Req() req: RequestWithUser, @CurrentUser() user: AuthenticatedUser, @Param('caseId', caseIdParam) caseId: string, @SchemaBody(EndBenefitBody) body: EndBenefitBody): Promise<Done> {
    return this.run(caseId, { type: 'EndBenefit', data: body }, commandMetadataFrom(req, user));
  }

  @Post(':caseId/benefit/reapply')
  @HttpCode(200)
  @Roles('client-manager')
  @ApiOperation({ summary: 'Record that the client re-applied for a benefit' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, description: 'Recorded.', schema: done })
  @ApiProblems(400, 401, 403, 404, 409)
  reapplyBenefit(
    @Req() req: RequestWithUser,
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', caseIdParam) caseId: string,
    @SchemaBody(ReapplyBenefitBody) body: ReapplyBenefitBody,
  ): Promise<Done> {
    return this.run(caseId, { type: 'ReapplyBenefit', data: body }, commandMetadataFrom(req, user));
  }

  @Post(':caseId/dropout')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the client dropped out: phase and reason code' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, description: 'Recorded.', schema: done })
  @ApiProblems(400, 401, 403, 404, 409)
  dropout(@Req() req: RequestWithUser, @CurrentUser() user: AuthenticatedUser, @Param('caseId', caseIdParam) caseId: string, @SchemaBody(RecordDropoutBody) body: RecordDropoutBody): Promise<Done> {
    return this.run(caseId, { type: 'RecordDropout', data: body }, commandMetadataFrom(req, user));
  }

  @Post(':caseId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the case' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, description: 'Closed.', schema: done })
  @ApiProblems(400, 401, 403, 404, 409)
  close(@Req() req: RequestWithUser, @CurrentUser() user: AuthenticatedUser, @Param('caseId', caseIdParam) caseId: string, @SchemaBody(CloseCaseBody) body: CloseCaseBody): Promise<Done> {
    return this.run(caseId, { type: 'CloseCase', data: body }, commandMetadataFrom(req, user));
  }
}
