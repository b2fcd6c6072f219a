// Command metadata for this library's decider specs: a care provider unless said otherwise.
import type { CommandMetadata, OrganisationType } from '@wcc/domain-kit';
import { commandMetadata } from '@wcc/domain-kit/testing';

/** One fixed command id: the ids a decider creates derive from it, and the specs expect those. */
const commandId = 'c0ffee00-0000-4000-8000-000000000001';

export function metadataFor(organisationId: string, organisationType: OrganisationType = 'care-provider'): CommandMetadata {
  return commandMetadata({ userId: 'u-1', organisationId, organisationType }, { commandId, now: '2025-03-10T09:00:00Z', correlationId: commandId });
}
