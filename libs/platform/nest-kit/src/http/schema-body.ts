// Request bodies are declared as JSON Schema (TypeBox): the same schema validates the
// body (ajv, every error at once) and documents it in OpenAPI. Unknown fields are
// refused, so a typo never silently drops data, and a field declared `outboundText`
// is refused when it carries personal data (see outbound-text.ts).
import { Body, applyDecorators, type PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import type { Static, TSchema } from '@sinclair/typebox';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { outboundFreeTextAjvKeyword, outboundFreeTextKeyword } from './outbound-text';
import { ProblemException, type FieldIssue } from './problem';

const ajv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: false })).addKeyword(outboundFreeTextAjvKeyword);

function issueOf(error: ErrorObject): FieldIssue {
  const base = error.instancePath || '/';
  switch (error.keyword) {
    case 'additionalProperties':
      return { field: `${error.instancePath}/${String(error.params['additionalProperty'])}`, reason: 'unknown field' };
    case 'required':
      return { field: `${error.instancePath}/${String(error.params['missingProperty'])}`, reason: 'is required' };
    case 'enum':
      return { field: base, reason: `must be one of: ${(error.params['allowedValues'] as unknown[]).join(', ')}` };
    case outboundFreeTextKeyword:
      return { field: base, reason: error.message ?? 'contains personal data', reasonNl: String(error.params['reasonNl']) };
    default:
      return { field: base, reason: error.message ?? 'is not valid' };
  }
}

export class SchemaValidationPipe<S extends TSchema> implements PipeTransform<unknown, Static<S>> {
  private readonly validate;

  constructor(schema: S) {
    this.validate = ajv.compile<Static<S>>(schema);
  }

  transform(value: unknown): Static<S> {
    if (value === undefined || value === null || typeof value !== 'object') {
      throw ProblemException.validation([{ field: '/', reason: 'a JSON object body is required' }]);
    }
    if (this.validate(value)) return value;
    throw ProblemException.validation((this.validate.errors ?? []).map(issueOf));
  }
}

/** `@SchemaBody(Schema) body: Static<typeof Schema>`: validated body, documented in OpenAPI. */
export function SchemaBody<S extends TSchema>(schema: S): ParameterDecorator {
  const pipe = new SchemaValidationPipe(schema);
  return (target, key, index) => {
    Body(pipe)(target, key, index);
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) applyDecorators(ApiBody({ schema: schema as Record<string, unknown> }))(target, key, descriptor);
    }
  };
}
