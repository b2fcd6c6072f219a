// The readable line of every partner event: known (not the fallback), in Dutch and
// English, and made only of fields whoever sees the item may see (its headline
// category and administrative ones): changing any other field leaves it unchanged.
import { describe, expect, it } from 'vitest';
import { chainTopics, integrationEvents, type DataCategory } from '@wcc/contracts';
import { describeEntry, fieldsForLine } from './describe';
import { headlineCategoryOf, mostSensitive } from './headline';
import { isPartnerOrganisationType } from './vocabulary';

// What the case view receives: the partners' chain topics (not an audience-only copy).
const partnerEvents = integrationEvents.filter((d) => isPartnerOrganisationType(d.producer) && (chainTopics as readonly string[]).includes(d.topic));

function lineOf(definition: (typeof partnerEvents)[number], data: Record<string, unknown>) {
  const headlineCategory = headlineCategoryOf(definition.producer, definition.name, definition.categories);
  return describeEntry({ producer: definition.producer as never, name: definition.name, data, fieldCategories: definition.categories, headlineCategory });
}

/** A different value of the same JSON type, so a line that used the field would change. */
function scramble(value: unknown): unknown {
  if (typeof value === 'string') return `${value}-CHANGED`;
  if (typeof value === 'number') return value + 17;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return [...(value as unknown[]), 'CHANGED'];
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scramble(v)]));
  return value;
}

describe('readable lines', () => {
  it.each(partnerEvents.map((d) => [d.type, d] as const))('%s has its own line in Dutch and English', (_type, definition) => {
    const line = lineOf(definition, definition.example as Record<string, unknown>);
    expect(line.nl).not.toBe(`${definition.name} (${definition.producer})`);
    expect(line.en).not.toBe(`${definition.name} (${definition.producer})`);
    expect(line.nl.length).toBeGreaterThan(5);
    expect(line.en).not.toBe(line.nl);
  });

  it.each(partnerEvents.map((d) => [d.type, d] as const))('%s: the line uses no field beyond its headline category and administrative ones', (_type, definition) => {
    const example = definition.example as Record<string, unknown>;
    const headline = headlineCategoryOf(definition.producer, definition.name, definition.categories);
    const changed = Object.fromEntries(
      Object.entries(example).map(([name, value]) => [name, definition.categories[name] === headline || definition.categories[name] === 'administrative' ? value : scramble(value)]),
    );
    expect(lineOf(definition, changed)).toEqual(lineOf(definition, example));
  });

  it('keeps fields of the headline category and administrative ones only', () => {
    const categories: Record<string, DataCategory> = { a: 'work', b: 'administrative', c: 'care-summary', d: 'financial' };
    expect(fieldsForLine({ a: 1, b: 2, c: 3, d: 4 }, categories, 'work')).toEqual({ a: 1, b: 2 });
  });

  it('an event the headline table does not know is as sensitive as its most sensitive field', () => {
    expect(headlineCategoryOf('municipality', 'SomethingNew', { caseId: 'administrative', x: 'work', y: 'care-summary' })).toBe('care-summary');
    expect(mostSensitive(['administrative', 'financial', 'identifying'])).toBe('financial');
  });

  it('reads the ZRM domains out of the line of a measurement (they are a care summary)', () => {
    const measured = partnerEvents.find((d) => d.name === 'ParticipationMeasured')!;
    const line = lineOf(measured, measured.example as Record<string, unknown>);
    expect(line).toEqual({ nl: 'Participatieladder gemeten (baseline), trede 2, met groeipotentieel', en: 'Participation ladder measured (baseline), rung 2, with growth potential' });
  });
});
