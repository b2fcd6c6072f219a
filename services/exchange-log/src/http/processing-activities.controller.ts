// The register of processing activities (verwerkingsregister): what every record's
// dpl.core.processing_activity_id points to. Readable by every authenticated user.
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblem, ProblemException } from '@wcc/nest-kit';
import { isProcessingActivityId, processingActivities, processingActivity, processingActivityIds } from '@wcc/exchange-log-domain';

@ApiTags('processing activities')
@ApiProblem(401, 'No or an invalid bearer token.')
@Controller('processing-activities')
export class ProcessingActivitiesController {
  @Get()
  @ApiOperation({ summary: 'The register of processing activities', description: 'Id, URI, name and purpose (nl + en), legal basis, consent purpose, data categories and retention.' })
  @ApiResponse({ status: 200, description: '{ activities: ProcessingActivity[] }' })
  list() {
    return { activities: processingActivities };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One processing activity', description: 'Resolves urn:nld:workcarechain:verwerkingsactiviteit:<id>.' })
  @ApiParam({ name: 'id', enum: processingActivityIds })
  @ApiResponse({ status: 200, description: 'The processing activity.' })
  @ApiProblem(404, 'Not in the register.')
  one(@Param('id') id: string) {
    if (!isProcessingActivityId(id)) throw ProblemException.notFound(`Processing activity ${id} is not in the register.`);
    return processingActivity(id);
  }
}
