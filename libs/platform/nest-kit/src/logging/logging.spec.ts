import http from 'node:http';
import { Controller, Logger, Module, Post, Req } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Type } from '@sinclair/typebox';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import { Public } from '../auth/decorators';
import { createServiceApp } from '../bootstrap';
import { commandMetadataFrom, commandMetadataFromEvent } from '../http/command-metadata';
import { SchemaBody } from '../http/schema-body';
import { tracedHandling } from '../messaging/messaging.module';
import { PinoNestLogger } from './nest-logger';
import { createServiceLogger } from './service-logger';
import { childTraceOf, runWithTrace } from './trace-context';

const user = { userId: 'u-1', organisationId: 'gemeente-utrecht', organisationType: 'municipality', roles: ['client-manager'] } as const;
const BSN = '111222333';
const INCOMING_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

type LogLine = Record<string, unknown>;

function capture(): { lines: LogLine[]; raw: string[]; destination: { write(line: string): void } } {
  const raw: string[] = [];
  const lines: LogLine[] = [];
  return {
    lines,
    raw,
    destination: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line) as LogLine);
      },
    },
  };
}

const Registration = Type.Object({ bsn: Type.String({ pattern: '^[0-9]{9}$' }), name: Type.String() }, { additionalProperties: false });

@Controller('registrations')
class RegistrationsController {
  private readonly logger = new Logger('registrations');

  @Public()
  @Post()
  register(@SchemaBody(Registration) _body: unknown, @Req() request: Request): { traceparent: string } {
    this.logger.log('registering a client');
    return { traceparent: commandMetadataFrom(request, user).trace?.traceparent ?? '' };
  }
}

@Module({ controllers: [RegistrationsController] })
class LoggingTestModule {}

describe('log lines inside a trace context', () => {
  it('carry level, time, service, trace_id, span_id and msg', () => {
    const out = capture();
    const logger = new PinoNestLogger(createServiceLogger({ service: 'municipality', destination: out.destination }));
    const trace = childTraceOf(`00-${INCOMING_TRACE}-00f067aa0ba902b7-01`);
    runWithTrace(trace, () => logger.log('inside', 'cases'));
    logger.warn('outside');
    expect(out.lines[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      service: 'municipality',
      trace_id: INCOMING_TRACE,
      span_id: trace.spanId,
      context: 'cases',
      msg: 'inside',
    });
    expect(out.lines[1]).toMatchObject({ level: 'warn', service: 'municipality', trace_id: null, msg: 'outside' });
    expect(out.lines[1]).not.toHaveProperty('span_id');
  });

  it('keeps the trace across awaits and redacts a body or BSN someone logs by accident', async () => {
    const out = capture();
    const logger = new PinoNestLogger(createServiceLogger({ service: 'municipality', destination: out.destination }));
    const trace = childTraceOf(undefined);
    await runWithTrace(trace, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.log({ msg: 'careless', body: { bsn: BSN }, bsn: BSN });
    });
    expect(out.lines[0]).toMatchObject({ trace_id: trace.traceId, msg: 'careless', body: '[redacted]', bsn: '[redacted]' });
    expect(out.raw.join('')).not.toContain(BSN);
  });

  it('gives a consumed event handler the CloudEvent trace, shared by its log lines and commands', async () => {
    const out = capture();
    const logger = new PinoNestLogger(createServiceLogger({ service: 'care-provider', destination: out.destination }));
    const event = {
      cloudEvent: { id: 'ce-1', time: '2026-01-05T09:00:00Z', traceparent: `00-${INCOMING_TRACE}-00f067aa0ba902b7-01` },
    } as unknown as ReceivedIntegrationEvent;
    let commandTrace = '';
    await tracedHandling(async (received) => {
      logger.log('handling');
      commandTrace = commandMetadataFromEvent(received, user, 'test').trace?.traceparent ?? '';
    })(event, {} as never);
    const line = out.lines[0]!;
    expect(line).toMatchObject({ trace_id: INCOMING_TRACE, msg: 'handling' });
    expect(commandTrace).toBe(`00-${INCOMING_TRACE}-${String(line['span_id'])}-01`);
    expect(line['span_id']).not.toBe('00f067aa0ba902b7');
  });
});

describe('request logging in a service app', () => {
  const out = capture();
  let app: NestExpressApplication;
  let base = '';

  beforeAll(async () => {
    app = await createServiceApp(LoggingTestModule, { name: 'logging-test', title: 'Logging test', description: 'test' }, { logDestination: out.destination });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(async () => {
    await app.close();
  });

  function linesOf(traceId: string): LogLine[] {
    return out.lines.filter((l) => l['trace_id'] === traceId);
  }

  it('logs the handler line and the request line with the incoming trace, and the command uses the same span', async () => {
    const response = await fetch(`${base}/registrations?bsn=${BSN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${INCOMING_TRACE}-00f067aa0ba902b7-01` },
      body: JSON.stringify({ bsn: BSN, name: 'Jan Jansen' }),
    });
    expect(response.status).toBe(201);
    const { traceparent } = (await response.json()) as { traceparent: string };
    await new Promise((resolve) => setTimeout(resolve, 20));

    const lines = linesOf(INCOMING_TRACE);
    const handler = lines.find((l) => l['msg'] === 'registering a client');
    const request = lines.find((l) => l['msg'] === 'request completed');
    expect(handler).toMatchObject({ level: 'info', service: 'logging-test', context: 'registrations' });
    expect(request).toMatchObject({ level: 'info', service: 'logging-test', method: 'POST', path: '/registrations', status: 201 });
    expect(typeof request?.['duration_ms']).toBe('number');
    expect(traceparent).toBe(`00-${INCOMING_TRACE}-${String(handler?.['span_id'])}-01`);
    expect(request?.['span_id']).toBe(handler?.['span_id']);
    expect(response.headers.get('traceparent')).toBe(traceparent);
  });

  it("keeps the trace when the body arrives in pieces (the body parser finishes in the socket's context)", async () => {
    const trace = 'aaaabbbbccccddddeeeeffff00001111';
    const body = JSON.stringify({ bsn: BSN, name: 'Jan Jansen' });
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${base}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), traceparent: `00-${trace}-00f067aa0ba902b7-01` },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.write(body.slice(0, 10));
      setTimeout(() => request.end(body.slice(10)), 50);
    });
    expect(status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(linesOf(trace).map((l) => l['msg'])).toContain('registering a client');
  });

  it('never logs the body, the query string or the authorization header — also when the body is refused', async () => {
    const refused = await fetch(`${base}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer secret-token-value' },
      body: JSON.stringify({ bsn: BSN, name: 'Jan Jansen', extra: 'Piet Pietersen' }),
    });
    expect(refused.status).toBe(400);
    const malformed = await fetch(`${base}/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"bsn":"${BSN}",` });
    expect(malformed.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const traceOf = (r: Response) => r.headers.get('traceparent')!.split('-')[1]!;
    expect(linesOf(traceOf(refused)).find((l) => l['msg'] === 'request completed')).toMatchObject({ status: 400, path: '/registrations' });
    expect(linesOf(traceOf(malformed)).find((l) => l['msg'] === 'request completed')).toMatchObject({ status: 400 });
    const everything = out.raw.join('');
    for (const secret of [BSN, 'Jan Jansen', 'Piet Pietersen', 'secret-token-value']) expect(everything).not.toContain(secret);
  });
});
