// The registry of every declared integration event: what the AsyncAPI document,
// the compatibility check and consumers' edge validation are driven from.
import { careProviderEvents } from './care-provider';
import { caseViewEvents } from './case-view';
import type { IntegrationEventDefinition } from './core/integration-event';
import { employerNetworkEvents } from './employer-network';
import { insurerEvents } from './insurer';
import { municipalityEvents } from './municipality';
import { allTopics } from './topics';

export const integrationEvents: readonly IntegrationEventDefinition[] = Object.freeze([...municipalityEvents, ...careProviderEvents, ...insurerEvents, ...employerNetworkEvents, ...caseViewEvents]);

const byType = new Map<string, IntegrationEventDefinition>();
for (const definition of integrationEvents) {
  if (byType.has(definition.type)) throw new Error(`Integration event type ${definition.type} is declared twice`);
  if (!(allTopics as readonly string[]).includes(definition.topic)) {
    throw new Error(`Integration event ${definition.type} uses topic ${definition.topic}, which is not listed in topics.ts`);
  }
  byType.set(definition.type, definition);
}

export function findIntegrationEvent(type: string): IntegrationEventDefinition | undefined {
  return byType.get(type);
}

export function integrationEventsOnTopic(topic: string): IntegrationEventDefinition[] {
  return integrationEvents.filter((definition) => definition.topic === topic);
}
