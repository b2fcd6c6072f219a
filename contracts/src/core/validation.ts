// One Ajv instance for every contract: all errors at once (a dead letter should
// name every fault, not the first), standard formats, and the data-category
// annotation known to strict mode so a typo in another keyword still fails.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { dataCategories, dataCategoryKeyword } from './data-category';

export interface ValidationIssue {
  /** JSON Pointer to the offending field, e.g. '/replyDeadline'; '' is the payload itself. */
  readonly path: string;
  readonly message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
ajv.addKeyword({ keyword: dataCategoryKeyword, schemaType: 'string', metaSchema: { enum: [...dataCategories] } });

export function compileValidator<T>(schema: object): (data: unknown) => ValidationResult<T> {
  const check: ValidateFunction = ajv.compile(schema);
  return (data) => (check(data) ? { ok: true, value: data as T } : { ok: false, issues: (check.errors ?? []).map(toIssue) });
}

function toIssue(error: ErrorObject): ValidationIssue {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: `${error.instancePath}/${String(params['missingProperty'])}`, message: 'is required' };
    case 'additionalProperties':
      return { path: `${error.instancePath}/${String(params['additionalProperty'])}`, message: 'is not part of this event type' };
    case 'enum':
      return { path: error.instancePath, message: `${error.message ?? 'must be one of'}: ${(params['allowedValues'] as unknown[]).join(', ')}` };
    default:
      return { path: error.instancePath, message: error.message ?? `fails ${error.keyword}` };
  }
}
