// Every topic integration events travel on. Dead-letter topics are derived, never listed.
import { careProviderCaseEventsTopic } from './care-provider/topics';
import { caseViewCaseEventsTopic } from './case-view/topics';
import { deadLetterTopicOf } from './core/topics';
import { employerNetworkCaseEventsTopic } from './employer-network/topics';
import { insurerCaseEventsTopic } from './insurer/topics';
import { municipalityCaseEventsTopic } from './municipality/topics';

export const topics = {
  municipalityCaseEvents: municipalityCaseEventsTopic,
  careProviderCaseEvents: careProviderCaseEventsTopic,
  employerNetworkCaseEvents: employerNetworkCaseEventsTopic,
  insurerCaseEvents: insurerCaseEventsTopic,
  caseViewCaseEvents: caseViewCaseEventsTopic,
} as const;

export type TopicName = (typeof topics)[keyof typeof topics];

export const allTopics: readonly TopicName[] = Object.values(topics);

export { deadLetterTopicOf };
