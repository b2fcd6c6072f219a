// The outcomes monitor: one consumer on the three topics that carry trajectories, the
// folded trajectories in its own Postgres, and the aggregates for policy analysts. It publishes nothing.
import { Module } from '@nestjs/common';
import { careProviderCaseEventsTopic, employerNetworkCaseEventsTopic, municipalityCaseEventsTopic } from '@wcc/contracts';
import { EventStoreModule, HealthModule, MessagingModule } from '@wcc/nest-kit';
import { OutcomesController } from './http/outcomes.controller';
import { ChainEventsConsumer } from './integration/chain-events.consumer';
import { OutcomesStoreModule } from './persistence/outcomes-store.module';

export const consumedTopics = [municipalityCaseEventsTopic, careProviderCaseEventsTopic, employerNetworkCaseEventsTopic];

@Module({
  imports: [
    // The platform's pool (PG_POOL) and the messaging module's relay slot come with the event store module.
    EventStoreModule.forRoot(),
    OutcomesStoreModule,
    MessagingModule.forRoot({
      service: 'outcomes',
      organisation: process.env['ORGANISATION_OIN'] ?? 'wcc-outcomes',
      consumers: [{ name: 'trajectories', topics: consumedTopics, handler: ChainEventsConsumer }],
    }),
    HealthModule,
  ],
  controllers: [OutcomesController],
})
export class AppModule {}
