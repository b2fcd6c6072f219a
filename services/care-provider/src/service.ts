import type { ServiceDescription } from '@wcc/nest-kit';

export const careProviderService: ServiceDescription = {
  name: 'care-provider',
  title: 'GGZ care provider',
  description:
    "A GGZ mental-health provider's part of the chain: the referral inbox fed by the municipality, screening with clinical findings that " +
    'never leave this service, work-oriented screening advice (route, work capacity, FML functional limitations, review date), IPS job ' +
    'coaching and intake sessions, treatment episodes, and care funding requests and claims toward the health insurer.',
};
