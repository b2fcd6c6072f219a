// Is a changed event schema still a safe replacement for the released one? Pure:
// released and current JSON Schema in, the incompatible changes out. "Compatible"
// means everything valid under the released schema is still valid under the
// current one and still means the same (same format, same data category), so
// events already stored and consumers already built keep working.

export type JsonSchema = Readonly<Record<string, unknown>>;

export type IncompatibilityKind =
  | 'property-removed'
  | 'property-newly-required'
  | 'type-changed'
  | 'enum-value-removed'
  | 'const-changed'
  | 'additional-properties-tightened'
  | 'format-changed'
  | 'constraint-tightened'
  | 'data-category-changed'
  | 'alternative-removed'
  | 'keyword-changed';

export interface Incompatibility {
  readonly kind: IncompatibilityKind;
  /** JSON Pointer into the data, e.g. '/organisationTypes/items'; '' is the event data itself. */
  readonly path: string;
  readonly message: string;
}

/** Words that only document; changing them never breaks anyone. */
const annotations = new Set(['description', 'title', 'examples', 'default', '$comment', 'deprecated', 'readOnly', 'writeOnly', '$id', '$schema']);
const lowerBounds = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;
const upperBounds = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;
const handled = new Set<string>([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'enum',
  'const',
  'format',
  'items',
  'anyOf',
  'oneOf',
  'pattern',
  'uniqueItems',
  'x-data-category',
  ...lowerBounds,
  ...upperBounds,
]);

export function findIncompatibilities(released: JsonSchema, current: JsonSchema, path = ''): Incompatibility[] {
  const found: Incompatibility[] = [];
  const at = (kind: IncompatibilityKind, message: string, where = path) => found.push({ kind, path: where, message });

  if (released['x-data-category'] !== current['x-data-category']) {
    at('data-category-changed', `data category changed from ${String(released['x-data-category'])} to ${String(current['x-data-category'])}, which changes who may receive it`);
  }

  if (isUnion(released) || isUnion(current)) {
    // Each alternative that was accepted must still be accepted by some alternative.
    for (const [index, alternative] of alternativesOf(released).entries()) {
      if (!alternativesOf(current).some((candidate) => findIncompatibilities(alternative, candidate, path).length === 0)) {
        at('alternative-removed', `alternative ${index + 1} (${JSON.stringify(alternative)}) is no longer accepted`);
      }
    }
    return found;
  }

  const releasedTypes = typesOf(released);
  const currentTypes = typesOf(current);
  if (releasedTypes !== undefined) {
    const lost = releasedTypes.filter((type) => !(currentTypes === undefined || currentTypes.includes(type) || (type === 'integer' && currentTypes.includes('number'))));
    if (lost.length > 0) at('type-changed', `type changed from ${releasedTypes.join('|')} to ${currentTypes?.join('|') ?? 'any'}`);
  } else if (currentTypes !== undefined) {
    at('type-changed', `type was unrestricted and is now ${currentTypes.join('|')}`);
  }

  if (released['format'] !== current['format']) {
    at('format-changed', `format changed from ${show(released['format'])} to ${show(current['format'])}`);
  }

  const currentEnum = current['enum'];
  if (Array.isArray(currentEnum)) {
    const releasedEnum = released['enum'];
    if (!Array.isArray(releasedEnum)) at('enum-value-removed', `values are now restricted to ${currentEnum.map((v) => JSON.stringify(v)).join(', ')}`);
    else {
      const removed = releasedEnum.filter((value) => !currentEnum.some((candidate) => sameJson(candidate, value)));
      if (removed.length > 0) at('enum-value-removed', `enum value(s) ${removed.map((v) => JSON.stringify(v)).join(', ')} removed`);
    }
  }
  if ('const' in current && !('const' in released && sameJson(released['const'], current['const']))) {
    at('const-changed', `value is now fixed to ${JSON.stringify(current['const'])}`);
  }

  for (const bound of lowerBounds) {
    const now = current[bound];
    const before = released[bound];
    if (typeof now === 'number' && (typeof before !== 'number' || now > before)) at('constraint-tightened', `${bound} tightened from ${show(before)} to ${now}`);
  }
  for (const bound of upperBounds) {
    const now = current[bound];
    const before = released[bound];
    if (typeof now === 'number' && (typeof before !== 'number' || now < before)) at('constraint-tightened', `${bound} tightened from ${show(before)} to ${now}`);
  }
  if (current['pattern'] !== undefined && current['pattern'] !== released['pattern']) {
    at('constraint-tightened', `pattern changed from ${show(released['pattern'])} to ${show(current['pattern'])}`);
  }
  if (current['uniqueItems'] === true && released['uniqueItems'] !== true) at('constraint-tightened', 'items must now be unique');

  const releasedProperties = propertiesOf(released);
  const currentProperties = propertiesOf(current);
  for (const [name, releasedProperty] of Object.entries(releasedProperties)) {
    const currentProperty = currentProperties[name];
    if (currentProperty === undefined) at('property-removed', `property '${name}' was removed`, `${path}/${name}`);
    else found.push(...findIncompatibilities(releasedProperty, currentProperty, `${path}/${name}`));
  }
  const wasRequired = new Set(requiredOf(released));
  for (const name of requiredOf(current)) {
    if (!wasRequired.has(name)) at('property-newly-required', `property '${name}' is now required`, `${path}/${name}`);
  }

  const wasOpen = released['additionalProperties'] !== false;
  const nowOpen = current['additionalProperties'] === undefined || current['additionalProperties'] === true;
  if (wasOpen && !nowOpen && !sameJson(released['additionalProperties'], current['additionalProperties'])) {
    at('additional-properties-tightened', 'additionalProperties tightened: properties that were allowed are now refused');
  }

  const releasedItems = released['items'];
  const currentItems = current['items'];
  if (isSchema(releasedItems) && isSchema(currentItems)) found.push(...findIncompatibilities(releasedItems, currentItems, `${path}/items`));
  else if (!sameJson(releasedItems, currentItems) && currentItems !== undefined) at('keyword-changed', 'items changed');

  // Anything this check does not understand counts as a break until someone teaches it otherwise.
  for (const keyword of new Set([...Object.keys(released), ...Object.keys(current)])) {
    if (handled.has(keyword) || annotations.has(keyword) || keyword.startsWith('x-')) continue;
    if (!sameJson(released[keyword], current[keyword])) at('keyword-changed', `keyword '${keyword}' changed; this check cannot prove that compatible`);
  }
  return found;
}

function show(value: unknown): string {
  return value === undefined ? 'none' : typeof value === 'string' ? value : JSON.stringify(value);
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isUnion(schema: JsonSchema): boolean {
  return Array.isArray(schema['anyOf']) || Array.isArray(schema['oneOf']);
}

function alternativesOf(schema: JsonSchema): JsonSchema[] {
  const alternatives = schema['anyOf'] ?? schema['oneOf'];
  return Array.isArray(alternatives) ? alternatives.filter(isSchema) : [schema];
}

function typesOf(schema: JsonSchema): string[] | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : undefined;
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const properties = schema['properties'];
  if (!isSchema(properties)) return {};
  return Object.fromEntries(Object.entries(properties).filter((entry): entry is [string, JsonSchema] => isSchema(entry[1])));
}

function requiredOf(schema: JsonSchema): string[] {
  const required = schema['required'];
  return Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : [];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isSchema(value))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical(value[key])]),
    );
  return value;
}
