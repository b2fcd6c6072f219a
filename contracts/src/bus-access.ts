// Who may read and write which topic, per service principal: the one statement of the
// bus's need-to-know. Services subscribe only within it (MessagingModule refuses a consumer
// outside it at start-up), and in production the broker enforces it: one SASL principal
// per service, with the Kafka ACLs kafkaAclsFor() derives (see tests/integration/bus-acl).
//
// Not yet minimal: each producer has one topic, so a partner that needs some of a topic
// reads all of it (the employer network reads the municipality's topic, GGZ referrals
// included, and discards them in code). Topics per audience are the next step (issue 12.6).
import { careProviderCaseEventsTopic } from './care-provider/topics';
import { caseViewCaseEventsTopic } from './case-view/topics';
import { deadLetterTopicOf } from './core/topics';
import { employerNetworkCaseEventsTopic } from './employer-network/topics';
import { insurerCaseEventsTopic } from './insurer/topics';
import { municipalityCaseEventsTopic } from './municipality/topics';
import { allTopics, type TopicName } from './topics';

export const busServices = ['municipality', 'care-provider', 'employer-network', 'insurer', 'case-view', 'exchange-log', 'outcomes'] as const;
export type BusService = (typeof busServices)[number];

export interface BusAccess {
  /** Topics its outbox relay publishes on. */
  readonly produces: readonly TopicName[];
  /** Topics its consumers read (their dead-letter twins it writes). */
  readonly consumes: readonly TopicName[];
}

const partnerTopics: readonly TopicName[] = [municipalityCaseEventsTopic, careProviderCaseEventsTopic, employerNetworkCaseEventsTopic, insurerCaseEventsTopic];

export const busAccess: Readonly<Record<BusService, BusAccess>> = {
  municipality: { produces: [municipalityCaseEventsTopic], consumes: [careProviderCaseEventsTopic, employerNetworkCaseEventsTopic] },
  'care-provider': { produces: [careProviderCaseEventsTopic], consumes: [municipalityCaseEventsTopic, insurerCaseEventsTopic] },
  // Never the care provider's or the insurer's topic: everything on them reveals care.
  'employer-network': { produces: [employerNetworkCaseEventsTopic], consumes: [municipalityCaseEventsTopic] },
  insurer: { produces: [insurerCaseEventsTopic], consumes: [careProviderCaseEventsTopic, employerNetworkCaseEventsTopic] },
  // The chain's processors: the shared view and the exchange log.
  'case-view': { produces: [caseViewCaseEventsTopic], consumes: partnerTopics },
  'exchange-log': { produces: [], consumes: allTopics },
  // The outcomes monitor: trajectories from the three producers that carry them; not the insurer's topic (funding is not an outcome it counts).
  outcomes: { produces: [], consumes: [municipalityCaseEventsTopic, careProviderCaseEventsTopic, employerNetworkCaseEventsTopic] },
};

/** The contract topics a service may not subscribe to, among those asked for. */
export function topicsOutsideBusAccess(service: string, topics: readonly string[]): string[] {
  const access = (busAccess as Readonly<Record<string, BusAccess>>)[service];
  const allowed = new Set<string>(access?.consumes ?? []);
  return topics.filter((t) => !allowed.has(t));
}

export interface KafkaAcl {
  readonly resourceType: 'TOPIC' | 'GROUP';
  readonly resourceName: string;
  readonly patternType: 'LITERAL' | 'PREFIXED';
  readonly operation: 'READ' | 'WRITE' | 'DESCRIBE';
}

/**
 * The ACLs of one service's principal: write (and describe) its own topics and the
 * dead-letter twins of what it consumes, read (and describe) what it consumes, and read
 * its own consumer groups (`<groupPrefix><service>.`). Anything else the authorizer denies.
 */
export function kafkaAclsFor(service: BusService, naming: { readonly topicPrefix?: string; readonly groupPrefix?: string } = {}): KafkaAcl[] {
  const t = (topic: string) => `${naming.topicPrefix ?? ''}${topic}`;
  const access = busAccess[service];
  const literal = (resourceName: string, operation: KafkaAcl['operation']): KafkaAcl => ({ resourceType: 'TOPIC', resourceName, patternType: 'LITERAL', operation });
  return [
    ...access.produces.flatMap((topic) => [literal(t(topic), 'WRITE'), literal(t(topic), 'DESCRIBE')]),
    ...access.consumes.flatMap((topic) => [literal(t(topic), 'READ'), literal(t(topic), 'DESCRIBE'), literal(t(deadLetterTopicOf(topic)), 'WRITE'), literal(t(deadLetterTopicOf(topic)), 'DESCRIBE')]),
    { resourceType: 'GROUP', resourceName: `${naming.groupPrefix ?? ''}${service}.`, patternType: 'PREFIXED', operation: 'READ' },
  ];
}
