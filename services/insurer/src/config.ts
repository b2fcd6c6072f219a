// Which health insurers this deployment serves. In production each insurer runs its own
// deployment under its own Kafka principal; in development one process serves the demo's
// two. Its consumers read only the funding requests and claims addressed to these (and the
// placements every insurer receives: see ClientStartedWork).
import { servedOrganisations } from '@wcc/nest-kit';

/** The demo's insurers (infra/seeds/demo/organisations.ts): the development default. */
export const demoInsurers = ['achmea', 'vgz'] as const;

export function servedInsurers(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  return servedOrganisations('INSURER_ORGANISATION_IDS', demoInsurers, env);
}
