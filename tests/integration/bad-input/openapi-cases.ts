// Bad-input cases generated from a service's OpenAPI document, so a new endpoint is
// covered the day it is documented: the auth cases and unknown ids for every secured
// operation, and for every JSON body malformed JSON, a body over 1 MB, each required
// field missing, each field of the wrong type, an unknown field, each enum with a value
// outside it and each from/to date pair reversed; query enums and types likewise. Every
// field declared free text that leaves the organisation (x-outbound-free-text) gets a
// BSN, an ICD-10 code, an e-mail address and a phone number, each of which must be a 400
// naming that field for that reason.
import { randomUUID } from 'node:crypto';

export interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly enum?: readonly unknown[];
  readonly items?: JsonSchema;
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly multipleOf?: number;
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly $ref?: string;
  /** Free text that leaves the organisation (nest-kit's outboundText). */
  readonly 'x-outbound-free-text'?: boolean;
}

interface OpenApiParameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: JsonSchema;
}

interface OpenApiOperation {
  readonly summary?: string;
  readonly parameters?: readonly OpenApiParameter[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: JsonSchema }>> };
  readonly responses?: Readonly<Record<string, unknown>>;
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Parameter {
  readonly name: string;
  readonly schema: JsonSchema;
}

export interface Operation {
  readonly method: HttpMethod;
  /** The path template, e.g. `/cases/{caseId}/consents`. */
  readonly path: string;
  readonly summary: string;
  /** Status codes the document lists for this operation. */
  readonly documented: ReadonlySet<number>;
  /** The operation needs a bearer token (it documents 401). */
  readonly secured: boolean;
  readonly pathParams: readonly Parameter[];
  readonly queryParams: readonly Parameter[];
  readonly body?: JsonSchema;
}

export const operationKey = (op: Pick<Operation, 'method' | 'path'>): string => `${op.method} ${op.path}`;

/** Which token the case sends. */
export type Credential =
  | 'caller' // an organisation and roles the operation serves
  | 'none'
  | 'expired'
  | 'forged'
  | 'outsider' // an organisation type or role the operation refuses
  | 'other-organisation'; // the right type and role, another organisation

/** Which ids go into the path: the fixtures' ids, or unknown ones from position `from` on. */
export type PathIds = { readonly kind: 'known-or-unknown' } | { readonly kind: 'unknown-from'; readonly from: number } | { readonly kind: 'malformed'; readonly param: string };

export type CaseBody = { readonly json: unknown } | { readonly raw: string };

export interface BadInputCase {
  readonly operation: Operation;
  readonly name: string;
  readonly credential: Credential;
  readonly pathIds: PathIds;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: CaseBody;
  /** Acceptable statuses, all 4xx. */
  readonly statuses: readonly number[];
  /** For 400: the `errors` must name one of these (JSON pointer or parameter name). */
  readonly fields?: readonly string[];
  /** For 400: and the issue naming the field must give this reason. */
  readonly reason?: RegExp;
}

/** Valid values for strings a generic generator cannot guess (patterns, ids of fixtures). */
export type ValueHint = (name: string, schema: JsonSchema) => unknown;

const INVALID_ENUM = 'not-a-valid-value';
const UNKNOWN_FIELD = 'unexpectedField';
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return resolve(doc, doc.components?.schemas?.[name]);
}

/** Inlines `$ref`s so the rest of the generator sees plain schemas. */
function inline(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined {
  const s = resolve(doc, schema);
  if (!s) return undefined;
  return {
    ...s,
    ...(s.properties ? { properties: Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, inline(doc, v) ?? {}])) } : {}),
    ...(s.items ? { items: inline(doc, s.items) ?? {} } : {}),
  };
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [verb, op] of Object.entries(item)) {
      const method = verb.toUpperCase() as HttpMethod;
      if (!METHODS.includes(method)) continue;
      const documented = new Set(
        Object.keys(op.responses ?? {})
          .map(Number)
          .filter((n) => Number.isInteger(n)),
      );
      const params = op.parameters ?? [];
      const body = op.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method,
        path,
        summary: op.summary ?? '',
        documented,
        secured: documented.has(401),
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: inline(doc, p.schema) ?? {} })),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: inline(doc, p.schema) ?? {} })),
        ...(body ? { body: inline(doc, body) ?? {} } : {}),
      });
    }
  }
  return operations;
}

// ---------------------------------------------------------------------------------
// Valid values

function today(offsetDays = 0): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  return new Date(Date.parse(`${day}T12:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const STRING_CANDIDATES = ['value-1', 'user-1', 'Ab3_valid-value-0001', '2026-01-01', '+31 20 123 4567', 'a'];

function exampleString(schema: JsonSchema): string {
  switch (schema.format ?? '') {
    case 'date':
      // Today satisfies both "today or later" and "not after today".
      return today();
    case 'date-time':
      return new Date(Date.now() + 3_600_000).toISOString();
    case 'uuid':
      return randomUUID();
    case 'email':
      return 'someone@example.org';
    default:
      break;
  }
  const min = schema.minLength ?? 1;
  const max = schema.maxLength ?? 200;
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  const fits = (s: string) => s.length >= min && s.length <= max && (!pattern || pattern.test(s));
  const found = STRING_CANDIDATES.find(fits) ?? STRING_CANDIDATES.map((c) => c.padEnd(min, 'x')).find(fits);
  if (found === undefined) throw new Error(`No example for a string with pattern ${schema.pattern ?? '-'} (${min}..${max}); add a value hint`);
  return found;
}

function exampleNumber(schema: JsonSchema): number {
  const step = schema.multipleOf ?? 1;
  let n = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : Math.min(1, schema.maximum ?? 1));
  if (schema.exclusiveMinimum !== undefined && n <= schema.exclusiveMinimum) n = schema.exclusiveMinimum + step;
  return n;
}

/**
 * A value the schema accepts. `full`: objects get their optional properties too (the base
 * for mutations, so every field can be broken); otherwise only what is required.
 */
export function exampleOf(schema: JsonSchema, name: string, hint: ValueHint, full: boolean): unknown {
  const hinted = hint(name, schema);
  if (hinted !== undefined) return hinted;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.[0]) return exampleOf(variants[0], name, hint, full);
  switch (schema.type ?? '') {
    case 'string':
      return exampleString(schema);
    case 'integer':
    case 'number':
      return exampleNumber(schema);
    case 'boolean':
      return false;
    case 'array': {
      const items = schema.items ?? {};
      const count = Math.max(schema.minItems ?? 0, items.type === 'object' || full ? 1 : 0);
      // Distinct enum values, so uniqueItems holds.
      if (items.enum) return items.enum.slice(0, count);
      return Array.from({ length: count }, () => exampleOf(items, name, hint, full));
    }
    case 'object':
    default: {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      return Object.fromEntries(
        Object.entries(properties)
          .filter(([key]) => full || required.has(key))
          .map(([key, s]) => [key, exampleOf(s, key, hint, full)]),
      );
    }
  }
}

// ---------------------------------------------------------------------------------
// JSON pointer edits on a copy

type Json = Record<string, unknown> | unknown[];

function tokens(pointer: string): string[] {
  return pointer.split('/').slice(1);
}

function edit(body: unknown, pointer: string, change: (parent: Json, key: string) => void): unknown {
  const copy = structuredClone(body) as Json;
  const path = tokens(pointer);
  let parent: Json = copy;
  for (const token of path.slice(0, -1)) parent = (parent as Record<string, unknown>)[token] as Json;
  change(parent, path[path.length - 1]!);
  return copy;
}

const setAt = (body: unknown, pointer: string, value: unknown) =>
  edit(body, pointer, (parent, key) => {
    (parent as Record<string, unknown>)[key] = value;
  });
const deleteAt = (body: unknown, pointer: string) =>
  edit(body, pointer, (parent, key) => {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  });

function wrongTypeFor(schema: JsonSchema): unknown {
  switch (schema.type ?? '') {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'yes';
    case 'array':
      return 'not-an-array';
    case 'object':
      return 'not-an-object';
    default:
      return undefined;
  }
}

/** `xFrom`/`xTo`, `from`/`to`, `startDate`/`endDate` among sibling date fields. */
export function datePairsOf(names: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const from of names) {
    const candidates = [from.replace(/From$/, 'To'), from === 'from' ? 'to' : '', from.replace(/^start/, 'end'), from.replace(/Start(?=[A-Z]|$)/, 'End')];
    for (const to of candidates) if (to && to !== from && names.includes(to)) pairs.push([from, to]);
  }
  return pairs;
}

const isDate = (s: JsonSchema) => s.format === 'date' || s.format === 'date-time';

interface BodyMutation {
  readonly name: string;
  readonly json: unknown;
  readonly fields: readonly string[];
  readonly reason?: RegExp;
}

/**
 * Personal data a professional might type into free text, each kind as a sentence and
 * bare (for a short field), with the reason the refusal must give. The BSN passes the
 * elfproef; none of it belongs to a real person.
 */
export const PERSONAL_DATA_SAMPLES: readonly { readonly kind: string; readonly texts: readonly string[]; readonly reason: RegExp }[] = [
  { kind: 'a BSN', texts: ['Cliënt 111222333 belde', '111222333'], reason: /looks like a BSN/ },
  { kind: 'an ICD-10 code', texts: ['Eerst behandeling F32.1', 'F32.1'], reason: /ICD-10 diagnosis code/ },
  { kind: 'an e-mail address', texts: ['Mail naar jan@example.nl', 'j@ex.nl'], reason: /e-mail address/ },
  { kind: 'a phone number', texts: ['Bel 06-12345678', '0612345678'], reason: /phone number/ },
];

function outboundTextMutations(s: JsonSchema, pointer: string, valid: unknown): BodyMutation[] {
  if (s['x-outbound-free-text'] !== true) return [];
  return PERSONAL_DATA_SAMPLES.flatMap(({ kind, texts, reason }) => {
    const text = texts.find((t) => t.length >= (s.minLength ?? 0) && t.length <= (s.maxLength ?? Infinity) && (!s.pattern || new RegExp(s.pattern).test(t)));
    if (text === undefined) throw new Error(`No sample of ${kind} fits ${pointer} (${s.minLength ?? 0}..${s.maxLength ?? '-'}, pattern ${s.pattern ?? '-'}); add a shorter one`);
    return [{ name: `${kind} in outbound free text ${pointer}`, json: setAt(valid, pointer, text), fields: [pointer], reason }];
  });
}

/** Every schema-level way to break a body, each on its own, starting from a full valid body. */
export function bodyMutations(schema: JsonSchema, valid: unknown): BodyMutation[] {
  const mutations: BodyMutation[] = [];
  const walk = (s: JsonSchema, pointer: string, value: unknown) => {
    if (s.anyOf || s.oneOf) return;
    if (s.type === 'object' || s.properties) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
      const properties = s.properties ?? {};
      for (const key of s.required ?? []) mutations.push({ name: `missing ${pointer}/${key}`, json: deleteAt(valid, `${pointer}/${key}`), fields: [`${pointer}/${key}`] });
      if (s.additionalProperties === false) {
        mutations.push({ name: `unknown field ${pointer}/${UNKNOWN_FIELD}`, json: setAt(valid, `${pointer}/${UNKNOWN_FIELD}`, 'surprise'), fields: [`${pointer}/${UNKNOWN_FIELD}`] });
      }
      const dated = Object.entries(properties)
        .filter(([, p]) => isDate(p))
        .map(([k]) => k);
      for (const [from, to] of datePairsOf(dated)) {
        const early = properties[from]!.format === 'date-time' ? `${today(10)}T09:00:00Z` : today(10);
        const late = properties[to]!.format === 'date-time' ? `${today(20)}T09:00:00Z` : today(20);
        let reversed = setAt(valid, `${pointer}/${from}`, late);
        reversed = setAt(reversed, `${pointer}/${to}`, early);
        mutations.push({ name: `dates in the wrong order ${pointer}/${from} > ${pointer}/${to}`, json: reversed, fields: [`${pointer}/${from}`, `${pointer}/${to}`] });
      }
      for (const [key, p] of Object.entries(properties)) {
        const child = `${pointer}/${key}`;
        const wrong = wrongTypeFor(p);
        if (wrong !== undefined && !p.anyOf && !p.oneOf) mutations.push({ name: `wrong type ${child}`, json: setAt(valid, child, wrong), fields: [child] });
        if (p.enum) mutations.push({ name: `invalid enum ${child}`, json: setAt(valid, child, typeof p.enum[0] === 'number' ? 987654 : INVALID_ENUM), fields: [child] });
        if (p.type === 'array' && p.items?.enum) {
          mutations.push({ name: `invalid enum ${child}/0`, json: setAt(valid, child, [typeof p.items.enum[0] === 'number' ? 987654 : INVALID_ENUM]), fields: [`${child}/0`] });
        }
        mutations.push(...outboundTextMutations(p, child, valid));
        const items = p.type === 'array' ? p.items : undefined;
        const first = (value as Record<string, unknown>)[key];
        if (items && Array.isArray(first) && first.length > 0) mutations.push(...outboundTextMutations(items, `${child}/0`, valid));
        walk(p, child, (value as Record<string, unknown>)[key]);
      }
    } else if (s.type === 'array' && s.items && Array.isArray(value) && value.length > 0 && (s.items.type === 'object' || s.items.properties)) {
      walk(s.items, `${pointer}/0`, value[0]);
    }
  };
  walk(schema, '', valid);
  return mutations;
}

// ---------------------------------------------------------------------------------
// Cases per operation

export interface CaseOptions {
  /** Valid values for fields and parameters by name. */
  readonly hint: ValueHint;
  /** Path parameters the fixtures know an id for (by name). */
  readonly known: ReadonlySet<string>;
  /** The service names a token type it refuses for this operation (an outsider). */
  readonly hasOutsider: (op: Operation) => boolean;
  /** The service has a same-type token of another organisation for this operation. */
  readonly hasOtherOrganisation: (op: Operation) => boolean;
}

/** The statuses of `wanted` the operation documents, or `fallback` when it documents none of them. */
function documentedOf(op: Operation, wanted: readonly number[], fallback: readonly number[]): number[] {
  const found = wanted.filter((s) => op.documented.has(s));
  return found.length > 0 ? found : [...fallback];
}

export function casesFor(op: Operation, options: CaseOptions): BadInputCase[] {
  if (!op.secured) return [];
  const cases: BadInputCase[] = [];
  const base = { operation: op, pathIds: { kind: 'known-or-unknown' } as PathIds };
  const minimalBody = op.body ? { json: exampleOf(op.body, '', options.hint, false) } : undefined;
  const withBody = minimalBody ? { body: minimalBody } : {};

  cases.push({ ...base, ...withBody, name: 'no token', credential: 'none', statuses: [401] });
  cases.push({ ...base, ...withBody, name: 'expired token', credential: 'expired', statuses: [401] });
  cases.push({ ...base, ...withBody, name: 'forged token', credential: 'forged', statuses: [401] });
  if (op.documented.has(403) && options.hasOutsider(op)) {
    cases.push({ ...base, ...withBody, name: 'organisation type or role not served', credential: 'outsider', statuses: [403] });
  }

  const idRefusals = documentedOf(op, [403, 404], [404]);
  op.pathParams.forEach((param, index) => {
    const parentsKnown = op.pathParams.slice(0, index).every((p) => options.known.has(p.name));
    if (!parentsKnown) return;
    const name =
      index === 0
        ? `unknown ${param.name}`
        : `unknown ${param.name} under known ${op.pathParams
            .slice(0, index)
            .map((p) => p.name)
            .join(', ')}`;
    cases.push({ ...base, ...withBody, pathIds: { kind: 'unknown-from', from: index }, name, credential: 'caller', statuses: idRefusals });
  });
  for (const param of op.pathParams) {
    cases.push({
      ...base,
      ...withBody,
      pathIds: { kind: 'malformed', param: param.name },
      name: `malformed ${param.name}`,
      credential: 'caller',
      statuses: documentedOf(op, [400, 403, 404], [404]),
      fields: [param.name],
    });
  }
  if (op.pathParams.length > 0 && op.pathParams.every((p) => options.known.has(p.name)) && options.hasOtherOrganisation(op)) {
    cases.push({ ...base, ...withBody, name: "another organisation's item", credential: 'other-organisation', statuses: idRefusals });
  }

  if (op.body) {
    const full = exampleOf(op.body, '', options.hint, true);
    cases.push({ ...base, name: 'malformed JSON', credential: 'caller', body: { raw: '{"truncated": ' }, statuses: [400], fields: ['/'] });
    cases.push({ ...base, name: 'an array instead of an object', credential: 'caller', body: { json: [] }, statuses: [400], fields: ['/'] });
    cases.push({ ...base, name: 'body over 1 MB', credential: 'caller', body: { raw: JSON.stringify({ padding: 'x'.repeat(1_100_000) }) }, statuses: [413] });
    for (const mutation of bodyMutations(op.body, full)) {
      cases.push({
        ...base,
        name: mutation.name,
        credential: 'caller',
        body: { json: mutation.json },
        statuses: [400],
        fields: mutation.fields,
        ...(mutation.reason ? { reason: mutation.reason } : {}),
      });
    }
  }

  if (op.documented.has(400)) {
    for (const param of op.queryParams) {
      const s = param.schema;
      const wrong = s.enum ? INVALID_ENUM : s.type === 'number' || s.type === 'integer' ? 'not-a-number' : s.type === 'boolean' ? 'maybe' : undefined;
      if (wrong !== undefined) {
        cases.push({ ...base, ...withBody, name: `invalid query ${param.name}`, credential: 'caller', query: { [param.name]: wrong }, statuses: [400], fields: [param.name] });
      }
    }
    for (const [from, to] of datePairsOf(op.queryParams.map((p) => p.name))) {
      cases.push({
        ...base,
        ...withBody,
        name: `query dates in the wrong order ${from} > ${to}`,
        credential: 'caller',
        query: { [from]: today(20), [to]: today(10) },
        statuses: [400],
        fields: [from, to],
      });
    }
  }
  return cases;
}

/** The JSON Pointers of every field the schema declares free text that leaves the organisation (array items as `/0`). */
export function outboundTextFieldsOf(schema: JsonSchema | undefined, pointer = ''): string[] {
  if (!schema) return [];
  return [
    ...(schema['x-outbound-free-text'] === true ? [pointer] : []),
    ...Object.entries(schema.properties ?? {}).flatMap(([key, child]) => outboundTextFieldsOf(child, `${pointer}/${key}`)),
    ...outboundTextFieldsOf(schema.items, `${pointer}/0`),
  ];
}

/**
 * Does a problem's `errors[].field` name `expected` (and, when given, with a reason
 * matching `reason`)? Pointers and bare names compare alike; a deeper pointer counts.
 */
export function namesField(errors: unknown, expected: readonly string[], reason?: RegExp): boolean {
  if (!Array.isArray(errors)) return false;
  const norm = (f: string) => f.replace(/^\/+/, '');
  return errors.some((e) => {
    const field = typeof (e as { field?: unknown })?.field === 'string' ? norm((e as { field: string }).field) : undefined;
    if (field === undefined) return false;
    if (reason && !reason.test(String((e as { reason?: unknown }).reason))) return false;
    return expected.some((x) => {
      const want = norm(x);
      return field === want || field.startsWith(`${want}/`) || (want === '' && field === '');
    });
  });
}
