// The municipality service: event store, Kafka (relay of its integration events,
// consumers of the care provider's and the employer network's answers), the HTTP API
// for client managers and regisseurs, the BSN vault, and the case-list read model.
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule, HealthModule, MessagingModule } from '@wcc/nest-kit';
import { CaseCommandHandler } from './commands/case-command.handler';
import { CaseReviewCommandHandler } from './commands/case-review-command.handler';
import { OpenCaseHandler } from './commands/open-case.handler';
import { RegisterClientHandler } from './commands/register-client.handler';
import { CaseReviewsController } from './http/case-reviews.controller';
import { CasesController } from './http/cases.controller';
import { ClientsController } from './http/clients.controller';
import { CareProviderConsumer, careProviderTopics } from './integration/care-provider.consumer';
import { EmployerNetworkConsumer, employerNetworkTopics } from './integration/employer-network.consumer';
import { servedMunicipalities } from './config';
import { municipalityMapping } from './integration/municipality.mapping';
import { BSN_VAULT, BsnVault } from './privacy/bsn-vault';
import { ClientNameGuard } from './privacy/client-name-guard';
import { CaseFileQuery } from './queries/case-file.query';
import { CaseListProjection } from './queries/case-list.projection';
import { CaseReviewsProjection } from './queries/case-reviews.projection';
import { ClientQuery } from './queries/client.query';

@Module({
  imports: [
    CqrsModule.forRoot(),
    EventStoreModule.forRoot(),
    MessagingModule.forRoot({
      service: 'municipality',
      // Organisation part of the CloudEvents source (an OIN in production).
      organisation: process.env['ORGANISATION_OIN'] ?? 'wcc-municipality',
      map: municipalityMapping,
      organisations: servedMunicipalities,
      consumers: [
        { name: 'care-provider', topics: careProviderTopics, handler: CareProviderConsumer },
        { name: 'employer-network', topics: employerNetworkTopics, handler: EmployerNetworkConsumer },
      ],
    }),
    HealthModule,
  ],
  controllers: [ClientsController, CasesController, CaseReviewsController],
  providers: [
    { provide: BSN_VAULT, useFactory: () => BsnVault.fromEnvironment() },
    ClientNameGuard,
    RegisterClientHandler,
    OpenCaseHandler,
    CaseCommandHandler,
    CaseReviewCommandHandler,
    CaseListProjection,
    CaseReviewsProjection,
    CaseFileQuery,
    ClientQuery,
  ],
})
export class AppModule {}
