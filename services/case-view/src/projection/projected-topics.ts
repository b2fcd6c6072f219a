// The topics the case view folds into cases: every topic the four partner organisations
// publish on, read from the contract registry (so a new topic of theirs is picked up).
// Its own topic and the exchange log's carry protocol records, not case facts.
import { integrationEvents } from '@wcc/contracts';
import { isPartnerOrganisationType } from '../domain';

export const projectedTopics: readonly string[] = [...new Set(integrationEvents.filter((d) => isPartnerOrganisationType(d.producer)).map((d) => d.topic))].sort();
