import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ProblemException, SchemaValidationPipe } from '@wcc/nest-kit';
import type { TSchema } from '@sinclair/typebox';
import { bodyMutations, casesFor, datePairsOf, exampleOf, namesField, operationsOf, outboundTextFieldsOf, type JsonSchema, type OpenApiDocument } from './openapi-cases';

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

const consentBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['purpose', 'organisationTypes', 'validFrom', 'contact'],
  properties: {
    purpose: { type: 'string', enum: ['chain-coordination', 'care'] },
    organisationTypes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: ['care-provider', 'insurer'] } },
    validFrom: { type: 'string', format: 'date' },
    validTo: { type: 'string', format: 'date' },
    hours: { type: 'number', minimum: 0, maximum: 40, multipleOf: 0.5 },
    userId: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._@:-]+$' },
    contact: { type: 'object', additionalProperties: false, required: ['person'], properties: { person: { type: 'string', minLength: 1 }, email: { type: 'string', format: 'email' } } },
    attendees: { type: 'array', items: { type: 'object', required: ['userId'], properties: { userId: { type: 'string' } } } },
  },
};

const doc: OpenApiDocument = {
  paths: {
    '/cases/{caseId}/consents': {
      post: {
        parameters: [{ name: 'caseId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        requestBody: { content: { 'application/json': { schema: consentBody } } },
        responses: { '201': {}, '400': {}, '401': {}, '403': {}, '404': {} },
      },
    },
    '/cases': { get: { parameters: [{ name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'closed'] } }], responses: { '200': {}, '400': {}, '401': {} } } },
    '/health': { get: { responses: { '200': {} } } },
  },
};
const none = () => undefined;

describe('cases from an OpenAPI document', () => {
  const operations = operationsOf(doc);
  const post = operations.find((o) => o.method === 'POST')!;

  it('reads operations, their documented statuses and whether they need a token', () => {
    expect(operations.map((o) => `${o.method} ${o.path} ${o.secured}`)).toEqual(['POST /cases/{caseId}/consents true', 'GET /cases true', 'GET /health false']);
    expect([...post.documented]).toEqual([201, 400, 401, 403, 404]);
  });

  it('makes valid minimal and full bodies', () => {
    for (const full of [false, true]) expect(ajv.validate(consentBody, exampleOf(consentBody, '', none, full)), ajv.errorsText()).toBe(true);
  });

  it('breaks a body in every schema-level way, each mutation refused by the schema but the date order', () => {
    const mutations = bodyMutations(consentBody, exampleOf(consentBody, '', none, true));
    const names = mutations.map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'missing /purpose',
        'missing /contact/person',
        'missing /attendees/0/userId',
        'unknown field /unexpectedField',
        'unknown field /contact/unexpectedField',
        'wrong type /hours',
        'wrong type /contact/email',
        'invalid enum /purpose',
        'invalid enum /organisationTypes/0',
        'dates in the wrong order /validFrom > /validTo',
      ]),
    );
    for (const m of mutations.filter((x) => !x.name.startsWith('dates'))) {
      expect(ajv.validate(consentBody, m.json), m.name).toBe(false);
      expect(
        namesField(
          ajv.errors?.map((e) => ({
            field:
              e.keyword === 'required'
                ? `${e.instancePath}/${String(e.params['missingProperty'])}`
                : e.keyword === 'additionalProperties'
                  ? `${e.instancePath}/${String(e.params['additionalProperty'])}`
                  : e.instancePath,
          })),
          m.fields,
        ),
        m.name,
      ).toBe(true);
    }
  });

  it('adds the auth, id, body-limit and query cases', () => {
    const cases = casesFor(post, { hint: none, known: new Set(['caseId']), hasOutsider: () => true, hasOtherOrganisation: () => true });
    const byName = Object.fromEntries(cases.map((c) => [c.name, c.statuses]));
    expect(byName).toMatchObject({
      'no token': [401],
      'expired token': [401],
      'forged token': [401],
      'organisation type or role not served': [403],
      'unknown caseId': [403, 404],
      'malformed caseId': [400, 403, 404],
      "another organisation's item": [403, 404],
      'malformed JSON': [400],
      'body over 1 MB': [413],
    });
    const get = casesFor(operations[1]!, { hint: none, known: new Set(), hasOutsider: () => false, hasOtherOrganisation: () => false });
    expect(get.map((c) => c.name)).toEqual(['no token', 'expired token', 'forged token', 'invalid query status']);
    expect(casesFor(operations[2]!, { hint: none, known: new Set(), hasOutsider: () => true, hasOtherOrganisation: () => true })).toEqual([]);
  });

  it('pairs from/to dates by name', () => {
    expect(datePairsOf(['validFrom', 'validTo', 'periodFrom', 'periodTo', 'startDate', 'endDate', 'from', 'to', 'heldOn'])).toEqual([
      ['validFrom', 'validTo'],
      ['periodFrom', 'periodTo'],
      ['startDate', 'endDate'],
      ['from', 'to'],
    ]);
  });

  it('matches error fields as pointers or names, deeper pointers included', () => {
    expect(namesField([{ field: '/organisationTypes/0' }], ['/organisationTypes/0'])).toBe(true);
    expect(namesField([{ field: 'caseId' }], ['/caseId'])).toBe(true);
    expect(namesField([{ field: '/' }], ['/'])).toBe(true);
    expect(namesField([{ field: '/other' }], ['/bsn'])).toBe(false);
    expect(namesField(undefined, ['/bsn'])).toBe(false);
  });

  it('puts a BSN, an ICD-10 code, an e-mail address and a phone number into every outbound free-text field, each refused by the schema pipe for that reason', () => {
    const declineBody: JsonSchema = {
      type: 'object',
      additionalProperties: false,
      required: ['reasonCode', 'reason'],
      properties: {
        reasonCode: { type: 'string', enum: ['no-capacity'] },
        reason: { type: 'string', minLength: 1, maxLength: 500, 'x-outbound-free-text': true },
        tags: { type: 'array', items: { type: 'string', maxLength: 12, 'x-outbound-free-text': true } },
        note: { type: 'string', maxLength: 500 },
      },
    };
    expect(outboundTextFieldsOf(declineBody)).toEqual(['/reason', '/tags/0']);
    const mutations = bodyMutations(declineBody, exampleOf(declineBody, '', none, true)).filter((m) => m.reason);
    expect(mutations.map((m) => m.name)).toEqual([
      'a BSN in outbound free text /reason',
      'an ICD-10 code in outbound free text /reason',
      'an e-mail address in outbound free text /reason',
      'a phone number in outbound free text /reason',
      'a BSN in outbound free text /tags/0',
      'an ICD-10 code in outbound free text /tags/0',
      'an e-mail address in outbound free text /tags/0',
      'a phone number in outbound free text /tags/0',
    ]);
    const pipe = new SchemaValidationPipe(declineBody as unknown as TSchema);
    for (const m of mutations) {
      // Only the annotation refuses them: without it the body is valid.
      expect(ajv.validate(declineBody, m.json), m.name).toBe(true);
      let errors: unknown;
      try {
        pipe.transform(m.json);
      } catch (err) {
        errors = err instanceof ProblemException ? err.problem.errors : err;
      }
      expect(namesField(errors, m.fields, m.reason), `${m.name}: ${JSON.stringify(errors)}`).toBe(true);
    }
  });
});
