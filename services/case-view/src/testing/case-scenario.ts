// The scenario of libs/case-view/domain as CloudEvents, as a producer's relay publishes
// them: the transport part of the fixture, which the domain library may not know.
import { cloudEventSource, type CloudEvent } from '@wcc/messaging';
import type { ScenarioEvent } from '@wcc/case-view-domain';

export { caseScenario, entryOf, organisations, type CaseScenario, type ScenarioEvent } from '@wcc/case-view-domain';

/** As a producer's relay publishes it. */
export function cloudEventOf(event: ScenarioEvent): CloudEvent {
  return {
    specversion: '1.0',
    id: event.id,
    source: cloudEventSource({ organisation: `wcc-${event.definition.producer}`, system: event.definition.producer }),
    type: event.definition.type,
    time: String(event.data['occurredAt']),
    datacontenttype: 'application/json',
    data: event.data,
  };
}
