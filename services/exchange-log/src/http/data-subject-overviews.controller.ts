// The citizen's overview, asked for by the client manager of the municipality that
// holds the case (the client comes to the municipality, not to the log).
import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { ApiProblem, commandMetadataFrom, CurrentUser, OrganisationTypes, Roles, SchemaBody, type AuthenticatedUser, type RequestWithUser } from '@wcc/nest-kit';
import { DataSubjectOverviews } from '../queries/data-subject-overview';
import { clientKeySchema } from './disclosure-query';

const OverviewRequestBody = Type.Object({ clientKey: clientKeySchema }, { additionalProperties: false });

@ApiTags('data subject overview')
@ApiProblem(401, 'No or an invalid bearer token.')
@Controller('data-subject-overviews')
@OrganisationTypes('municipality')
@Roles('client-manager')
export class DataSubjectOverviewsController {
  constructor(private readonly overviews: DataSubjectOverviews) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: "A client's overview of who received or viewed their data (AVG art. 15)",
    description:
      'Every organisation that received or viewed the client’s data, when, why (processing activity), on which basis (legal basis or consent) and which data categories, with Dutch and English labels. The request is itself recorded as a disclosure to your municipality. Honours Idempotency-Key.',
  })
  @ApiResponse({ status: 201, description: '{ requestRecordId, dataSubjectIdType, title, organisations, entries }' })
  @ApiProblem(400, 'Invalid body (e.g. a BSN instead of a client key); names the field.')
  @ApiProblem(403, 'Not a client manager of a municipality.')
  @ApiProblem(404, 'The log knows no case of this client key at your municipality (also when another municipality holds it: the same answer).')
  @ApiProblem(409, 'The Idempotency-Key was already used for another client.')
  provide(@SchemaBody(OverviewRequestBody) body: Static<typeof OverviewRequestBody>, @Req() request: RequestWithUser, @CurrentUser() user: AuthenticatedUser) {
    return this.overviews.provide(body.clientKey, commandMetadataFrom(request, user), user);
  }
}
