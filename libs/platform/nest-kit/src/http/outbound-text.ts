// Free text that leaves this organisation (a referral reason, a decline reason, a
// placement role) is declared so on its field: `outboundText(Type.String(…))`. The
// schema pipe then refuses such a field when the chain's detector finds personal data in
// it (a BSN, an ICD-10 or DSM code, an e-mail address, a phone number), before the
// handler runs, so nothing is appended and nothing reaches the bus. The annotation is a
// JSON Schema keyword, so it also shows in the OpenAPI document and tests can find every
// annotated field from there.
import { CloneType, type TSchema } from '@sinclair/typebox';
import type { ErrorObject } from 'ajv';
import { freeTextIssuesOf, personalDataInText } from '@wcc/contracts';

/** The JSON Schema keyword marking free text that leaves this organisation. */
export const outboundFreeTextKeyword = 'x-outbound-free-text';

const refusedHere = 'Leaves this organisation: refused when it contains a BSN, a diagnosis code (ICD-10, DSM), an e-mail address or a phone number.';

/** Marks a string field as free text that leaves this organisation (and says so in its description). */
export function outboundText<T extends TSchema>(schema: T): T {
  const description = typeof schema.description === 'string' ? `${schema.description} ${refusedHere}` : refusedHere;
  return Object.assign(CloneType(schema), { [outboundFreeTextKeyword]: true, description });
}

export function isOutboundText(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && (schema as Record<string, unknown>)[outboundFreeTextKeyword] === true;
}

/** JSON Pointers of the annotated fields of a body schema (array items as `/*`), for tests and documentation. */
export function outboundTextFieldsOf(schema: unknown, pointer = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as { properties?: Record<string, unknown>; items?: unknown };
  return [
    ...(isOutboundText(schema) ? [pointer || '/'] : []),
    ...Object.entries(node.properties ?? {}).flatMap(([name, child]) => outboundTextFieldsOf(child, `${pointer}/${name}`)),
    ...(node.items === undefined ? [] : outboundTextFieldsOf(node.items, `${pointer}/*`)),
  ];
}

type CheckWithErrors = ((enabled: boolean, text: string) => boolean) & { errors?: Partial<ErrorObject>[] };

/** One error per kind of finding, its message the sentence for the person who typed the text. */
const checkOutboundText: CheckWithErrors = (enabled, text) => {
  const issues = enabled ? freeTextIssuesOf(personalDataInText(text)) : [];
  checkOutboundText.errors = issues.map((issue) => ({ keyword: outboundFreeTextKeyword, message: issue.reason, params: { kind: issue.kind, reasonNl: issue.reasonNl } }));
  return issues.length === 0;
};

/** The keyword for ajv (added to the schema pipe's instance). */
export const outboundFreeTextAjvKeyword = {
  keyword: outboundFreeTextKeyword,
  type: 'string' as const,
  schemaType: 'boolean' as const,
  errors: true,
  validate: checkOutboundText,
};
