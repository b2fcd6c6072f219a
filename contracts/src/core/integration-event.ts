// An integration event is declared exactly once: its TypeScript type (Static of the
// schema), JSON Schema, example and per-field data categories come from one call to
// defineIntegrationEvent, which refuses at module load anything that would leak or
// drift: missing categories, open objects, privacy-sensitive names, a bad example, and
// a care provider's or insurer's event that does not declare it reveals care involvement.
import { type Static, type TObject, type TProperties, Type } from '@sinclair/typebox';
import { type DataCategory, dataCategoryOf, field } from './data-category';
import { findPrivacyViolations } from './privacy-guard';
import { type ProducerContext, producerContexts } from './producer-context';
import { topicNamePattern } from './topics';
import { compileValidator, type ValidationResult } from './validation';

export interface IntegrationEventDefinition<T = unknown> {
  /** CloudEvents type, reverse-DNS with version: 'nl.workcarechain.municipality.client-referred.v1'. */
  readonly type: string;
  /** 'ClientReferred' */
  readonly name: string;
  readonly version: number;
  readonly producer: ProducerContext;
  /** The Kafka topic it is published on: 'wcc.municipality.case-events.v1'. */
  readonly topic: string;
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

export interface IntegrationEventSpec<S extends TObject> {
  readonly name: string;
  readonly revealsCareInvolvement: CareInvolvement;
  readonly version: number;
  readonly producer: ProducerContext;
  readonly topic: string;
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

/** A closed object schema with the envelope fields plus the event's own fields. */
export function eventData<P extends TProperties>(properties: P) {
  return Type.Object({ ...envelopeFields, ...properties }, { additionalProperties: false });
}

export function integrationEventType(producer: ProducerContext, name: string, version: number): string {
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return `nl.workcarechain.${producer}.${kebab}.v${version}`;
}

export function defineIntegrationEvent<S extends TObject>(spec: IntegrationEventSpec<S>): IntegrationEventDefinition<Static<S>> {
  const where = `${spec.name} v${spec.version}`;
  const problems = [...specProblems(spec), ...schemaProblems(spec.schema)];
  if (problems.length > 0) throw new Error(`Integration event ${where} is refused:\n- ${problems.join('\n- ')}`);

  const categories: Record<string, DataCategory> = {};
  for (const [name, property] of Object.entries(spec.schema.properties)) {
    const category = dataCategoryOf(property);
    if (category !== undefined) categories[name] = category;
  }
  const validate = compileValidator<Static<S>>(spec.schema);
  const exampleCheck = validate(spec.example);
  if (!exampleCheck.ok) {
    throw new Error(`Integration event ${where}: its example does not fit its schema: ${exampleCheck.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  }

  return Object.freeze({
    type: integrationEventType(spec.producer, spec.name, spec.version),
    name: spec.name,
    version: spec.version,
    producer: spec.producer,
    topic: spec.topic,
    description: spec.description,
    schema: spec.schema,
    example: spec.example,
    categories: Object.freeze(categories),
    revealsCareInvolvement: spec.revealsCareInvolvement,
    caseIdOf: (data: Static<S>) => (data as { caseId: string }).caseId,
    validate,
  });
}

function specProblems(spec: IntegrationEventSpec<TObject>): string[] {
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
