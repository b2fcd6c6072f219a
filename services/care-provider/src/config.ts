// Which care providers this deployment serves. In production each GGZ provider runs its own
// deployment under its own Kafka principal; one deployment may host several (the demo's
// three). Its consumers read only the topics addressed to these (a referral to another
// provider never reaches it), and each user acts only for the organisation in their token.
import { servedOrganisations } from '@wcc/nest-kit';

/** The demo's care providers (infra/seeds/demo/organisations.ts): the development default. */
export const demoCareProviders = ['ggz-vip-amsterdam', 'ggz-nhn', 'parnassia-bavo'] as const;

export class CareProviderConfig {
  readonly servedOrganisations: readonly string[];

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.servedOrganisations = servedOrganisations('CARE_PROVIDER_ORGANISATION_IDS', demoCareProviders, env);
  }

  serves(organisationId: string): boolean {
    return this.servedOrganisations.includes(organisationId);
  }
}
