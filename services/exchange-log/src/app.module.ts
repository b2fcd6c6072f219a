// The exchange log: one consumer on every producer's chain topic (and the case view's
// protocol records; the audience topics carry copies of the same CloudEvents), the append-only hash-chained log in its own Postgres, and the
// auditors', privacy officers' and municipality's read endpoints. It publishes nothing.
import { Module } from '@nestjs/common';
import { chainTopics } from '@wcc/contracts';
import { EventStoreModule, HealthModule, MessagingModule } from '@wcc/nest-kit';
import { DataSubjectOverviewsController } from './http/data-subject-overviews.controller';
import { DisclosuresController } from './http/disclosures.controller';
import { ProcessingActivitiesController } from './http/processing-activities.controller';
import { VerificationController } from './http/verification.controller';
import { ChainEventsConsumer } from './integration/chain-events.consumer';
import { DisclosureScheduler } from './integration/disclosure-scheduler';
import { ExchangeLogModule } from './persistence/exchange-log.module';
import { DataSubjectOverviews } from './queries/data-subject-overview';

@Module({
  imports: [
    // The platform's pool (PG_POOL) and the messaging module's relay slot come with the event store module.
    EventStoreModule.forRoot(),
    ExchangeLogModule,
    MessagingModule.forRoot({
      service: 'exchange-log',
      organisation: process.env['ORGANISATION_OIN'] ?? 'wcc-exchange-log',
      consumers: [{ name: 'chain-events', topics: chainTopics, handler: ChainEventsConsumer }],
    }),
    HealthModule,
  ],
  controllers: [ProcessingActivitiesController, DisclosuresController, VerificationController, DataSubjectOverviewsController],
  providers: [DataSubjectOverviews, DisclosureScheduler],
})
export class AppModule {}
