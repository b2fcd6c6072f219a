// GET /health: is this service's Postgres answering, is the Kafka broker answering,
// and is the outbox relay keeping up. Public, so an orchestrator can probe it.
import { Controller, Get, Inject, Module, Optional } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TerminusModule, type HealthCheckResult } from '@nestjs/terminus';
import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import type { IntegrationConsumer, OutboxRelay } from '@wcc/messaging';
import { Public } from '../auth/decorators';
import { INTEGRATION_CONSUMERS, KAFKA, OUTBOX_RELAY } from '../messaging/messaging.module';
import { PG_POOL } from '../persistence/event-store.module';

const checkResults = {
  anyOf: [{ type: 'object', additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } }, additionalProperties: true } }, { type: 'null' }],
};

function healthAnswerSchema(status: 'ok' | 'error') {
  return {
    type: 'object',
    properties: { status: { type: 'string', enum: [status] }, info: checkResults, error: checkResults, details: checkResults },
  };
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Optional() @Inject(KAFKA) private readonly kafka?: Kafka,
    @Optional() @Inject(OUTBOX_RELAY) private readonly relay?: OutboxRelay,
    @Optional() @Inject(INTEGRATION_CONSUMERS) private readonly consumers?: IntegrationConsumer[],
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Health: Postgres, the Kafka broker and the outbox relay', description: 'Public, for an orchestrator’s probe; 503 when a check is down.' })
  // Terminus documents its answer in OpenAPI 3.0 terms (`nullable`); the documents are 3.1.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiResponse({ status: 200, description: 'Every check is up.', schema: healthAnswerSchema('ok') })
  @ApiResponse({ status: 503, description: 'A check is down; `error` names it.', schema: healthAnswerSchema('error') })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      async () => {
        const session = this.indicators.check('postgres');
        try {
          await this.pool.query('select 1');
          return session.up();
        } catch (err) {
          return session.down({ message: err instanceof Error ? err.message : String(err) });
        }
      },
      async () => {
        const session = this.indicators.check('kafka');
        if (!this.kafka) return session.up({ message: 'not used by this service' });
        const admin = this.kafka.admin();
        try {
          await admin.connect();
          const cluster = await admin.describeCluster();
          return session.up({ brokers: cluster.brokers.length });
        } catch (err) {
          return session.down({ message: err instanceof Error ? err.message : String(err) });
        } finally {
          await admin.disconnect().catch(() => undefined);
        }
      },
      async () => {
        const session = this.indicators.check('messaging');
        const relay = this.relay?.status();
        const counts = (this.consumers ?? []).map((c) => c.counts());
        const details = { relay: relay ? { state: relay.state, role: relay.role, published: relay.published, failures: relay.failures } : 'none', consumers: counts };
        return relay && relay.state === 'failed' ? session.down(details) : session.up(details);
      },
    ]);
  }
}

@Module({ imports: [TerminusModule], controllers: [HealthController] })
export class HealthModule {}
