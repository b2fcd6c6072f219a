// Which project a trajectory belongs to: the chain carries no project field, so the
// monitor reads it from the care provider the client was referred to (report 002 §2.4:
// one GGZ partner per project). A versioned registry, not a rule in code.
import type { ProjectId } from './parameters/report-002-2016';

export interface ProjectRegistry {
  readonly id: string;
  readonly careProviders: Readonly<Record<string, ProjectId>>;
}

export const projectRegistryDemo2015: ProjectRegistry = {
  id: 'voorbeeldprojecten-2015',
  careProviders: {
    'ggz-vip-amsterdam': 'vip-amsterdam',
    'ggz-nhn': 'ips-nhn',
    'parnassia-bavo': 'exit-rotterdam',
  },
};

export function projectResolver(registry: ProjectRegistry): (organisationId: string) => ProjectId | null {
  return (organisationId) => registry.careProviders[organisationId] ?? null;
}
