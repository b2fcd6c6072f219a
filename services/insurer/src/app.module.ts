// The insurer service: event store, Kafka (relay of its decisions, consumers of care
// providers' requests and claims and of the employer network's placements), the
// contract manager's HTTP API and its read models.
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { topics } from '@wcc/contracts';
import { EventStoreModule, HealthModule, MessagingModule } from '@wcc/nest-kit';
import { CareFundingCommandHandler } from './commands/care-funding.handler';
import { servedInsurers } from './config';
import { CareFundingController } from './http/care-funding.controller';
import { FundedClientsController } from './http/funded-clients.controller';
import { CareProviderConsumer } from './integration/care-provider.consumer';
import { EmployerNetworkConsumer } from './integration/employer-network.consumer';
import { mapInsurerEvent } from './integration/insurer.mapping';
import { CareFundingProjection } from './queries/care-funding.projection';
import { CareFundingQueries } from './queries/care-funding.queries';
import { FundedClientsQueries } from './queries/funded-clients.queries';

@Module({
  imports: [
    CqrsModule.forRoot(),
    EventStoreModule.forRoot(),
    MessagingModule.forRoot({
      service: 'insurer',
      // Organisation part of the CloudEvents source (an OIN in production).
      organisation: process.env['ORGANISATION_OIN'] ?? 'wcc-insurer',
      map: mapInsurerEvent,
      organisations: servedInsurers,
      consumers: [
        { name: 'care-provider', topics: [topics.careProviderToInsurer], handler: CareProviderConsumer },
        { name: 'employer-network', topics: [topics.employerNetworkToInsurer], handler: EmployerNetworkConsumer },
      ],
    }),
    HealthModule,
  ],
  controllers: [CareFundingController, FundedClientsController],
  providers: [CareFundingCommandHandler, CareFundingProjection, CareFundingQueries, FundedClientsQueries],
})
export class AppModule {}
