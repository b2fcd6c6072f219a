// The employer network's service: account managers keep employers and vacancies,
// answer the municipality's referrals for matching, and record placements and job
// loss. It takes in only ClientReferred, and publishes only work data.
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { municipalityToEmployerNetworkTopic } from '@wcc/contracts';
import { EventStoreModule, HealthModule, MessagingModule, type ServiceDescription } from '@wcc/nest-kit';
import { commandHandlers } from './commands';
import { CommandRunner } from './http/command-runner';
import { EmployersController } from './http/employers.controller';
import { MatchingsController } from './http/matchings.controller';
import { servedEmployerNetworks } from './config';
import { employerNetworkMapping } from './integration/employer-network.mapping';
import { MunicipalityReferralConsumer } from './integration/municipality-referral.consumer';
import { EmployerNetworkQueries } from './queries/employer-network.queries';
import { ReadModels } from './queries/read-models';

export const employerNetworkService: ServiceDescription = {
  name: 'employer-network',
  title: 'Employer network (werkgeversdienstverlening)',
  description:
    'Employers, vacancies and employer contacts; matching of clients the municipality refers; placements with their 1/3/6/12-month reviews and job loss. ' +
    'Only account managers of an employer-network organisation, each for their own organisation. Health data is never received, stored from others or shown.',
};

/** Organisation part of the CloudEvents source (an OIN in production). */
const organisation = process.env['ORGANISATION_OIN'] ?? 'wcc-employer-network';

@Module({
  imports: [
    CqrsModule.forRoot(),
    EventStoreModule.forRoot(),
    MessagingModule.forRoot({
      service: 'employer-network',
      organisation,
      map: employerNetworkMapping,
      organisations: servedEmployerNetworks,
      consumers: [{ name: 'municipality-referrals', topics: [municipalityToEmployerNetworkTopic], handler: MunicipalityReferralConsumer }],
    }),
    HealthModule,
  ],
  controllers: [EmployersController, MatchingsController],
  providers: [ReadModels, EmployerNetworkQueries, CommandRunner, ...commandHandlers],
})
export class AppModule {}
