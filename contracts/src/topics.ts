// Every topic integration events travel on. Dead-letter topics are derived, never listed.
import { careProviderCaseEventsTopic, careProviderToInsurerTopic, careProviderToMunicipalityTopic } from './care-provider/topics';
import { caseViewCaseEventsTopic } from './case-view/topics';
import { audienceOfTopic, audienceTopicParts } from './core/topics';
import { employerNetworkCaseEventsTopic, employerNetworkToInsurerTopic, employerNetworkToMunicipalityTopic } from './employer-network/topics';
import { insurerCaseEventsTopic, insurerToCareProviderTopic } from './insurer/topics';
import { municipalityCaseEventsTopic, municipalityToCareProviderTopic, municipalityToEmployerNetworkTopic } from './municipality/topics';

export const topics = {
  municipalityCaseEvents: municipalityCaseEventsTopic,
  careProviderCaseEvents: careProviderCaseEventsTopic,
  employerNetworkCaseEvents: employerNetworkCaseEventsTopic,
  insurerCaseEvents: insurerCaseEventsTopic,
  caseViewCaseEvents: caseViewCaseEventsTopic,
  municipalityToCareProvider: municipalityToCareProviderTopic,
  municipalityToEmployerNetwork: municipalityToEmployerNetworkTopic,
  careProviderToMunicipality: careProviderToMunicipalityTopic,
  careProviderToInsurer: careProviderToInsurerTopic,
  employerNetworkToMunicipality: employerNetworkToMunicipalityTopic,
  employerNetworkToInsurer: employerNetworkToInsurerTopic,
  insurerToCareProvider: insurerToCareProviderTopic,
} as const;

export type TopicName = (typeof topics)[keyof typeof topics];

export const allTopics: readonly TopicName[] = Object.values(topics);

/** Each producer's topic of everything it publishes, for the chain's own processors. */
export const chainTopics: readonly TopicName[] = allTopics.filter((t) => audienceOfTopic(t) === undefined);

/** Topics addressed to one partner's service. */
export const audienceTopics: readonly TopicName[] = allTopics.filter((t) => audienceOfTopic(t) !== undefined);

export {
  addressableOrganisation,
  addressableOrganisationIdPattern,
  audienceOfTopic,
  audienceTopicOf,
  audienceTopicParts,
  deadLetterTopicOf,
  organisationTopicOf,
  organisationTopicPrefixOf,
  organisationTopicSegment,
  organisationTopicsPrefixOf,
  partnerAudiences,
  type AudienceTopic,
  type PartnerAudience,
} from './core/topics';

/**
 * The contract topic a name is, when it is one: a listed topic, or an organisation's member
 * of a listed audience topic ('wcc.municipality.to-care-provider.ggz-delfland.v1').
 */
export function isContractTopic(topic: string): boolean {
  if ((allTopics as readonly string[]).includes(topic)) return true;
  const parts = audienceTopicParts(topic);
  return parts?.organisationId !== undefined && (allTopics as readonly string[]).includes(parts.declared);
}
