// The monitor's aggregates, for the chain's coordinators and policy analysts only. Every
// live table is suppressed (cells of 1–4 clients withheld, and the cells that would give
// them back through the table's sums) before it leaves the service.
import { dateInAmsterdam } from '@wcc/domain-kit';
import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { OrganisationTypes, ProblemException, Roles } from '@wcc/nest-kit';
import {
  computeMkba,
  findings,
  flowChart,
  kaplanMeierChart,
  mkbaChart,
  isTableId,
  outcomeTable,
  parameterSet,
  parameterSets,
  reportConsistencyChecks,
  reproduceAllMkbaTables,
  reproduceMkbaTable,
  reproduceTable12,
  suppressedOutcomeTable,
  tableIds,
  toCsv,
  type ProjectId,
} from '@wcc/outcomes-domain';
import { OutcomesStore } from '../persistence/outcomes-store';
import { liveConsistencyChecks } from './live-consistency';
import { readTableQuery } from './outcomes-query';

/** Today in the Netherlands: the default as-of date. */
const today = () => dateInAmsterdam();

const tableQueries = [
  ApiQuery({ name: 'project', required: false, enum: ['vip-amsterdam', 'ips-nhn', 'exit-rotterdam'] }),
  ApiQuery({ name: 'groupBy', required: false, enum: ['project', 'municipality', 'cohort'], description: 'Counting tables only (flow, exit-reasons); cohort = month of start.' }),
  ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD; default today. Follow-up is censored here.' }),
  ApiQuery({ name: 'minCell', required: false, description: 'Smallest cell shown (default and minimum 5).' }),
  ApiQuery({ name: 'months', required: false, description: 'Kaplan–Meier horizon (default 12; 24 for the two-year curve).' }),
  ApiQuery({ name: 'parameters', required: false, description: 'Parameter set id (default 002-2016).' }),
];
function withTableQueries(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorate of tableQueries) decorate(target, key, descriptor);
  };
}

@ApiTags('outcomes')
@ApiResponse({ status: 401, description: 'No or an invalid bearer token.' })
@ApiResponse({ status: 403, description: 'Not a policy analyst (chain coordinator) of the chain.' })
@Controller('outcomes')
@OrganisationTypes('chain')
@Roles('policy-analyst')
export class OutcomesController {
  constructor(private readonly store: OutcomesStore) {}

  @Get('tables')
  @ApiOperation({ summary: 'The monitor’s tables', description: 'Id, title and whether the table uses only clients with a research consent.' })
  list() {
    const options = { asOf: today(), parameters: parameterSet('002-2016')! };
    return {
      tables: tableIds.map((id) => {
        const t = outcomeTable(id, [], options);
        return { id, title: t.title, researchOnly: t.researchOnly };
      }),
    };
  }

  @Get('tables/:table')
  @ApiOperation({
    summary: 'One table, suppressed',
    description:
      'Columns (kind, basis, partOf), rowTotals, rows, notes; counts of 1–4, the counts withheld so that the table’s sums do not give them back (secondary suppression), and what derives from any of them are null. suppressedCells and secondarySuppressedCells count them.',
  })
  @ApiParam({ name: 'table', enum: tableIds })
  @withTableQueries()
  @ApiResponse({ status: 400, description: 'A bad query parameter (problem+json naming it).' })
  @ApiResponse({ status: 404, description: 'No such table.' })
  async table(@Param('table') table: string, @Query() query: Record<string, unknown>) {
    return this.suppressed(table, query);
  }

  @Get('tables/:table/csv')
  @ApiOperation({ summary: 'One table as CSV, suppressed', description: 'Header of column keys; withheld cells empty.' })
  @ApiParam({ name: 'table', enum: tableIds })
  @withTableQueries()
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async csv(@Param('table') table: string, @Query() query: Record<string, unknown>) {
    return toCsv(await this.suppressed(table, query));
  }

  @Get('report/mkba')
  @ApiOperation({
    summary: 'Report 002 Tables 9–12 reproduced from the report’s own inputs',
    description: 'Every cell: report, engine, difference, the inputs it misses (empty = determined) and its status.',
  })
  @ApiQuery({ name: 'project', required: false, enum: ['vip-amsterdam', 'ips-nhn', 'exit-rotterdam'] })
  @ApiQuery({ name: 'parameters', required: false })
  mkbaFromReport(@Query() query: Record<string, unknown>) {
    const q = readTableQuery(query, today());
    const tables = q.project ? [reproduceMkbaTable(q.parameters, q.project as ProjectId)] : reproduceAllMkbaTables(q.parameters);
    return {
      parameterSet: q.parameters.id,
      tables: tables.map((t) => ({ table: t.table, project: t.project, cells: t.cells, payback: t.mkba.payback, jobCoachingCostPerClient: t.mkba.jobCoachingCostPerClient })),
      table12: reproduceTable12(q.parameters).filter((r) => !q.project || r.project === q.project),
    };
  }

  @Get('consistency')
  @ApiOperation({
    summary: 'Consistency findings',
    description: 'Every published figure of reports 000/002/003 recomputed from its parts, and the live tables’ internal checks; findings are the checks that fail.',
  })
  @ApiQuery({ name: 'parameters', required: false })
  @ApiQuery({ name: 'asOf', required: false })
  async consistency(@Query() query: Record<string, unknown>) {
    const q = readTableQuery(query, today());
    const report = reportConsistencyChecks(q.parameters);
    const live = liveConsistencyChecks(await this.store.trajectories(), q);
    return { parameterSet: q.parameters.id, report: { checks: report.length, findings: findings(report) }, live: { checks: live.length, findings: findings(live) } };
  }

  @Get('charts/:chart.svg')
  @ApiOperation({
    summary: 'A chart as SVG, drawn from the suppressed tables',
    description: 'time-to-work (Figure 6), job-loss (Figure 8), flow, mkba (project required: the report’s Tables 9–11 net result per stakeholder).',
  })
  @ApiParam({ name: 'chart', enum: ['time-to-work', 'job-loss', 'flow', 'mkba'] })
  @withTableQueries()
  @ApiProduces('image/svg+xml')
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  async chart(@Param('chart') chart: string, @Query() query: Record<string, unknown>) {
    switch (chart) {
      case 'time-to-work':
        return kaplanMeierChart(await this.suppressed(chart, query));
      case 'job-loss':
        return kaplanMeierChart(await this.suppressed(chart, query), 'Kans op verlies van werk / chance of losing the first job (Kaplan–Meier)');
      case 'flow':
        return flowChart(await this.suppressed(chart, query));
      case 'mkba': {
        const q = readTableQuery(query, today());
        if (!q.project) throw ProblemException.validation([{ field: 'project', reason: 'the MKBA chart is per project' }]);
        return mkbaChart(computeMkba(q.parameters, q.project as ProjectId), `MKBA ${q.project}: netto per belanghebbende, 4 jaar (report 002 inputs)`);
      }
      default:
        throw ProblemException.notFound(`Chart ${chart} does not exist; known: time-to-work, job-loss, flow, mkba.`);
    }
  }

  @Get('parameters/:id')
  @ApiOperation({ summary: 'A parameter set with the source of every value' })
  @ApiParam({ name: 'id', enum: Object.keys(parameterSets) })
  @ApiResponse({ status: 404, description: 'No such parameter set.' })
  parameters(@Param('id') id: string) {
    const set = parameterSet(id);
    if (!set) throw ProblemException.notFound(`Parameter set ${id} does not exist; known: ${Object.keys(parameterSets).join(', ')}.`);
    return set;
  }

  private async suppressed(table: string, query: Record<string, unknown>) {
    if (!isTableId(table)) throw ProblemException.notFound(`Table ${table} does not exist; known: ${tableIds.join(', ')}.`);
    const q = readTableQuery(query, today());
    // All projects even for one: a project's answer is cut from the whole table's suppression.
    return suppressedOutcomeTable(table, await this.store.trajectories(), q, q.minCell);
  }
}
