// The chain's auditors and privacy officers read the log: by data subject, by
// organisation, by processing activity, by period; page by page or as JSON lines.
import { once } from 'node:events';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblem, OrganisationTypes, ProblemException, Roles, SchemaValidationPipe, UuidParam } from '@wcc/nest-kit';
import { processingActivityIds } from '@wcc/exchange-log-domain';
import { DisclosureLog } from '../persistence/disclosure-log';
import { SubjectProtection } from '../privacy/subject-protection';
import { DisclosureQuery, ExportQuery, filterOf, type DisclosureQueryParams, type ExportQueryParams } from './disclosure-query';

const filterQueries = [
  ApiQuery({ name: 'dataSubject', required: false, description: 'Client key (pseudonym); matched through the blind index.' }),
  ApiQuery({ name: 'organisationId', required: false, description: 'As sender or recipient.' }),
  ApiQuery({ name: 'processingActivity', required: false, enum: processingActivityIds }),
  ApiQuery({ name: 'kind', required: false, enum: ['delivered', 'viewed', 'access-refused', 'overview-provided'] }),
  ApiQuery({ name: 'status', required: false, enum: ['UNSET', 'OK', 'ERROR'] }),
  ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD or RFC 3339, inclusive.' }),
  ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD (inclusive) or RFC 3339 (exclusive).' }),
];

function withFilterQueries(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorate of filterQueries) decorate(target, key, descriptor);
  };
}

@ApiTags('disclosures')
@ApiProblem(401, 'No or an invalid bearer token.')
@ApiProblem(403, 'Not an auditor or privacy officer of the chain.')
@Controller('disclosures')
@OrganisationTypes('chain')
@Roles('auditor', 'privacy-officer')
export class DisclosuresController {
  constructor(
    private readonly log: DisclosureLog,
    private readonly subjects: SubjectProtection,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Disclosure records, in chain order', description: 'Filters combine. Page with `after` = the previous page’s `next`.' })
  @withFilterQueries()
  @ApiQuery({ name: 'limit', required: false, description: '1–500, default 100.' })
  @ApiQuery({ name: 'after', required: false, description: 'Chain position to continue after.' })
  @ApiResponse({ status: 200, description: '{ records: DisclosureRecord[], next: number | null }' })
  @ApiProblem(400, 'Unknown or malformed parameter, or `to` not after `from`; names the parameter.')
  async list(@Query(new SchemaValidationPipe(DisclosureQuery)) query: DisclosureQueryParams) {
    const limit = Number(query.limit ?? 100);
    const records = await this.log.page(filterOf(query, this.subjects), Number(query.after ?? 0), limit);
    return { records, next: records.length === limit ? records[records.length - 1]!.position : null };
  }

  @Get('export')
  @ApiOperation({ summary: 'Export matching records as JSON lines', description: 'One record per line, in chain order (application/x-ndjson).' })
  @ApiProduces('application/x-ndjson')
  @withFilterQueries()
  @ApiResponse({ status: 200, description: 'application/x-ndjson: one DisclosureRecord per line.' })
  @ApiProblem(400, 'Unknown or malformed parameter; names it.')
  async export(@Query(new SchemaValidationPipe(ExportQuery)) query: ExportQueryParams, @Res() response: Response): Promise<void> {
    const filter = filterOf(query, this.subjects);
    response.status(200).setHeader('content-type', 'application/x-ndjson');
    try {
      for await (const record of this.log.stream(filter)) {
        if (!response.write(`${JSON.stringify(record)}\n`)) await once(response, 'drain');
      }
      response.end();
    } catch (error) {
      // Headers are gone: all that is left is to break the stream so the client sees it is incomplete.
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }

  @Get(':id')
  @ApiOperation({ summary: 'One disclosure record' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 200, description: 'The record.' })
  @ApiProblem(400, 'The id is not a UUID.')
  @ApiProblem(404, 'No such record.')
  async one(@Param('id', new UuidParam('id')) id: string) {
    const record = await this.log.findById(id);
    if (!record) throw ProblemException.notFound(`No disclosure record ${id}.`);
    return record;
  }
}
