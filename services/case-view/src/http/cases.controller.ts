// The MDT's case view over HTTP: any organisation type's users may call it, and each
// gets what their organisation, role and the client's consent allow.
import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblem, CurrentUser, type AuthenticatedUser } from '@wcc/nest-kit';
import { casePhases } from '@wcc/case-view-domain';
import { viewerRoles } from '@wcc/contracts';
import { CaseViewQueries, type CaseListResponse, type CaseResponse, type TimelineResponse } from '../queries/case-view.queries';
import { parseCaseId, parseCaseQuery, parseListQuery, parseTimelineQuery } from './query-params';
import { caseListResponse, caseResponse, timelineResponse } from './responses';
import { viewerFor, viewMetadata } from './viewer';

type Request = { headers: Record<string, string | string[] | undefined> };
type QueryParams = Record<string, unknown>;

const asRole = ApiQuery({ name: 'asRole', required: false, enum: [...viewerRoles], description: 'Which of your roles to view as; default the first that may see case data.' });
const refusals = [
  ApiProblem(400, 'A query parameter is invalid or unknown (each is named).'),
  ApiProblem(401, 'No or an invalid bearer token.'),
  ApiProblem(403, 'Your roles may see no case data, or you asked for a role your token lacks.'),
  ApiProblem(503, 'The view has not yet applied the latest consent decisions of the case (or of any case, for the list) within 3 s; it shows nothing rather than what may have been withdrawn.'),
];
const apply =
  (...decorators: MethodDecorator[]): MethodDecorator =>
  (target, key, descriptor) => {
    for (const decorator of decorators) decorator(target, key, descriptor);
  };

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly queries: CaseViewQueries) {}

  @Get()
  @ApiOperation({
    summary: 'Your case list',
    description:
      'Cases your organisation took part in or whose client consented to your organisation type, with a summary folded from what you may see. ' +
      "Each listed case that shows another organisation's data is protocolled as CaseViewed.",
  })
  @ApiQuery({ name: 'overdueReferral', required: false, type: Boolean, description: 'Only cases with (true) or without (false) an overdue referral you can see.' })
  @ApiQuery({ name: 'openAction', required: false, type: Boolean, description: 'Only cases with (true) or without (false) an open MDT action you can see.' })
  @ApiQuery({ name: 'phase', required: false, enum: [...casePhases] })
  @ApiQuery({ name: 'municipality', required: false, type: String, description: 'Municipality id, e.g. gemeente-rotterdam.' })
  @asRole
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1–100, default 20.' })
  @ApiQuery({ name: 'offset', required: false, type: Number })
  @ApiResponse({ status: 200, description: 'The cases you may see.', schema: caseListResponse })
  @apply(...refusals)
  async list(@Query() query: QueryParams, @CurrentUser() user: AuthenticatedUser, @Req() request: Request): Promise<CaseListResponse> {
    const { filters, page, asRole: role } = parseListQuery(query);
    return this.queries.list(viewerFor(user, role), filters, page, viewMetadata(request, user));
  }

  @Get(':caseId')
  @ApiOperation({
    summary: 'One case, filtered for you',
    description:
      'The case summary (client, municipality, regie, phase, ladder and ZRM with trend, referrals with deadlines and overdue flags, screening advice, ' +
      'placements, funding, MDT reviews and actions, dropout or closure), folded only from items you may see. Protocolled as CaseViewed and, ' +
      'when items were withheld for lack of consent, CaseAccessRefused.',
  })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @asRole
  @ApiResponse({ status: 200, description: 'The case as you may see it.', schema: caseResponse })
  @ApiProblem(404, 'The case view knows no such case, or your organisation takes no part in it (the same answer, so that an outsider does not learn it exists).')
  @apply(...refusals)
  async case(@Param('caseId') caseId: string, @Query() query: QueryParams, @CurrentUser() user: AuthenticatedUser, @Req() request: Request): Promise<CaseResponse> {
    const id = parseCaseId(caseId);
    const { asRole: role } = parseCaseQuery(query);
    return this.queries.case(viewerFor(user, role), id, viewMetadata(request, user));
  }

  @Get(':caseId/timeline')
  @ApiOperation({
    summary: "A case's timeline, filtered for you",
    description: 'Every integration event of the case you may see, oldest first: time, organisation, type, a line in Dutch and English, and the fields you may see. Paged.',
  })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @asRole
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1–200, default 50.' })
  @ApiQuery({ name: 'offset', required: false, type: Number })
  @ApiResponse({ status: 200, description: 'One page of the items you may see.', schema: timelineResponse })
  @ApiProblem(404, 'The case view knows no such case, or your organisation takes no part in it (the same answer, so that an outsider does not learn it exists).')
  @apply(...refusals)
  async timeline(@Param('caseId') caseId: string, @Query() query: QueryParams, @CurrentUser() user: AuthenticatedUser, @Req() request: Request): Promise<TimelineResponse> {
    const id = parseCaseId(caseId);
    const { asRole: role, page } = parseTimelineQuery(query);
    return this.queries.timeline(viewerFor(user, role), id, page, viewMetadata(request, user));
  }
}
