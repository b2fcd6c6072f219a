// Recomputes the hash chain from the first record and names the first broken link.
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblem, OrganisationTypes, Roles } from '@wcc/nest-kit';
import { DisclosureLog } from '../persistence/disclosure-log';

@ApiTags('disclosures')
@ApiProblem(401, 'No or an invalid bearer token.')
@ApiProblem(403, 'Not an auditor or privacy officer of the chain.')
@Controller('verification')
@OrganisationTypes('chain')
@Roles('auditor', 'privacy-officer')
export class VerificationController {
  constructor(private readonly log: DisclosureLog) {}

  @Get()
  @ApiOperation({
    summary: 'Verify the hash chain',
    description:
      'Recomputes every record’s hash in position order. { ok: true, checked, head: { position, hash } } — keep the head outside the system to detect a cut-off tail later — or { ok: false, checked, firstBroken: { position, id, reason } }.',
  })
  @ApiResponse({ status: 200, description: 'The verification result.' })
  verify() {
    return this.log.verify();
  }
}
