// Employers, their vacancies and the account managers' contacts with them.
import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { newIdFor, type EmployerEvent } from '@wcc/employer-network-domain';
import { commandMetadataFrom, CurrentUser, OrganisationTypes, Roles, SchemaBody, type AuthenticatedUser, ApiIdempotencyKey, OneOfQuery, UuidParam } from '@wcc/nest-kit';
import { EmployerStreamCommand } from '../commands';
import { EmployerNetworkQueries } from '../queries/employer-network.queries';
import { CommandRunner, eventOf } from './command-runner';
import { ProblemResponses } from './openapi';
import { CloseVacancyBody, LogEmployerContactBody, OpenVacancyBody, RegisterEmployerBody } from './requests';

type Request = { headers: Record<string, string | string[] | undefined> };

@ApiTags('employers')
@Controller()
@OrganisationTypes('employer-network')
@Roles('account-manager')
@ProblemResponses(401, 403)
export class EmployersController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly queries: EmployerNetworkQueries,
  ) {}

  @Post('employers')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Register an employer', description: 'The employer is kept by the caller’s organisation.' })
  @ApiResponse({ status: 201, description: '{ employerId, version }' })
  @ProblemResponses(400, 409)
  async register(@SchemaBody(RegisterEmployerBody) body: RegisterEmployerBody, @Req() req: Request, @CurrentUser() user: AuthenticatedUser) {
    const metadata = commandMetadataFrom(req, user);
    const employerId = newIdFor(metadata, 'employer');
    const result = await this.commands.run(new EmployerStreamCommand(employerId, { type: 'RegisterEmployer', data: { employerId, ...body } }, metadata));
    return { employerId, version: result.version };
  }

  @Get('employers')
  @ApiOperation({ summary: 'My organisation’s employers', description: 'With the number of open vacancies and the date of the last contact.' })
  @ApiResponse({ status: 200, description: 'The employers, by name.' })
  employers(@CurrentUser() user: AuthenticatedUser) {
    return this.queries.employers(user.organisationId);
  }

  @Get('employers/:employerId')
  @ApiOperation({ summary: 'One employer with its vacancies and logged contacts' })
  @ApiResponse({ status: 200, description: 'The employer.' })
  @ProblemResponses(400, 404)
  employer(@Param('employerId', new UuidParam('employerId')) employerId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.queries.employer(user.organisationId, employerId);
  }

  @Post('employers/:employerId/vacancies')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Open a vacancy', description: 'Role, hours per week and task demands (taakeisen).' })
  @ApiResponse({ status: 201, description: '{ vacancyId, version }' })
  @ProblemResponses(400, 404)
  async openVacancy(
    @Param('employerId', new UuidParam('employerId')) employerId: string,
    @SchemaBody(OpenVacancyBody) body: OpenVacancyBody,
    @Req() req: Request,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    const result = await this.commands.run<EmployerEvent>(new EmployerStreamCommand(employerId, { type: 'OpenVacancy', data: body }, commandMetadataFrom(req, user)));
    return { vacancyId: eventOf(result, 'VacancyOpened').data.vacancyId, version: result.version };
  }

  @Post('employers/:employerId/vacancies/:vacancyId/close')
  @ApiIdempotencyKey()
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a vacancy (filled or withdrawn)' })
  @ApiResponse({ status: 200, description: '{ vacancyId, version }' })
  @ProblemResponses(400, 404, 409)
  async closeVacancy(
    @Param('employerId', new UuidParam('employerId')) employerId: string,
    @Param('vacancyId', new UuidParam('vacancyId')) vacancyId: string,
    @SchemaBody(CloseVacancyBody) body: CloseVacancyBody,
    @Req() req: Request,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    const result = await this.commands.run(new EmployerStreamCommand(employerId, { type: 'CloseVacancy', data: { vacancyId, ...body } }, commandMetadataFrom(req, user)));
    return { vacancyId, version: result.version };
  }

  @Post('employers/:employerId/contacts')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Log a contact with the employer', description: 'A visit, call or network meeting, with or without the client.' })
  @ApiResponse({ status: 201, description: '{ contactId, version }' })
  @ProblemResponses(400, 404)
  async logContact(
    @Param('employerId', new UuidParam('employerId')) employerId: string,
    @SchemaBody(LogEmployerContactBody) body: LogEmployerContactBody,
    @Req() req: Request,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    const result = await this.commands.run<EmployerEvent>(new EmployerStreamCommand(employerId, { type: 'LogEmployerContact', data: body }, commandMetadataFrom(req, user)));
    return { contactId: eventOf(result, 'EmployerContactLogged').data.contactId, version: result.version };
  }

  @Get('vacancies')
  @ApiOperation({ summary: 'My organisation’s vacancies' })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'closed'] })
  @ApiResponse({ status: 200, description: 'The vacancies, oldest first.' })
  @ProblemResponses(400)
  vacancies(@Query('status', new OneOfQuery('status', ['open', 'closed'] as const)) status: 'open' | 'closed' | undefined, @CurrentUser() user: AuthenticatedUser) {
    return this.queries.vacancies(user.organisationId, status);
  }
}
