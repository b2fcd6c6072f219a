import { describe, expect, it } from 'vitest';
import { openApiLintErrors } from './service-kit';

const document = (responses: Record<string, unknown>) => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1', license: { name: 'UNLICENSED', identifier: 'UNLICENSED' } },
  servers: [{ url: '/' }],
  security: [],
  paths: { '/things': { get: { summary: 'Things', operationId: 'things', responses: { '200': { description: 'ok' }, ...responses } } } },
});

describe('openApiLintErrors', () => {
  it('finds a refusal documented without application/problem+json', async () => {
    const errors = await openApiLintErrors(document({ '404': { description: 'none' } }));
    expect(errors).toContain('house-problem-json: GET /things 404 is documented as no content, not application/problem+json with a schema');
  });

  it('passes a refusal documented as problem+json with a schema', async () => {
    const errors = await openApiLintErrors(document({ '404': { description: 'none', content: { 'application/problem+json': { schema: { type: 'object' } } } } }));
    expect(errors.filter((e) => e.startsWith('house-'))).toEqual([]);
  });

  it('reports Redocly’s own errors, such as a document without servers', async () => {
    const { servers: _servers, ...withoutServers } = document({});
    expect((await openApiLintErrors(withoutServers)).some((e) => e.startsWith('no-empty-servers'))).toBe(true);
  });
});
