// The case view: projects every partner topic into its own schema, answers the MDT's
// queries filtered per viewer, and protocols each disclosure through its own event
// store and outbox relay (the same path every service publishes on).
import { Module } from '@nestjs/common';
import { EventStoreModule, HealthModule, MessagingModule } from '@wcc/nest-kit';
import { CasesController } from './http/cases.controller';
import { ProjectionController } from './http/projection.controller';
import { mapCaseViewEvent } from './integration/case-view.mapping';
import { CaseViewStoreModule } from './persistence/case-view-store.module';
import { CaseEventsConsumer } from './projection/case-events.consumer';
import { projectedTopics } from './projection/projected-topics';
import { CaseViewQueries } from './queries/case-view.queries';
import { ConsentFence } from './queries/consent-fence';
import { DisclosureRecorder } from './queries/disclosure-recorder';

@Module({
  imports: [
    EventStoreModule.forRoot(),
    CaseViewStoreModule,
    MessagingModule.forRoot({
      service: 'case-view',
      // Organisation part of the CloudEvents source (an OIN in production).
      organisation: process.env['ORGANISATION_OIN'] ?? 'wcc-case-view',
      map: mapCaseViewEvent,
      consumers: [{ name: 'projection', topics: projectedTopics, handler: CaseEventsConsumer }],
    }),
    HealthModule,
  ],
  controllers: [CasesController, ProjectionController],
  providers: [CaseViewQueries, DisclosureRecorder, ConsentFence],
})
export class AppModule {}
