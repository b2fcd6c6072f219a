// The AsyncAPI 3.0 description of the bus, built from the registry so it cannot
// drift from the declarations: one channel per topic (and its dead-letter twin; an
// event routed to audiences appears on its chain topic's channel and on theirs),
// one message per event type with its JSON Schema as payload and the CloudEvents
// binary-mode headers, one send operation per producing context and topic. An audience
// topic delivered per addressed organisation is one channel with an {organisation}
// parameter: wcc.<producer>.to-<partner>.{organisation}.v1.
import { cloudEventsSpecVersion, integrationEventContentType } from '../core/cloud-events';
import type { IntegrationEventDefinition } from '../core/integration-event';
import { audienceOfTopic, deadLetterTopicOf } from '../core/topics';

const kafkaBindingVersion = '0.5.0';

type Json = Record<string, unknown>;

export interface AsyncApiInput {
  readonly events: readonly IntegrationEventDefinition[];
  /** Channel id → topic name, e.g. { municipalityCaseEvents: 'wcc.municipality.case-events.v1' }. */
  readonly topics: Readonly<Record<string, string>>;
}

export function messageIdOf(definition: IntegrationEventDefinition): string {
  return `${definition.name}V${definition.version}`;
}

/** Unique across producers: two contexts may each declare an event of the same name (both answer referrals with ReferralAccepted). */
export function componentMessageIdOf(definition: IntegrationEventDefinition): string {
  return `${pascal(definition.producer)}${messageIdOf(definition)}`;
}

export function deadLetterChannelIdOf(channelId: string): string {
  return `${channelId}DeadLetter`;
}

/** Whether some event reaches this declared audience topic's partners per addressed organisation. */
function isPerOrganisation(events: readonly IntegrationEventDefinition[], topic: string): boolean {
  const audience = audienceOfTopic(topic);
  return audience !== undefined && events.some((definition) => definition.topics.includes(topic) && definition.deliveries[audience] === 'addressed-organisation');
}

/** The channel address of a declared topic: itself, or its members' address with an {organisation} parameter. */
export function channelAddressOf(events: readonly IntegrationEventDefinition[], topic: string): string {
  return isPerOrganisation(events, topic) ? topic.replace(/\.(v[1-9][0-9]*)$/, '.{organisation}.$1') : topic;
}

const organisationParameter = {
  organisation: {
    description:
      'The id of the organisation the events are addressed to, as a topic-name segment (organisationTopicSegment: a-z, 0-9 and - kept, any other character as _ and the hex of its UTF-8 bytes).',
    examples: ['ggz-delfland', 'gemeente-rotterdam'],
  },
};

export function buildAsyncApiDocument({ events, topics }: AsyncApiInput): Json {
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {};

  for (const definition of events) messages[componentMessageIdOf(definition)] = messageOf(definition);

  for (const [channelId, topic] of Object.entries(topics)) {
    const onTopic = events.filter((definition) => definition.topics.includes(topic));
    const producers = [...new Set(onTopic.map((definition) => definition.producer))];
    const audience = audienceOfTopic(topic);
    const perOrganisation = isPerOrganisation(events, topic);
    const address = channelAddressOf(events, topic);
    // A parameterised channel is many topics: no single Kafka topic binding.
    const binding = (name: string) => ({ kafka: perOrganisation ? { bindingVersion: kafkaBindingVersion } : { topic: name, bindingVersion: kafkaBindingVersion } });
    channels[channelId] = {
      address,
      title: address,
      description:
        audience === undefined
          ? `Everything the ${producers.join(', ') || 'no'} context publishes about a case, for the chain's processors (case view, exchange log, outcomes), keyed by case id so a case's events keep their order.`
          : perOrganisation
            ? `What the ${producers.join(', ')} context addresses to one ${audience} organisation, on that organisation's own topic: only its deployment (its own principal) reads it. Keyed by case id; the same CloudEvent (id) as on the chain topic, or the ${audience}'s own minimal copy.`
            : `What the ${producers.join(', ')} context publishes for every ${audience} organisation, because it cannot name the addressee without learning what it must not (see the events' descriptions): nothing that reveals care. Keyed by case id.`,
      ...(perOrganisation ? { parameters: organisationParameter } : {}),
      messages: Object.fromEntries(onTopic.map((definition) => [messageIdOf(definition), { $ref: `#/components/messages/${componentMessageIdOf(definition)}` }])),
      bindings: binding(topic),
    };
    channels[deadLetterChannelIdOf(channelId)] = {
      address: deadLetterTopicOf(address),
      title: deadLetterTopicOf(address),
      description: `Messages from ${address} that a consumer could not accept (unreadable, unknown type or invalid data), parked with the reason for a person to act on.`,
      ...(perOrganisation ? { parameters: organisationParameter } : {}),
      messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
      bindings: binding(deadLetterTopicOf(topic)),
    };
    for (const producer of producers) {
      operations[`${camel(producer)}Sends${pascal(channelId)}`] = {
        action: 'send',
        title: `${producer} publishes on ${address}`,
        summary: `The ${producer} context publishes these integration events through its outbox.`,
        channel: { $ref: `#/channels/${channelId}` },
        messages: onTopic.filter((definition) => definition.producer === producer).map((definition) => ({ $ref: `#/channels/${channelId}/messages/${messageIdOf(definition)}` })),
        tags: [{ name: producer }],
      };
    }
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Work-and-care chain integration events',
      version: '1.0.0',
      description: [
        'Integration events exchanged between municipality, GGZ care provider, insurer and employer network.',
        'Each message is a CloudEvent 1.0 (NL GOV profile) in Kafka binary content mode: attributes in `ce_` headers, data as JSON in the value, the case id as key.',
        'Every payload field carries `x-data-category` (identifying, work, care-summary, financial, administrative); consent and disclosure logging filter on it.',
        'Generated from contracts/src by contracts/scripts/generate-asyncapi.ts.',
      ].join('\n'),
    },
    defaultContentType: integrationEventContentType,
    channels,
    operations,
    components: {
      messages: { ...messages, DeadLetter: deadLetterMessage() },
    },
  };
}

function messageOf(definition: IntegrationEventDefinition): Json {
  return {
    name: definition.type,
    title: `${definition.name} v${definition.version}`,
    summary: definition.description,
    contentType: integrationEventContentType,
    headers: cloudEventHeadersFor(definition.type),
    payload: plain(definition.schema),
    bindings: { kafka: { key: { type: 'string', format: 'uuid', description: 'The case (trajectory) id.' }, bindingVersion: kafkaBindingVersion } },
    examples: [
      {
        name: messageIdOf(definition),
        summary: `A ${definition.name} as it travels.`,
        headers: {
          ce_id: '3f1e2d4c-5b6a-5978-8a9b-0c1d2e3f4a5b',
          ce_source: `urn:nld:oin:00000001234567890000:systeem:wcc-${definition.producer}`,
          ce_type: definition.type,
          ce_specversion: cloudEventsSpecVersion,
          ce_time: (definition.example as { occurredAt?: string }).occurredAt ?? '2025-01-01T00:00:00Z',
          ce_sequence: '00000000000000001234-00000000000000000001',
          ce_traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
          'content-type': integrationEventContentType,
        },
        payload: plain(definition.example),
      },
    ],
  };
}

function cloudEventHeadersFor(type: string): Json {
  return {
    type: 'object',
    required: ['ce_id', 'ce_source', 'ce_type', 'ce_specversion', 'ce_time', 'ce_sequence', 'content-type'],
    properties: {
      ce_id: { type: 'string', format: 'uuid', description: 'Unique per source; derived from the domain event, so a re-publish repeats it and consumers deduplicate on it.' },
      ce_source: { type: 'string', description: 'NL GOV profile: urn:nld:oin:<OIN>:systeem:<system>.' },
      ce_type: { type: 'string', const: type, description: 'The integration event type, versioned.' },
      ce_specversion: { type: 'string', const: cloudEventsSpecVersion },
      ce_time: { type: 'string', format: 'date-time', description: 'Business time of the event (RFC 3339).' },
      ce_sequence: { type: 'string', pattern: '^[0-9]{20}-[0-9]{20}$', description: "The producer's global position; string order is log order." },
      ce_subject: { type: 'string', description: 'Optional; only ever a value that identifies no person.' },
      ce_traceparent: {
        type: 'string',
        pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
        description: 'W3C trace context of the command that caused the event, when it was traced.',
      },
      ce_tracestate: { type: 'string', description: 'W3C trace state, when present.' },
      ce_correlationid: { type: 'string', description: 'Correlation id of the originating request.' },
      ce_causationid: { type: 'string', description: 'Id of the domain event this integration event was mapped from.' },
      ce_dataschema: { type: 'string', description: 'Optional URI of the payload schema.' },
      'content-type': { type: 'string', const: integrationEventContentType },
    },
  };
}

function deadLetterMessage(): Json {
  return {
    name: 'dead-letter',
    title: 'Dead letter',
    summary: 'A message a consumer refused: the original key, value and headers unchanged, plus why it was refused.',
    headers: {
      type: 'object',
      description: "The original message's headers (ce_* and content-type) as they came, plus the consumer's reason for refusing it.",
      additionalProperties: { type: 'string' },
    },
    payload: { description: 'The original message value, byte for byte; it may not be valid JSON.' },
  };
}

/** Plain JSON: drops TypeBox's symbol keys and any shared references. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function pascal(text: string): string {
  const c = camel(text);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

function camel(text: string): string {
  return text.replace(/[-.]([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}
