// The referral inbox and everything done on a referral: answer it, screen, advise,
// IPS, treatment and discharge. Thin: body checked by schema, rules in the referral decider.
import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { ClinicalFindingsRecorded, ReferralCommand, ReferralEvent } from '@wcc/care-provider-domain';
import type { EventStore } from '@wcc/event-store';
import {
  ApiProblem,
  type AuthenticatedUser,
  commandMetadataFrom,
  CurrentUser,
  EVENT_STORE,
  type HandledCommand,
  OneOfQuery,
  OrganisationTypes,
  ProblemException,
  Roles,
  SchemaBody,
  UuidParam,
} from '@wcc/nest-kit';
import { ReferralStreamCommand } from '../commands/care-provider.commands';
import { ReferralInboxProjection } from '../queries/referral-inbox.projection';
import { INBOX_STATUSES, ReferralInboxQueries, type InboxStatus } from '../queries/referral-inbox.queries';
import {
  AcceptReferralBody,
  AssignJobCoachBody,
  ClinicalFindingsBody,
  DeclineReferralBody,
  DischargeClientBody,
  EndTreatmentEpisodeBody,
  IntakeSessionBody,
  ScreeningAdviceBody,
  StartTreatmentEpisodeBody,
} from './care-provider.schemas';
import { AuthResponses, CommandResponses, ResultSchema } from './openapi';

const referralIdParam = ApiParam({ name: 'referralId', format: 'uuid' });

@ApiTags('referrals')
@Controller('referrals')
@OrganisationTypes('care-provider')
export class ReferralsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ReferralInboxQueries,
    private readonly readModel: ReferralInboxProjection,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  private async run(referralId: string, command: ReferralCommand, request: Request, user: AuthenticatedUser): Promise<HandledCommand<ReferralEvent>> {
    const result = await this.commands.execute<ReferralStreamCommand, HandledCommand<ReferralEvent>>(new ReferralStreamCommand(referralId, command, commandMetadataFrom(request, user)));
    await this.readModel.caughtUpWith(result);
    return result;
  }

  @Get()
  @Roles('screener', 'ips-worker')
  @ApiOperation({ summary: "The caller's referral inbox", description: 'Referrals addressed to the caller’s organisation, by reply deadline. `overdue`: not answered by the deadline.' })
  @ApiQuery({ name: 'status', required: false, enum: INBOX_STATUSES })
  @ApiOkResponse({ description: 'The inbox.' })
  @ApiProblem(400, 'Unknown status filter.')
  @AuthResponses()
  inbox(@CurrentUser() user: AuthenticatedUser, @Query('status', new OneOfQuery('status', INBOX_STATUSES)) status?: InboxStatus) {
    return this.queries.inbox(user.organisationId, status);
  }

  @Get(':referralId')
  @Roles('screener', 'ips-worker')
  @ApiOperation({ summary: 'One referral', description: 'Answer, screening status and advice, IPS job coach and intake sessions, treatment episodes, care funding and claims.' })
  @referralIdParam
  @ApiOkResponse({ description: 'The referral.' })
  @ApiProblem(400, 'The referralId is not a UUID.')
  @ApiProblem(404, "No such referral for the caller's organisation.")
  @AuthResponses()
  async referral(@CurrentUser() user: AuthenticatedUser, @Param('referralId', new UuidParam('referralId')) referralId: string) {
    const referral = await this.queries.referral(user.organisationId, referralId);
    if (!referral) throw ProblemException.notFound('There is no such referral for your organisation.');
    return referral;
  }

  @Post(':referralId/accept')
  @HttpCode(200)
  @Roles('screener')
  @ApiOperation({ summary: 'Accept a referral', description: 'Publishes ReferralAccepted to the referrer.' })
  @referralIdParam
  @ApiOkResponse({ schema: ResultSchema({ referralId: { type: 'string' }, status: { type: 'string' } }) })
  @CommandResponses('The referral was already answered.')
  async accept(
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
    @Param('referralId', new UuidParam('referralId')) referralId: string,
    @SchemaBody(AcceptReferralBody) body: AcceptReferralBody,
  ) {
    const result = await this.run(referralId, { type: 'AcceptReferral', data: body }, request, user);
    return { referralId, status: 'accepted', version: result.version };
  }

  @Post(':referralId/decline')
  @HttpCode(200)
  @Roles('screener')
  @ApiOperation({ summary: 'Decline a referral', description: 'The reason is required and goes back to the referrer (ReferralDeclined).' })
  @referralIdParam
  @ApiOkResponse({ schema: ResultSchema({ referralId: { type: 'string' }, status: { type: 'string' } }) })
  @CommandResponses('The referral was already answered.')
  async decline(
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
    @Param('referralId', new UuidParam('referralId')) referralId: string,
    @SchemaBody(DeclineReferralBody) body: DeclineReferralBody,
  ) {
    const result = await this.run(referralId, { type: 'DeclineReferral', data: body }, request, user);
    return { referralId, status: 'declined', version: result.version };
  }

  @Post(':referralId/screening/start')
  @HttpCode(200)
  @Roles('screener')
  @ApiOperation({ summary: 'Start the screening', description: 'Needs an accepted referral. Publishes ScreeningStarted (no findings).' })
  @referralIdParam
  @ApiOkResponse({ schema: ResultSchema({ referralId: { type: 'string' }, screeningStatus: { type: 'string' } }) })
  @CommandResponses('The referral is not accepted, or the screening already started.')
  async startScreening(@Req() request: Request, @CurrentUser() user: AuthenticatedUser, @Param('referralId', new UuidParam('referralId')) referralId: string) {
    const result = await this.run(referralId, { type: 'StartScreening', data: {} }, request, user);
    return { referralId, screeningStatus: 'started', version: result.version };
  }

  @Post(':referralId/screening/clinical-findings')
  @Roles('screener')
  @ApiOperation({
    summary: 'Record clinical findings',
    description: 'Diagnosis codes (ICD-10, DSM-5) and notes. Private to this service: mapped to no integration event, shown to screeners of this provider only.',
  })
  @referralIdParam
  @ApiResponse({ status: 201, schema: ResultSchema({ referralId: { type: 'string' }, findingsId: { type: 'string', format: 'uuid' } }) })
  @CommandResponses('The screening has not started, or the referral is not accepted.')
  async recordClinicalFindings(
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
    @Param('referralId', new UuidParam('referralId')) referralId: string,
    @SchemaBody(ClinicalFindingsBody) body: ClinicalFindingsBody,
  ) {
    const result = await this.run(referralId, { type: 'RecordClinicalFindings', data: body }, request, user);
    const recorded = result.events.find((e): e is ClinicalFindingsRecorded => e.type === 'ClinicalFindingsRecorded');
    return { referralId, findingsId: recorded?.data.findingsId ?? null, version: result.version };
  }

  @Get(':referralId/screening/clinical-findings')
  @Roles('screener')
  @ApiOperation({ summary: 'The clinical findings of a screening', description: 'Screeners of the provider the referral is addressed to only.' })
  @referralIdParam
  @ApiOkResponse({ description: 'Findings in the order recorded.' })
  @ApiProblem(400, 'The referralId is not a UUID.')
  @ApiProblem(404, "No such referral for the caller's organisation.")
  @AuthResponses()
  async clinicalFindings(@CurrentUser() user: AuthenticatedUser, @Param('referralId', new UuidParam('referralId')) referralId: string) {
    const events = await this.store.readStream(`referral-${referralId}`);
    const received = events.find((e) => e.type === 'ReferralReceived') as { data: ReferralEvent['data'] } | undefined;
    if (!received || received.data.organisationId !== user.organisationId) throw ProblemException.notFound('There is no such referral for your organisation.');
    return {
      referralId,
      items: events
        .filter((e) => e.type === 'ClinicalFindingsRecorded')
        .map((e) => {
          const data = e.data as ClinicalFindingsRecorded['data'];
          return { findingsId: data.findingsId, recordedAt: e.metadata.occurredAt, recordedBy: e.metadata.actor.userId, diagnoses: data.diagnoses, notes: data.notes ?? null };
        }),
    };
  }

  @Post(':referralId/screening/advice')
  @Roles('screener')
  @ApiOperation({
    summary: 'Submit screening advice',
    description: 'Route, work capacity, FML functional limitations, contra-indications yes/no, review date after today. Published as ScreeningAdviceSubmitted without any clinical field.',
  })
  @referralIdParam
  @ApiResponse({ status: 201, schema: ResultSchema({ referralId: { type: 'string' }, adviceId: { type: 'string', format: 'uuid' } }) })
  @CommandResponses('The referral was declined or not accepted, the screening has not started, or advice was already submitted.')
  async submitAdvice(
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
    @Param('referralId', new UuidParam('referralId')) referralId: string,
    @SchemaBody(ScreeningAdviceBody) body: ScreeningAdviceBody,
  ) {
    const result = await this.run(referralId, { type: 'SubmitScreeningAdvice', data: body }, request, user);
    const submitted = result.events.find((e) => e.type === 'ScreeningAdviceSubmitted');
    return { referralId, adviceId: submitted?.type === 'ScreeningAdviceSubmitted' ? submitted.data.adviceId : null, version: result.version };
  }

  @Post(':referralId/ips/job-coach')
  @HttpCode(200)
  @Roles('screener', 'ips-worker')
  @ApiOperation({ summary: 'Assign the IPS job coach', description: 'Needs an accepted referral; refused when the advice is not IPS.' })
  @referralIdParam
  @ApiOkResponse({ schema: ResultSchema({ referralId: { type: 'string' }, jobCoachId: { type: 'string' } }) })
  @CommandResponses('The referral is not accepted, or the screening advised another route than IPS.')
  async assignJobCoach(
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
    @Param('referralId', new UuidParam('referralId')) referralId: string,
    @SchemaBody(AssignJobCoachBody) body: AssignJobCoachBody,
  ) {
    const result = await this.run(referralId, { type: 'AssignIpsJobCoach', data: body }, request, user);
    return { referralId, jobCoachId: body.jobCoachId.trim(), version: result.version };
  }

  @Post(':referralId/ips/intake-sessions')
  @Roles('ips-worker')
  @ApiOperation({ summary: 'Record an IPS intake session', description: 'Sessions 1–8, each once, held today or earlier; needs a job coach.' })
  @referralIdParam
  @ApiResponse({ status: 201, schema: ResultSchema({ referralId: { type: 'string' }, sessionNumber: { type: 'integer' } }) })
  @CommandResponses('No job coach yet, or this session number was already recorded.')
  async recordIntakeSession(
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
    @Param('referralId', new UuidParam('referralId')) referralId: string,
    @SchemaBody(IntakeSessionBody) body: IntakeSessionBody,
  ) {
    const result = await this.run(referralId, { type: 'RecordIpsIntakeSession', data: body }, request, user);
    return { referralId, sessionNumber: body.sessionNumber, version: result.version };
  }

  @Post(':referralId/treatment-episodes')
  @Roles('screener')
  @ApiOperation({ summary: 'Start a treatment episode', description: 'One open episode at a time. Published without diagnosis or care product.' })
  @referralIdParam
  @ApiResponse({ status: 201, schema: ResultSchema({ referralId: { type: 'string' }, episodeId: { type: 'string', format: 'uuid' } }) })
  @CommandResponses('The referral is not accepted, or an episode is still open.')
  async startTreatmentEpisode(
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
    @Param('referralId', new UuidParam('referralId')) referralId: string,
    @SchemaBody(StartTreatmentEpisodeBody) body: StartTreatmentEpisodeBody,
  ) {
    const result = await this.run(referralId, { type: 'StartTreatmentEpisode', data: body }, request, user);
    const started = result.events.find((e) => e.type === 'TreatmentEpisodeStarted');
    return { referralId, episodeId: started?.type === 'TreatmentEpisodeStarted' ? started.data.episodeId : null, version: result.version };
  }

  @Post(':referralId/treatment-episodes/current/end')
  @HttpCode(200)
  @Roles('screener')
  @ApiOperation({ summary: 'End the open treatment episode', description: 'The end date may not be before the start date (400 naming endDate).' })
  @referralIdParam
  @ApiOkResponse({ schema: ResultSchema({ referralId: { type: 'string' }, episodeId: { type: 'string', format: 'uuid' } }) })
  @CommandResponses('There is no open treatment episode.')
  async endTreatmentEpisode(
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
    @Param('referralId', new UuidParam('referralId')) referralId: string,
    @SchemaBody(EndTreatmentEpisodeBody) body: EndTreatmentEpisodeBody,
  ) {
    const result = await this.run(referralId, { type: 'EndTreatmentEpisode', data: body }, request, user);
    const ended = result.events.find((e) => e.type === 'TreatmentEpisodeEnded');
    return { referralId, episodeId: ended?.type === 'TreatmentEpisodeEnded' ? ended.data.episodeId : null, version: result.version };
  }

  @Post(':referralId/discharge')
  @HttpCode(200)
  @Roles('screener')
  @ApiOperation({
    summary: 'Discharge the client',
    description:
      'Ends the care provider’s involvement in the case: publishes ClientDischarged (the reason as a care summary), and the care provider leaves the case team of the shared case view. Refused while a treatment episode is open.',
  })
  @referralIdParam
  @ApiOkResponse({ schema: ResultSchema({ referralId: { type: 'string' }, dischargedOn: { type: 'string', format: 'date' } }) })
  @CommandResponses('The referral is not accepted, a treatment episode is still open, or the client was already discharged.')
  async discharge(
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
    @Param('referralId', new UuidParam('referralId')) referralId: string,
    @SchemaBody(DischargeClientBody) body: DischargeClientBody,
  ) {
    const result = await this.run(referralId, { type: 'DischargeClient', data: body }, request, user);
    return { referralId, dischargedOn: body.dischargedOn, version: result.version };
  }
}
