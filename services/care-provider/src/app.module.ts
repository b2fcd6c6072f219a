// The care-provider service: event store, Kafka (relay of its integration events,
// consumers of the municipality's referrals and the insurer's answers), the HTTP API
// for screeners and IPS workers, and the referral inbox read model.
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { topics } from '@wcc/contracts';
import { EventStoreModule, HealthModule, MessagingModule } from '@wcc/nest-kit';
import { ReferralCommandHandler } from './commands/referral.handler';
import { CareProviderConfig } from './config';
import { CareClaimCommandHandler } from './commands/care-claim.handler';
import { CareFundingCommandHandler } from './commands/care-funding.handler';
import { CareFundingController } from './http/care-funding.controller';
import { ReferralsController } from './http/referrals.controller';
import { careProviderMapping } from './integration/care-provider.mapping';
import { InsurerEventsConsumer } from './integration/insurer.consumer';
import { MunicipalityEventsConsumer } from './integration/municipality.consumer';
import { ReferralInboxProjection } from './queries/referral-inbox.projection';
import { ReferralInboxQueries } from './queries/referral-inbox.queries';

@Module({
  imports: [
    CqrsModule.forRoot(),
    EventStoreModule.forRoot(),
    MessagingModule.forRoot({
      service: 'care-provider',
      // Organisation part of the CloudEvents source (an OIN in production).
      organisation: process.env['ORGANISATION_OIN'] ?? 'wcc-care-provider',
      map: careProviderMapping,
      organisations: () => new CareProviderConfig().servedOrganisations,
      consumers: [
        { name: 'municipality', topics: [topics.municipalityToCareProvider], handler: MunicipalityEventsConsumer },
        { name: 'insurer', topics: [topics.insurerToCareProvider], handler: InsurerEventsConsumer },
      ],
    }),
    HealthModule,
  ],
  controllers: [ReferralsController, CareFundingController],
  providers: [ReferralCommandHandler, CareFundingCommandHandler, CareClaimCommandHandler, ReferralInboxProjection, ReferralInboxQueries],
})
export class AppModule {}
