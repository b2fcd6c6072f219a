// Body-parser failures through a real service app: Nest would otherwise answer
// malformed JSON with a bare 400 without `errors`.
import { Controller, Module, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Public } from '../auth/decorators';
import { createServiceApp } from '../bootstrap';
import { outboundFreeTextKeyword, outboundText } from './outbound-text';
import { SchemaBody } from './schema-body';

@Controller('things')
class ThingsController {
  @Public()
  @Post()
  create(@SchemaBody(Type.Object({ name: Type.String() }, { additionalProperties: false })) _body: unknown): { ok: true } {
    return { ok: true };
  }

  @Public()
  @Post('declines')
  decline(@SchemaBody(Type.Object({ reason: outboundText(Type.String()) }, { additionalProperties: false })) _body: unknown): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [ThingsController] })
class BodyErrorsModule {}

describe('body-parser failures in a service app', () => {
  let app: NestExpressApplication;
  let base = '';
  const silent = { write: () => undefined };

  beforeAll(async () => {
    app = await createServiceApp(BodyErrorsModule, { name: 'body-errors', title: 'Body errors', description: 'test' }, { logDestination: silent });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (body: string) => fetch(`${base}/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers malformed JSON with a 400 problem naming the body', async () => {
    const response = await post('{"name":');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 400, code: 'malformed-json', errors: [{ field: '/', reason: 'malformed JSON' }] });
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await post(JSON.stringify({ name: 'x'.repeat(1_100_000) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, code: 'payload-too-large' });
  });

  it('still validates a well-formed body', async () => {
    expect((await post('{"name":"a"}')).status).toBe(201);
    expect(await (await post('{"name":1}')).json()).toMatchObject({ status: 400, errors: [{ field: '/name' }] });
  });

  it('refuses personal data in outbound free text as a problem naming the field, and documents the annotation in OpenAPI', async () => {
    const response = await fetch(`${base}/things/declines`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'bel 06-12345678' }) });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 400, code: 'invalid-request', errors: [{ field: '/reason', reason: expect.stringMatching(/^contains a Dutch phone number/) as unknown }] });
    const document = JSON.stringify(await (await fetch(`${base}/docs/openapi.json`)).json());
    expect(document).toContain(`"${outboundFreeTextKeyword}":true`);
  });
});
