// How far behind the partners' topics the projection is, per partition: the group's
// committed offsets against the high watermarks (IntegrationConsumer.lag()), and the
// last offset the projection itself applied.
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { IntegrationConsumer } from '@wcc/messaging';
import { ApiProblem, INTEGRATION_CONSUMERS } from '@wcc/nest-kit';
import { CASE_VIEW_DATA_SOURCE } from '../persistence/case-view-store.module';
import { CaseSummaryRow, PartitionCheckpointRow, TimelineEntryRow } from '../persistence/entities';
import { projectionStatusResponse } from './responses';

export interface ProjectionStatus {
  readonly totalLag: string;
  readonly partitions: readonly {
    readonly topic: string;
    readonly partition: number;
    readonly highWatermark: string;
    readonly committedOffset: string | null;
    readonly lag: string;
    readonly lastAppliedOffset: string | null;
  }[];
  readonly consumer: { readonly processed: number; readonly duplicates: number; readonly deadLettered: number; readonly retried: number };
  readonly cases: number;
  readonly items: number;
}

@ApiTags('projection')
@Controller('projection')
export class ProjectionController {
  constructor(
    @Inject(INTEGRATION_CONSUMERS) private readonly consumers: IntegrationConsumer[],
    @Inject(CASE_VIEW_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Get('status')
  @ApiOperation({ summary: 'Projection lag per partition', description: 'For operators: lag per topic partition, consumer counters and read-model sizes. No client data.' })
  @ApiResponse({ status: 200, schema: projectionStatusResponse, description: 'Where the projection stands.' })
  @ApiProblem(401, 'No or an invalid bearer token.')
  async status(): Promise<ProjectionStatus> {
    const consumer = this.consumers[0];
    const [lag, checkpoints, cases, items] = await Promise.all([
      consumer ? consumer.lag() : Promise.resolve([]),
      this.dataSource.getRepository(PartitionCheckpointRow).find(),
      this.dataSource.getRepository(CaseSummaryRow).count(),
      this.dataSource.getRepository(TimelineEntryRow).count(),
    ]);
    const applied = new Map(checkpoints.map((c) => [`${c.topic}#${c.partition}`, c.lastOffset]));
    return {
      totalLag: lag.reduce((sum, p) => sum + p.lag, 0n).toString(),
      partitions: lag.map((p) => ({
        topic: p.topic,
        partition: p.partition,
        highWatermark: p.highWatermark.toString(),
        committedOffset: p.committedOffset === undefined ? null : p.committedOffset.toString(),
        lag: p.lag.toString(),
        lastAppliedOffset: applied.get(`${p.topic}#${p.partition}`) ?? null,
      })),
      consumer: consumer ? consumer.counts() : { processed: 0, duplicates: 0, deadLettered: 0, retried: 0 },
      cases,
      items,
    };
  }
}
