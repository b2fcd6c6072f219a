// Which municipalities this deployment serves. In production each municipality runs its
// own deployment under its own Kafka principal; in development one process serves the
// demo's two. Its consumers read only the answers addressed to these.
import { servedOrganisations } from '@wcc/nest-kit';

/** The demo's municipalities (infra/seeds/demo/organisations.ts): the development default. */
export const demoMunicipalities = ['gemeente-amsterdam', 'gemeente-rotterdam'] as const;

export function servedMunicipalities(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  return servedOrganisations('MUNICIPALITY_ORGANISATION_IDS', demoMunicipalities, env);
}
