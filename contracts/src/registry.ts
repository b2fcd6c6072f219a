// The registry of every declared integration event: what the AsyncAPI document,
// the compatibility check and consumers' edge validation are driven from.
import { careProviderEvents } from './care-provider';
import { caseViewEvents } from './case-view';
import type { AudienceDelivery, IntegrationEventDefinition } from './core/integration-event';
import { audienceTopicOf, type PartnerAudience } from './core/topics';
import { employerNetworkEvents } from './employer-network';
import { insurerEvents } from './insurer';
import { municipalityEvents } from './municipality';
import { allTopics } from './topics';

export const integrationEvents: readonly IntegrationEventDefinition[] = Object.freeze([...municipalityEvents, ...careProviderEvents, ...insurerEvents, ...employerNetworkEvents, ...caseViewEvents]);

/** Every declared event with its own data type, name and producer (the registry above, as a type). */
export type DeclaredIntegrationEvent = (typeof municipalityEvents | typeof careProviderEvents | typeof insurerEvents | typeof employerNetworkEvents | typeof caseViewEvents)[number];

/** `care-provider:ReferralAccepted`: what a reader keys an event by (a name is unique per producer, across versions). */
export type IntegrationEventKey = DeclaredIntegrationEvent extends infer D
  ? D extends { readonly producer: infer P extends string; readonly name: infer N extends string }
    ? `${P}:${N}`
    : never
  : never;

/**
 * The minimal copies published on one partner's audience topic only; the chain topics,
 * which the chain's processors read, carry the full event. Checked against the topics
 * in registry.spec.ts.
 */
export type AudienceOnlyEventKey = 'municipality:ClientReferredForMatching' | 'employer-network:ClientStartedWork' | 'employer-network:ClientLeftWork';

/** Every event on a chain topic: what the case view, the exchange log and the outcomes monitor read. */
export type ChainTopicEventKey = Exclude<IntegrationEventKey, AudienceOnlyEventKey>;

/** The data of the event(s) with this key, as its contract's schema types it (a union across versions). */
export type IntegrationEventData<K extends IntegrationEventKey> = DeclaredIntegrationEvent extends infer D
  ? D extends { readonly producer: infer P extends string; readonly name: infer N extends string; readonly example: infer T }
    ? `${P}:${N}` extends K
      ? T
      : never
    : never
  : never;

const byType = new Map<string, IntegrationEventDefinition>();
for (const definition of integrationEvents) {
  if (byType.has(definition.type)) throw new Error(`Integration event type ${definition.type} is declared twice`);
  if (!(allTopics as readonly string[]).includes(definition.topic)) {
    throw new Error(`Integration event ${definition.type} uses topic ${definition.topic}, which is not listed in topics.ts`);
  }
  for (const topic of definition.topics) {
    if (!(allTopics as readonly string[]).includes(topic)) throw new Error(`Integration event ${definition.type} is routed to ${topic}, which is not listed in topics.ts`);
  }
  byType.set(definition.type, definition);
}

export function findIntegrationEvent(type: string): IntegrationEventDefinition | undefined {
  return byType.get(type);
}

// A declared audience topic is either split per addressed organisation or read whole by
// every organisation of the type, never both: a reader's topics follow from that alone.
const deliveryOf = new Map<string, AudienceDelivery>();
for (const definition of integrationEvents) {
  for (const [audience, delivery] of Object.entries(definition.deliveries) as [PartnerAudience, AudienceDelivery][]) {
    const declared = audienceTopicOf(definition.producer, audience);
    const known = deliveryOf.get(declared);
    if (known !== undefined && known !== delivery) throw new Error(`${declared} carries events for the addressed organisation and for every organisation alike (${definition.type})`);
    deliveryOf.set(declared, delivery);
  }
}

/** How a declared audience topic reaches its partners; undefined for a chain topic or one nothing is routed to. */
export function deliveryOfAudienceTopic(declaredTopic: string): AudienceDelivery | undefined {
  return deliveryOf.get(declaredTopic);
}

/** The events that may appear on a contract topic: a chain topic, a declared audience topic, or an organisation's member of one. */
export function integrationEventsOnTopic(topic: string): IntegrationEventDefinition[] {
  return integrationEvents.filter((definition) => definition.appearsOn(topic));
}

/** The declared topics a producer's relay publishes on (for an audience delivered per organisation: every organisation's member of it). */
export function topicsProducedBy(producer: string): string[] {
  return [...new Set(integrationEvents.filter((d) => d.producer === producer).flatMap((d) => d.topics))];
}
