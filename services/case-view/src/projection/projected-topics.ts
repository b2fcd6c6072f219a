// The topics the case view folds into cases: the chain topic of each of the four partner
// organisations, read from the contract registry (so a new topic of theirs is picked up).
// Its own topic and the exchange log's carry protocol records, not case facts; audience
// topics carry copies (or a partner's minimal copy) of what the chain topics hold.
import { chainTopics, integrationEvents } from '@wcc/contracts';
import { isPartnerOrganisationType } from '@wcc/case-view-domain';

export const projectedTopics: readonly string[] = [
  ...new Set(
    integrationEvents
      .filter((d) => isPartnerOrganisationType(d.producer))
      .map((d) => d.topic)
      .filter((t) => (chainTopics as readonly string[]).includes(t)),
  ),
].sort();
