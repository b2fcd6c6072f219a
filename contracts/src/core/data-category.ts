// The data category of every field is declared once, next to the field, as a JSON
// Schema annotation. Consent and disclosure protocolling filter on it, so a field
// without a category cannot be published.
import { CloneType, type TSchema } from '@sinclair/typebox';

export const dataCategories = ['identifying', 'work', 'care-summary', 'financial', 'administrative'] as const;

/**
 * - identifying: links to a person (the pseudonymous client key; never the BSN or a name)
 * - work: participation, vacancies, placements, hours
 * - care-summary: work-oriented outcome of care (screening advice), never a diagnosis
 * - financial: amounts, funding, benefits
 * - administrative: ids, dates, routing, status
 */
export type DataCategory = (typeof dataCategories)[number];

/** The JSON Schema annotation keyword carrying a field's data category. */
export const dataCategoryKeyword = 'x-data-category';

export function isDataCategory(value: unknown): value is DataCategory {
  return typeof value === 'string' && (dataCategories as readonly string[]).includes(value);
}

/** Declares a field together with its data category: `field('work', Type.Integer())`. */
export function field<T extends TSchema>(category: DataCategory, schema: T): T {
  return CloneType(schema, { [dataCategoryKeyword]: category });
}

export function dataCategoryOf(schema: TSchema): DataCategory | undefined {
  const value: unknown = (schema as Record<string, unknown>)[dataCategoryKeyword];
  return isDataCategory(value) ? value : undefined;
}
