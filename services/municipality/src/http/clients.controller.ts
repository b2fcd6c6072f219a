// Clients: registration (the BSN enters here and nowhere else), lookup by BSN, and
// the client as the municipality's own users may see it.
import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { commandMetadataFrom, CurrentUser, OrganisationTypes, Roles, SchemaBody, type AuthenticatedUser, type RequestWithUser } from '@wcc/nest-kit';
import { RegisterClientRequest } from '../commands/register-client.handler';
import { ClientQuery, type ClientView } from '../queries/client.query';
import { ApiIdempotencyKey, ApiProblems, objectSchema } from './api-docs';
import { ClientKeyParam } from './params';
import { LookupClientBody, RegisterClientBody } from './schemas';

@ApiTags('clients')
@ApiBearerAuth()
@Controller('clients')
@OrganisationTypes('municipality')
@Roles('client-manager', 'regisseur')
export class ClientsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clients: ClientQuery,
  ) {}

  @Post()
  @Roles('client-manager')
  @ApiOperation({ summary: 'Register a client', description: 'The BSN must pass the elfproef; it is stored encrypted and never leaves this service. Returns the pseudonymous client key.' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, description: 'Registered.', schema: objectSchema({ clientKey: { type: 'string' }, version: { type: 'integer' } }) })
  @ApiProblems(400, 401, 403, 409)
  async register(@Req() req: RequestWithUser, @CurrentUser() user: AuthenticatedUser, @SchemaBody(RegisterClientBody) body: RegisterClientBody): Promise<{ clientKey: string; version: number }> {
    const { bsn, name, ...profile } = body;
    const result = await this.commands.execute<RegisterClientRequest, { clientKey: string; version: number }>(
      new RegisterClientRequest({ bsn, ...(name === undefined ? {} : { name }), profile }, commandMetadataFrom(req, user)),
    );
    return { clientKey: result.clientKey, version: result.version };
  }

  @Post('lookup')
  @HttpCode(200)
  @Roles('client-manager')
  @ApiOperation({ summary: 'Find a client of your municipality by BSN', description: 'POST so the BSN is never part of a URL.' })
  @ApiResponse({ status: 200, description: 'Found.', schema: objectSchema({ clientKey: { type: 'string' } }) })
  @ApiProblems(400, 401, 403, 404)
  lookup(@CurrentUser() user: AuthenticatedUser, @SchemaBody(LookupClientBody) body: LookupClientBody): Promise<{ clientKey: string }> {
    return this.clients.lookup(user, body.bsn);
  }

  @Get(':clientKey')
  @ApiOperation({
    summary: 'A client of your municipality',
    description: 'Demographics, benefit and cases. Client managers also see the BSN masked except its last three digits, and the name; regisseurs never.',
  })
  @ApiResponse({ status: 200, description: 'The client.' })
  @ApiProblems(400, 401, 403, 404)
  client(@CurrentUser() user: AuthenticatedUser, @Param('clientKey', new ClientKeyParam()) clientKey: string): Promise<ClientView> {
    return this.clients.clientFor(user, clientKey, new Date());
  }
}
