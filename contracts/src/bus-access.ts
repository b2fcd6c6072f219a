// Who may read and write which topic: the one statement of the bus's need-to-know.
// Services subscribe only within it (MessagingModule refuses a consumer outside it at
// start-up), and in production the broker enforces it: one SASL principal per organisation
// (per service for the chain's processors), with the Kafka ACLs kafkaAclsFor() derives
// (see tests/integration/bus-acl).
//
// A partner's deployment reads only what is addressed to the organisations it serves
// (core/topics.ts): the employer network's consumers never hold a GGZ referral, one GGZ
// provider's never a referral to another, one insurer's never another's funding requests.
// Only the chain's processors, which filter per reader and consent and protocol every
// disclosure, read the producers' chain topics.
import { careProviderCaseEventsTopic, careProviderToInsurerTopic, careProviderToMunicipalityTopic } from './care-provider/topics';
import { deadLetterTopicOf, organisationTopicOf, organisationTopicPrefixOf, organisationTopicSegment, organisationTopicsPrefixOf } from './core/topics';
import { employerNetworkCaseEventsTopic, employerNetworkToInsurerTopic, employerNetworkToMunicipalityTopic } from './employer-network/topics';
import { insurerCaseEventsTopic, insurerToCareProviderTopic } from './insurer/topics';
import { municipalityCaseEventsTopic, municipalityToCareProviderTopic, municipalityToEmployerNetworkTopic } from './municipality/topics';
import { deliveryOfAudienceTopic, topicsProducedBy } from './registry';
import { chainTopics, type TopicName } from './topics';

export const busServices = ['municipality', 'care-provider', 'employer-network', 'insurer', 'case-view', 'exchange-log', 'outcomes'] as const;
export type BusService = (typeof busServices)[number];

/** The services an organisation runs a deployment of; each deployment serves the organisations its configuration names. */
export const partnerServices = ['municipality', 'care-provider', 'employer-network', 'insurer'] as const satisfies readonly BusService[];
export type PartnerService = (typeof partnerServices)[number];

export interface BusAccess {
  /** Topics its outbox relay publishes on by name: its chain topic, and declared audience topics every organisation of a type reads. */
  readonly produces: readonly string[];
  /** Declared audience topics it publishes on per addressed organisation: it writes (and creates) any organisation's member of them. */
  readonly producesPerOrganisation: readonly string[];
  /** Topics its consumers read (their dead-letter twins it writes): for a partner, the members of the organisations it serves. */
  readonly consumes: readonly string[];
}

const partnerChainTopics: readonly TopicName[] = [municipalityCaseEventsTopic, careProviderCaseEventsTopic, employerNetworkCaseEventsTopic, insurerCaseEventsTopic];

/** What each service reads, as declared topics; for a partner, an audience topic delivered per organisation stands for the members of the organisations it serves. */
const consumesDeclared: Readonly<Record<BusService, readonly TopicName[]>> = {
  municipality: [careProviderToMunicipalityTopic, employerNetworkToMunicipalityTopic],
  'care-provider': [municipalityToCareProviderTopic, insurerToCareProviderTopic],
  // Only what matching needs; never a topic that says the client is in care.
  'employer-network': [municipalityToEmployerNetworkTopic],
  insurer: [careProviderToInsurerTopic, employerNetworkToInsurerTopic],
  // The chain's processors: the shared view and the exchange log.
  'case-view': partnerChainTopics,
  'exchange-log': chainTopics,
  // The outcomes monitor: trajectories from the three producers that carry them; not the insurer's topic (funding is not an outcome it counts).
  outcomes: [municipalityCaseEventsTopic, careProviderCaseEventsTopic, employerNetworkCaseEventsTopic],
};

/** The declared topics a service's consumers read (the consumer specs of its app module name these). */
export function consumedTopicsOf(service: BusService): readonly TopicName[] {
  return consumesDeclared[service];
}

/**
 * The topics a service's consumer reads for one declared topic: the members of the served
 * organisations where the topic is delivered per organisation, the topic itself otherwise.
 */
export function consumedTopicsFor(declaredTopic: string, organisations: readonly string[]): string[] {
  return deliveryOfAudienceTopic(declaredTopic) === 'addressed-organisation' ? organisations.map((organisation) => organisationTopicOf(declaredTopic, organisation)) : [declaredTopic];
}

/** The bus access of a deployment of `service` serving `organisations` (none for the chain's processors). */
export function busAccessFor(service: BusService, organisations: readonly string[] = []): BusAccess {
  const declared = topicsProducedBy(service);
  const perOrganisation = declared.filter((topic) => deliveryOfAudienceTopic(topic) === 'addressed-organisation');
  return {
    produces: declared.filter((topic) => !perOrganisation.includes(topic)),
    producesPerOrganisation: perOrganisation,
    consumes: [...new Set(consumesDeclared[service].flatMap((topic) => consumedTopicsFor(topic, organisations)))],
  };
}

function isBusService(service: string): service is BusService {
  return (busServices as readonly string[]).includes(service);
}

/** The contract topics a deployment may not subscribe to, among those asked for. */
export function topicsOutsideBusAccess(service: string, organisations: readonly string[], topics: readonly string[]): string[] {
  const allowed = new Set<string>(isBusService(service) ? busAccessFor(service, organisations).consumes : []);
  return topics.filter((t) => !allowed.has(t));
}

/**
 * Every contract topic a deployment touches by name: what it publishes by name, what it
 * consumes and the dead-letter twins it writes. A service creates (if missing) exactly
 * these at start-up; an addressed organisation's topic its relay creates before the first
 * message to it.
 */
export function topicsTouchedBy(service: string, organisations: readonly string[] = []): string[] {
  if (!isBusService(service)) return [];
  const access = busAccessFor(service, organisations);
  return [...new Set([...access.produces, ...access.consumes, ...access.consumes.map(deadLetterTopicOf)])];
}

/**
 * The start of a deployment's consumer-group ids: `<service>.` and, for a partner, its
 * organisations ('care-provider.ggz-delfland.'). Two organisations' deployments on one
 * cluster must never share a group: a group's partitions are divided over all its members
 * whatever each subscribed to, so one would be handed the other's topics.
 */
export function consumerGroupPrefixOf(service: string, organisations: readonly string[] = []): string {
  const segments = [...new Set(organisations.map(organisationTopicSegment))].sort();
  return segments.length === 0 ? `${service}.` : `${service}.${segments.join('.')}.`;
}

/** The SASL principal of one organisation's deployment of a partner service ('care-provider.ggz-delfland'), or of a chain processor. */
export function busPrincipalOf(service: BusService, organisationId?: string): string {
  return organisationId === undefined ? service : `${service}.${organisationTopicSegment(organisationId)}`;
}

export interface KafkaAcl {
  readonly resourceType: 'TOPIC' | 'GROUP';
  readonly resourceName: string;
  readonly patternType: 'LITERAL' | 'PREFIXED';
  readonly operation: 'READ' | 'WRITE' | 'DESCRIBE' | 'CREATE';
}

export interface KafkaAclOptions {
  /** The organisations the principal's deployment serves (one in production); none for a chain processor. */
  readonly organisations?: readonly string[];
  readonly topicPrefix?: string;
  /** The environment's consumer-group prefix (KAFKA_GROUP_PREFIX), before consumerGroupPrefixOf. */
  readonly groupPrefix?: string;
}

/**
 * The ACLs of one deployment's principal: write (and describe, create) its own topics —
 * every organisation's member of an audience topic it addresses per organisation, by prefix
 * — read (and describe) what it consumes, by prefix per served organisation where topics
 * are per organisation (so a later version or `npm run dlt` is covered, another
 * organisation's topics never are), write the dead-letter twins of what it consumes,
 * create any of those that is missing (so services may start in any order), and read its
 * own consumer groups (`<groupPrefix>` + consumerGroupPrefixOf). Anything else the authorizer denies.
 */
export function kafkaAclsFor(service: BusService, options: KafkaAclOptions = {}): KafkaAcl[] {
  const t = (topic: string) => `${options.topicPrefix ?? ''}${topic}`;
  const organisations = options.organisations ?? [];
  const access = busAccessFor(service, organisations);
  const topic = (resourceName: string, patternType: KafkaAcl['patternType'], operation: KafkaAcl['operation']): KafkaAcl => ({ resourceType: 'TOPIC', resourceName, patternType, operation });
  const reads = consumesDeclared[service].flatMap((declared) =>
    deliveryOfAudienceTopic(declared) === 'addressed-organisation'
      ? organisations.flatMap((organisation) => [
          topic(t(organisationTopicPrefixOf(declared, organisation)), 'PREFIXED', 'READ'),
          topic(t(organisationTopicPrefixOf(declared, organisation)), 'PREFIXED', 'DESCRIBE'),
        ])
      : [topic(t(declared), 'LITERAL', 'READ'), topic(t(declared), 'LITERAL', 'DESCRIBE')],
  );
  return [
    ...access.produces.flatMap((name) => [topic(t(name), 'LITERAL', 'WRITE'), topic(t(name), 'LITERAL', 'DESCRIBE')]),
    ...access.producesPerOrganisation.flatMap((declared) => (['WRITE', 'DESCRIBE', 'CREATE'] as const).map((operation) => topic(t(organisationTopicsPrefixOf(declared)), 'PREFIXED', operation))),
    ...reads,
    ...access.consumes.flatMap((name) => [topic(t(deadLetterTopicOf(name)), 'LITERAL', 'WRITE'), topic(t(deadLetterTopicOf(name)), 'LITERAL', 'DESCRIBE')]),
    ...topicsTouchedBy(service, organisations).map((name) => topic(t(name), 'LITERAL', 'CREATE')),
    { resourceType: 'GROUP', resourceName: `${options.groupPrefix ?? ''}${consumerGroupPrefixOf(service, organisations)}`, patternType: 'PREFIXED', operation: 'READ' },
  ];
}
