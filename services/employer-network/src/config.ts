// Which employer networks this deployment serves. In production each network runs its own
// deployment under its own Kafka principal; in development one process serves the demo's
// two. Its consumers read only the referrals for matching addressed to these.
import { servedOrganisations } from '@wcc/nest-kit';

/** The demo's employer networks (infra/seeds/demo/organisations.ts): the development default. */
export const demoEmployerNetworks = ['wsp-amsterdam', 'wsp-rijnmond'] as const;

export function servedEmployerNetworks(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  return servedOrganisations('EMPLOYER_NETWORK_ORGANISATION_IDS', demoEmployerNetworks, env);
}
