// An integration event is declared exactly once: its TypeScript type (Static of the
// schema), JSON Schema, example and per-field data categories come from one call to
// defineIntegrationEvent, which refuses at module load anything that would leak or
// drift: missing categories, open objects, privacy-sensitive names, a bad example, and
// a care provider's or insurer's event that does not declare it reveals care involvement.
import { type Static, type TObject, type TProperties, Type } from '@sinclair/typebox';
import { type DataCategory, dataCategoryOf, field } from './data-category';
import { findPrivacyViolations } from './privacy-guard';
import { type ProducerContext, producerContexts } from './producer-context';
import {
  addressableOrganisation,
  addressableOrganisationIdPattern,
  audienceOfTopic,
  audienceTopicOf,
  audienceTopicParts,
  organisationTopicOf,
  type PartnerAudience,
  partnerAudiences,
  topicNamePattern,
} from './topics';
import { compileValidator, type ValidationResult } from './validation';

// N and P keep the name and producer as literal types, so readers can be checked by the
// compiler against the registry (a map with one entry per `${producer}:${name}`).
export interface IntegrationEventDefinition<T = unknown, N extends string = string, P extends ProducerContext = ProducerContext> {
  /** CloudEvents type, reverse-DNS with version: 'nl.workcarechain.municipality.client-referred.v1'. */
  readonly type: string;
  /** 'ClientReferred' */
  readonly name: N;
  readonly version: number;
  readonly producer: P;
  /** The Kafka topic it is always published on: its producer's chain topic, 'wcc.municipality.case-events.v1' (or, for an event meant for one partner only, that partner's audience topic). */
  readonly topic: string;
  /** The partners whose audience topic it is also published on, for data that addresses them. */
  readonly audiences: readonly PartnerAudience[];
  /** How it reaches each of them: on the addressed organisation's own topic, or on the declared topic for every organisation of the type. */
  readonly deliveries: Readonly<Partial<Record<PartnerAudience, AudienceDelivery>>>;
  /**
   * Every topic it is declared on: `topic`, then those audience topics. For an audience
   * delivered per organisation the declared topic names the family; the occurrence goes on
   * the addressee's member of it (see topicsOf, appearsOn).
   */
  readonly topics: readonly string[];
  readonly description: string;
  /** JSON Schema of the data; every object closed (additionalProperties: false). */
  readonly schema: TObject;
  readonly example: T;
  /** Every top-level data field and its category, read from the schema annotations. */
  readonly categories: Readonly<Record<string, DataCategory>>;
  /** Whether its occurrence reveals GGZ involvement (see CareInvolvement). */
  readonly revealsCareInvolvement: CareInvolvement;
  /** The Kafka key: the case (trajectory) id, so one case's events keep their order. */
  caseIdOf(this: void, data: T): string;
  /** Every topic this occurrence goes on: its chain topic, then the topic of each organisation its data addresses. */
  topicsOf(this: void, data: T): string[];
  /** Whether some occurrence may go on this contract topic (a chain topic, a declared audience topic or an organisation's member of one). */
  appearsOn(this: void, topic: string): boolean;
  validate(this: void, data: unknown): ValidationResult<T>;
}

/**
 * What an event's mere occurrence reveals about care (AVG art. 9): that a client was
 * referred to a GGZ provider, is screened, has an IPS job coach, is treated, has care
 * funded — health data whatever the fields are called. 'always' for everything a care
 * provider or an insurer says (refused otherwise); 'depends-on-data' where the data
 * decides it (a referral to a care provider or to the employer network; a consent naming
 * care providers; an MDT review with a care provider at the table), for a reader to
 * resolve; 'never' otherwise. A reader that may not see care involvement (the employer
 * network) is shown neither 'always' nor a 'depends-on-data' event that resolves to care.
 */
export const careInvolvements = ['always', 'depends-on-data', 'never'] as const;
export type CareInvolvement = (typeof careInvolvements)[number];

/**
 * How an event reaches one partner type. Where the producer knows the addressee, `to` names
 * it from the data (undefined: this occurrence is addressed to no organisation of the type)
 * and the event goes on that organisation's own topic only. Where the producer cannot name it
 * without learning what it must not, `toEveryOrganisation` says why, and the event goes on
 * the declared topic, which every organisation of the type reads.
 */
export type AudienceRoute<T> = { readonly to: (data: T) => string | undefined } | { readonly toEveryOrganisation: string };
export type AudienceDelivery = 'addressed-organisation' | 'every-organisation';

/** Which partners' audience topics an event is also published on, and how (AudienceRoute). */
export type AudienceRoutes<T> = Partial<Record<PartnerAudience, AudienceRoute<T>>>;

export interface IntegrationEventSpec<S extends TObject, N extends string = string, P extends ProducerContext = ProducerContext> {
  readonly name: N;
  readonly revealsCareInvolvement: CareInvolvement;
  readonly version: number;
  readonly producer: P;
  readonly topic: string;
  readonly audiences?: AudienceRoutes<Static<S>>;
  readonly description: string;
  readonly schema: S;
  readonly example: Static<S>;
}

/** The fields every integration event carries. Never a BSN, never a name. */
export const envelopeFields = {
  caseId: field('administrative', Type.String({ format: 'uuid', description: 'The case (trajectory) id; the Kafka key.' })),
  clientKey: field(
    'identifying',
    Type.String({
      // Nine digits alone would be a BSN: refused even if a producer maps the wrong field.
      pattern: '^(?![0-9]{9}$)[A-Za-z0-9_-]{16,128}$',
      description: 'Pseudonymous client key, stable within the chain. Never the BSN.',
    }),
  ),
  occurredAt: field('administrative', Type.String({ format: 'date-time', description: 'When it happened in the world.' })),
};

/**
 * The organisation an event is addressed to where its other fields do not name it (an
 * answer names its sender): the audience topic it goes on (AudienceRoute). Optional, so v1
 * stays compatible; an occurrence without it is addressed to no one and stays on the chain
 * topic.
 */
export function addresseeField(description: string) {
  return Type.Optional(field('administrative', Type.String({ pattern: addressableOrganisationIdPattern, description })));
}

/** A closed object schema with the envelope fields plus the event's own fields. */
export function eventData<P extends TProperties>(properties: P) {
  return Type.Object({ ...envelopeFields, ...properties }, { additionalProperties: false });
}

export function integrationEventType(producer: ProducerContext, name: string, version: number): string {
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return `nl.workcarechain.${producer}.${kebab}.v${version}`;
}

export function defineIntegrationEvent<S extends TObject, N extends string, P extends ProducerContext>(spec: IntegrationEventSpec<S, N, P>): IntegrationEventDefinition<Static<S>, N, P> {
  const where = `${spec.name} v${spec.version}`;
  const problems = [...specProblems(spec), ...schemaProblems(spec.schema)];
  if (problems.length > 0) throw new Error(`Integration event ${where} is refused:\n- ${problems.join('\n- ')}`);

  const categories: Record<string, DataCategory> = {};
  for (const [name, property] of Object.entries(spec.schema.properties)) {
    const category = dataCategoryOf(property);
    if (category !== undefined) categories[name] = category;
  }
  const audienceIssues = audienceProblems(spec, categories);
  if (audienceIssues.length > 0) throw new Error(`Integration event ${where} is refused:\n- ${audienceIssues.join('\n- ')}`);
  const routes = Object.entries(spec.audiences ?? {}) as [PartnerAudience, AudienceRoute<Static<S>>][];
  const validate = compileValidator<Static<S>>(spec.schema);
  const exampleCheck = validate(spec.example);
  if (!exampleCheck.ok) {
    throw new Error(`Integration event ${where}: its example does not fit its schema: ${exampleCheck.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  }
  // An audience-only event (the employer network's or the insurer's reduced copy) is not on a chain topic.
  const chainTopic = audienceOfTopic(spec.topic) === undefined ? [spec.topic] : [];
  const declaredTopicOf = (audience: PartnerAudience) => audienceTopicOf(spec.producer, audience);
  const deliveries = Object.fromEntries(routes.map(([audience, route]) => [audience, 'to' in route ? 'addressed-organisation' : 'every-organisation'])) as Partial<
    Record<PartnerAudience, AudienceDelivery>
  >;
  const topicsOf = (data: Static<S>): string[] => [
    ...chainTopic,
    ...routes.flatMap(([audience, route]) => {
      if (!('to' in route)) return [declaredTopicOf(audience)];
      // An id that cannot be addressed (data from before the services' edges checked it) is addressed to no one: never a relay stopped for it.
      const addressee = addressableOrganisation(route.to(data));
      return addressee === undefined ? [] : [organisationTopicOf(declaredTopicOf(audience), addressee)];
    }),
  ];

  return Object.freeze({
    type: integrationEventType(spec.producer, spec.name, spec.version),
    name: spec.name,
    version: spec.version,
    producer: spec.producer,
    topic: spec.topic,
    audiences: Object.freeze(routes.map(([audience]) => audience)),
    deliveries: Object.freeze(deliveries),
    topics: Object.freeze([...new Set([spec.topic, ...routes.map(([audience]) => declaredTopicOf(audience))])]),
    description: spec.description,
    schema: spec.schema,
    example: spec.example,
    categories: Object.freeze(categories),
    revealsCareInvolvement: spec.revealsCareInvolvement,
    caseIdOf: (data: Static<S>) => (data as { caseId: string }).caseId,
    topicsOf,
    appearsOn: (topic: string) => {
      if (chainTopic.includes(topic)) return true;
      const parts = audienceTopicParts(topic);
      if (parts === undefined || parts.declared !== declaredTopicOf(parts.audience)) return false;
      const delivery = deliveries[parts.audience];
      return parts.organisationId === undefined ? delivery === 'every-organisation' : delivery === 'addressed-organisation';
    },
    validate,
  });
}

/** A spec apart from its routing, whose predicates are typed by the event's own data. */
type SpecShape = Omit<IntegrationEventSpec<TObject>, 'audiences'>;

function specProblems(spec: SpecShape): string[] {
  const problems: string[] = [];
  if (!/^[A-Z][A-Za-z0-9]*$/.test(spec.name)) problems.push(`name '${spec.name}' must be PascalCase, past tense`);
  if (!Number.isInteger(spec.version) || spec.version < 1) problems.push(`version ${spec.version} must be a positive integer`);
  if (!producerContexts.includes(spec.producer)) problems.push(`producer '${String(spec.producer)}' is not a known context`);
  if (!topicNamePattern.test(spec.topic)) problems.push(`topic '${spec.topic}' does not match wcc.<context>.<name>.v<n>`);
  else if (!spec.topic.startsWith(`wcc.${spec.producer}.`)) problems.push(`topic '${spec.topic}' belongs to another context than ${spec.producer}`);
  if (spec.description.trim() === '') problems.push('description is empty');
  if (!careInvolvements.includes(spec.revealsCareInvolvement)) problems.push(`revealsCareInvolvement '${String(spec.revealsCareInvolvement)}' is not one of ${careInvolvements.join(', ')}`);
  else if ((spec.producer === 'care-provider' || spec.producer === 'insurer') && spec.revealsCareInvolvement !== 'always') {
    problems.push(`a ${spec.producer} event reveals that the client is in care: revealsCareInvolvement must be 'always'`);
  }
  return problems;
}

/**
 * Routing is declared with the event, so the same rules hold for it: never to the producer
 * itself, an audience-only event is routed to its own audience only, what may reveal care is
 * addressed to one named organisation (never to every organisation of a type), and nothing
 * that reveals care (its occurrence, or a care-summary field) is addressed to the employer
 * network, which may not know that a client is in care.
 */
function audienceProblems(spec: SpecShape & { readonly audiences?: object }, categories: Readonly<Record<string, DataCategory>>): string[] {
  const problems: string[] = [];
  const routed = Object.keys(spec.audiences ?? {});
  const own = audienceOfTopic(spec.topic);
  if (own !== undefined && (routed.length !== 1 || routed[0] !== own)) problems.push(`it is published on the audience topic ${spec.topic} only, so it routes to ${own} and no other audience`);
  if (own !== undefined && spec.topic !== audienceTopicOf(spec.producer, own)) problems.push(`topic ${spec.topic} is not the declared audience topic ${audienceTopicOf(spec.producer, own)}`);
  for (const [audience, route] of Object.entries((spec.audiences ?? {}) as Record<string, object>)) {
    if (!('toEveryOrganisation' in route)) continue;
    if (String(route.toEveryOrganisation).trim() === '') problems.push(`audience '${audience}' goes to every organisation of the type without saying why`);
    if (spec.revealsCareInvolvement !== 'never')
      problems.push(`it may reveal care involvement ('${spec.revealsCareInvolvement}'), so it goes to the organisation it is addressed to, not to every ${audience}`);
  }
  for (const audience of routed) {
    if (!(partnerAudiences as readonly string[]).includes(audience)) problems.push(`audience '${audience}' is not one of ${partnerAudiences.join(', ')}`);
    else if (audience === spec.producer) problems.push(`audience '${audience}' is its own producer`);
  }
  if (own === spec.producer) problems.push(`topic ${spec.topic} addresses its own producer`);
  if ([...routed, own].includes('employer-network')) {
    if (spec.revealsCareInvolvement !== 'never') problems.push(`it may reveal care involvement ('${spec.revealsCareInvolvement}'), so it is not addressed to the employer network`);
    const care = Object.entries(categories)
      .filter(([, category]) => category === 'care-summary')
      .map(([name]) => name);
    if (care.length > 0) problems.push(`field(s) ${care.join(', ')} are care-summary data, which is not addressed to the employer network`);
  }
  return problems;
}

function schemaProblems(schema: TObject): string[] {
  const problems: string[] = [];
  if (schema.type !== 'object') return ['schema must be an object schema'];
  const required = new Set(schema.required ?? []);
  for (const name of Object.keys(envelopeFields)) {
    if (!(name in schema.properties) || !required.has(name)) problems.push(`required field '${name}' is missing (use eventData())`);
  }
  for (const [name, property] of Object.entries(schema.properties)) {
    if (dataCategoryOf(property) === undefined) problems.push(`field '${name}' has no data category (declare it with field(category, schema))`);
  }
  for (const path of openObjectsIn(schema, '')) problems.push(`object at '${path || '/'}' must set additionalProperties: false`);
  for (const violation of findPrivacyViolations(schema)) problems.push(`field '${violation.path}' is refused: ${violation.reason}`);
  return problems;
}

function openObjectsIn(schema: unknown, path: string): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const open: string[] = [];
  if (node['type'] === 'object' && node['additionalProperties'] !== false) open.push(path);
  const properties = node['properties'];
  if (typeof properties === 'object' && properties !== null) {
    for (const [name, child] of Object.entries(properties)) open.push(...openObjectsIn(child, `${path}/${name}`));
  }
  if (node['items'] !== undefined) open.push(...openObjectsIn(node['items'], `${path}/items`));
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
    const branches = node[keyword];
    if (Array.isArray(branches)) branches.forEach((branch, i) => open.push(...openObjectsIn(branch, `${path}/${keyword}/${i}`)));
  }
  return open;
}

/** A string enum as plain JSON Schema `enum` (clearer in AsyncAPI than an anyOf of consts). */
export function stringEnum<const V extends readonly [string, ...string[]]>(values: V, options: { description?: string } = {}) {
  return Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...options });
}
