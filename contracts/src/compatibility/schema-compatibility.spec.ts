import { describe, expect, it } from 'vitest';
import { findIncompatibilities, type IncompatibilityKind, type JsonSchema } from './schema-compatibility';

const released: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['caseId', 'route', 'hours'],
  properties: {
    caseId: { type: 'string', format: 'uuid', 'x-data-category': 'administrative' },
    route: { type: 'string', enum: ['ips', 'reintegration'], 'x-data-category': 'care-summary' },
    hours: { type: 'integer', minimum: 0, maximum: 40, 'x-data-category': 'care-summary' },
    note: { type: 'string', maxLength: 500, 'x-data-category': 'administrative' },
    limitations: { type: 'array', items: { type: 'string', enum: ['social', 'hours'] }, 'x-data-category': 'care-summary' },
    contract: {
      anyOf: [
        { const: 'temporary', type: 'string' },
        { const: 'permanent', type: 'string' },
      ],
      'x-data-category': 'work',
    },
  },
};

type Mutable = Record<string, unknown> & { properties: Record<string, Record<string, unknown>>; required: string[] };

function changed(edit: (schema: Mutable) => void): JsonSchema {
  const copy = structuredClone(released) as Mutable;
  edit(copy);
  return copy;
}

function kindsOf(current: JsonSchema): [IncompatibilityKind, string][] {
  return findIncompatibilities(released, current).map((change) => [change.kind, change.path]);
}

describe('findIncompatibilities', () => {
  it('finds nothing when nothing changed', () => {
    expect(findIncompatibilities(released, structuredClone(released))).toEqual([]);
  });

  it.each<[string, (schema: Mutable) => void]>([
    ['adding an optional property', (s) => (s.properties['startDate'] = { type: 'string', format: 'date', 'x-data-category': 'work' })],
    ['making a required property optional', (s) => (s.required = s.required.filter((name) => name !== 'hours'))],
    ['adding an enum value', (s) => (s.properties['route']!['enum'] = ['ips', 'reintegration', 'care-first'])],
    ['widening integer to number', (s) => (s.properties['hours']!['type'] = 'number')],
    ['loosening a bound', (s) => (s.properties['note']!['maxLength'] = 1000)],
    [
      'adding an alternative',
      (s) =>
        (s.properties['contract']!['anyOf'] = [
          { const: 'temporary', type: 'string' },
          { const: 'permanent', type: 'string' },
          { const: 'zero-hours', type: 'string' },
        ]),
    ],
    ['rewording a description', (s) => (s.properties['note']!['description'] = 'Free text for the receiver.')],
  ])('accepts %s', (_change, edit) => {
    expect(findIncompatibilities(released, changed(edit))).toEqual([]);
  });

  it.each<[string, (schema: Mutable) => void, IncompatibilityKind, string]>([
    ['removing a property', (s) => delete s.properties['note'], 'property-removed', '/note'],
    ['requiring an existing property', (s) => s.required.push('note'), 'property-newly-required', '/note'],
    [
      'adding a required property',
      (s) => {
        s.properties['startDate'] = { type: 'string', format: 'date', 'x-data-category': 'work' };
        s.required.push('startDate');
      },
      'property-newly-required',
      '/startDate',
    ],
    ['changing a type', (s) => (s.properties['hours']!['type'] = 'string'), 'type-changed', '/hours'],
    ['removing an enum value', (s) => (s.properties['route']!['enum'] = ['ips']), 'enum-value-removed', '/route'],
    ['removing an enum value inside array items', (s) => (s.properties['limitations']!['items'] = { type: 'string', enum: ['social'] }), 'enum-value-removed', '/limitations/items'],
    ['removing an alternative', (s) => (s.properties['contract']!['anyOf'] = [{ const: 'temporary', type: 'string' }]), 'alternative-removed', '/contract'],
    ['changing a format', (s) => (s.properties['caseId']!['format'] = 'uri'), 'format-changed', '/caseId'],
    ['dropping a format', (s) => delete s.properties['caseId']!['format'], 'format-changed', '/caseId'],
    ['tightening a bound', (s) => (s.properties['note']!['maxLength'] = 200), 'constraint-tightened', '/note'],
    ['adding a pattern', (s) => (s.properties['note']!['pattern'] = '^[a-z]+$'), 'constraint-tightened', '/note'],
    ['moving a field to another data category', (s) => (s.properties['hours']!['x-data-category'] = 'work'), 'data-category-changed', '/hours'],
    ['adding a keyword the check does not know', (s) => (s.properties['note']!['not'] = { const: '' }), 'keyword-changed', '/note'],
  ])('refuses %s', (_change, edit, kind, path) => {
    expect(kindsOf(changed(edit))).toContainEqual([kind, path]);
  });

  it('refuses narrowing number to integer', () => {
    expect(findIncompatibilities({ type: 'number' }, { type: 'integer' }).map((change) => change.kind)).toEqual(['type-changed']);
  });

  it('refuses tightening additionalProperties', () => {
    const open: JsonSchema = { type: 'object', properties: { caseId: { type: 'string' } } };
    const closed: JsonSchema = { ...open, additionalProperties: false };
    expect(findIncompatibilities(open, closed).map((change) => change.kind)).toEqual(['additional-properties-tightened']);
    expect(findIncompatibilities(closed, open)).toEqual([]);
  });

  it('names the field and what happened in its message', () => {
    const [change] = findIncompatibilities(
      released,
      changed((s) => (s.properties['route']!['enum'] = ['ips'])),
    );
    expect(change?.message).toBe('enum value(s) "reintegration" removed');
  });
});
